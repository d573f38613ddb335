import { isArrivingToday, localDate } from '../badge';
import { isFinished, isProblem } from '../store/status';
import type { PackageRecord } from '../store/types';

/**
 * How the popup groups packages. Pure: the clock and the user's "stale after" setting are parameters, so a package
 * moves between sections exactly when the tests say it should.
 */

export type SectionId = 'out_for_delivery' | 'today' | 'problems' | 'on_the_way' | 'delivered';
export const SECTION_ORDER: readonly SectionId[] = [
  'out_for_delivery',
  'today',
  'problems',
  'on_the_way',
  'delivered',
];

/** Why a package is listed under Problems. Derived states (late, stale) come after what the carrier said. */
export type ProblemKind = 'exception' | 'failed_attempt' | 'returned' | 'expired' | 'late' | 'stale';

export interface Section {
  id: SectionId;
  packages: PackageRecord[];
}

export interface ViewClock {
  /** Epoch ms. */
  now: number;
  /** The user's local date, `YYYY-MM-DD`. */
  today: string;
  /** Days without news after which an undelivered package counts as stale (settings.staleAfterDays). */
  staleAfterDays: number;
}

const DAY_MS = 86_400_000;

export function viewClock(now: Date, staleAfterDays: number): ViewClock {
  return { now: now.getTime(), today: localDate(now), staleAfterDays };
}

/** Moving packages can be late or stale; one out for delivery or waiting at a pickup point is neither. */
function canStall(pkg: PackageRecord): boolean {
  return pkg.status === 'unknown' || pkg.status === 'info_received' || pkg.status === 'in_transit';
}

/** Past its estimate (the last day of a window) and not delivered. */
export function isLate(pkg: PackageRecord, today: string): boolean {
  return canStall(pkg) && pkg.eta !== undefined && (pkg.eta.end ?? pkg.eta.start) < today;
}

/** When the carrier last said anything: the newest event or status time, else when we first saw the package. */
export function lastNewsAt(pkg: PackageRecord): number {
  let latest = pkg.statusAt ?? pkg.createdAt;
  for (const event of pkg.events) if (event.at > latest) latest = event.at;
  return latest;
}

/** No news for `staleAfterDays` days: a common sign of a lost parcel. */
export function isStale(pkg: PackageRecord, clock: ViewClock): boolean {
  return canStall(pkg) && clock.now - lastNewsAt(pkg) >= clock.staleAfterDays * DAY_MS;
}

export function problemOf(pkg: PackageRecord, clock: ViewClock): ProblemKind | undefined {
  if (isProblem(pkg.status) || pkg.status === 'expired') return pkg.status as ProblemKind;
  if (isLate(pkg, clock.today)) return 'late';
  if (isStale(pkg, clock)) return 'stale';
  return undefined;
}

/** Which section an active package belongs to; each package appears once. */
export function sectionOf(pkg: PackageRecord, clock: ViewClock): SectionId {
  if (problemOf(pkg, clock)) return 'problems';
  if (isFinished(pkg.status)) return 'delivered';
  if (pkg.status === 'out_for_delivery') return 'out_for_delivery';
  // A parcel waiting at a pickup point needs the shopper today, like one arriving today.
  if (pkg.status === 'available_for_pickup' || isArrivingToday(pkg, clock.today)) return 'today';
  return 'on_the_way';
}

const byEtaThenNewest = (a: PackageRecord, b: PackageRecord) => {
  const ea = a.eta?.start ?? '9999';
  const eb = b.eta?.start ?? '9999';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return b.createdAt - a.createdAt;
};
const finishedAt = (p: PackageRecord) => p.deliveredAt ?? p.statusAt ?? p.updatedAt;
const SORTS: Record<SectionId, (a: PackageRecord, b: PackageRecord) => number> = {
  out_for_delivery: byEtaThenNewest,
  today: byEtaThenNewest,
  on_the_way: byEtaThenNewest,
  problems: (a, b) => b.updatedAt - a.updatedAt,
  delivered: (a, b) => finishedAt(b) - finishedAt(a),
};

/** Groups active (not archived) packages into the popup's sections, in display order, leaving out empty ones. */
export function groupIntoSections(packages: readonly PackageRecord[], clock: ViewClock): Section[] {
  const buckets = new Map<SectionId, PackageRecord[]>(SECTION_ORDER.map((id) => [id, []]));
  for (const pkg of packages) {
    if (pkg.archivedAt !== undefined) continue;
    buckets.get(sectionOf(pkg, clock))?.push(pkg);
  }
  const sections: Section[] = [];
  for (const id of SECTION_ORDER) {
    const list = buckets.get(id) ?? [];
    if (list.length > 0) sections.push({ id, packages: list.sort(SORTS[id]) });
  }
  return sections;
}

/** The archive view: archived packages, most recently archived first. */
export function archivedPackages(packages: readonly PackageRecord[]): PackageRecord[] {
  return packages
    .filter((p) => p.archivedAt !== undefined)
    .sort((a, b) => (b.archivedAt ?? 0) - (a.archivedAt ?? 0));
}
