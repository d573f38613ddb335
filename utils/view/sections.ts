import { packageState, SECTION_ORDER, type SectionId, type ViewClock } from '../status/package-state';
import type { PackageRecord } from '../store/types';

/**
 * How the popup groups packages, from the one derivation in `package-state.ts` (the badge uses the same), so a
 * package moves between sections exactly when the badge changes. Pure: the clock and settings are parameters.
 */

export {
  archiveDueAt,
  isLate,
  isStale,
  isStuckOutForDelivery,
  lastNewsAt,
  type ProblemKind,
  problemOf,
  SECTION_ORDER,
  type SectionId,
  type ViewClock,
  viewClock,
} from '../status/package-state';

export interface Section {
  id: SectionId;
  packages: PackageRecord[];
}

/** Which section an active package belongs to; each package appears once; undefined for the archive. */
export function sectionOf(pkg: PackageRecord, clock: ViewClock): SectionId | undefined {
  return packageState(pkg, clock).section;
}

const byEtaThenNewest = (a: PackageRecord, b: PackageRecord) => {
  const ea = a.eta?.start ?? '9999';
  const eb = b.eta?.start ?? '9999';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return b.createdAt - a.createdAt;
};
const finishedAt = (p: PackageRecord) => p.deliveredAt ?? p.statusAt ?? p.updatedAt;
type Order = (a: PackageRecord, b: PackageRecord) => number;
/** Ties broken by id, so every caller (popup, badge tooltip) lists the same packages in the same order. */
const thenById =
  (order: Order): Order =>
  (a, b) =>
    order(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const SORTS: Record<SectionId, Order> = {
  out_for_delivery: byEtaThenNewest,
  today: byEtaThenNewest,
  on_the_way: byEtaThenNewest,
  problems: (a, b) => b.updatedAt - a.updatedAt,
  delivered: (a, b) => finishedAt(b) - finishedAt(a),
};

/** Groups active packages into the popup's sections, in display order, leaving out empty ones. */
export function groupIntoSections(packages: readonly PackageRecord[], clock: ViewClock): Section[] {
  const buckets = new Map<SectionId, PackageRecord[]>(SECTION_ORDER.map((id) => [id, []]));
  for (const pkg of packages) {
    const section = packageState(pkg, clock).section;
    if (section) buckets.get(section)?.push(pkg);
  }
  const sections: Section[] = [];
  for (const id of SECTION_ORDER) {
    const list = buckets.get(id) ?? [];
    if (list.length > 0) sections.push({ id, packages: list.sort(thenById(SORTS[id])) });
  }
  return sections;
}

/**
 * The sections keeping only the packages `keep` accepts, in the same order, leaving out emptied ones: a search
 * narrows the grouping made once for the list instead of deriving and sorting every package again per keystroke.
 */
export function filterSections(
  sections: readonly Section[],
  keep: (pkg: PackageRecord) => boolean,
): Section[] {
  const kept: Section[] = [];
  for (const section of sections) {
    const packages = section.packages.filter(keep);
    if (packages.length > 0) kept.push({ id: section.id, packages });
  }
  return kept;
}

/**
 * The archive view: archived packages, most recently archived first. With a clock it also lists packages already
 * due for the archive (the store moves them on its next check), so none shows in both places or in neither.
 */
export function archivedPackages(packages: readonly PackageRecord[], clock?: ViewClock): PackageRecord[] {
  return packages
    .filter((p) => p.archivedAt !== undefined || (clock !== undefined && packageState(p, clock).archived))
    .sort((a, b) => (b.archivedAt ?? clock?.now ?? 0) - (a.archivedAt ?? clock?.now ?? 0));
}
