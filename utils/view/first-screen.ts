import { SECTION_ORDER, type SectionId, type ViewClock } from '../status/package-state';
import type { PackageRecord } from '../store/types';
import { groupIntoSections, type Section } from './sections';

/**
 * What the popup shows on opening, read only as far as it needs: a store of years keeps thousands of active packages
 * (recently delivered ones mostly), and reading them all before the first frame cost seconds on a busy machine.
 * Sections are read in display order, each from a superset of its packages (`listSectionCandidates`), until the
 * sections known whole hold `rows` rows; the whole active list is read after the first frame.
 */

/** Active packages that can be in `section` (a superset); with the earlier sections' candidates, the whole section. */
export type ReadSectionCandidates = (section: SectionId) => Promise<PackageRecord[]>;

export interface FirstScreen {
  /** The first sections, in display order, each whole (every package, counted and sorted as in the full list). */
  sections: Section[];
  /** Every active package was read: the sections are all there are. */
  complete: boolean;
}

export async function readFirstScreen(
  read: ReadSectionCandidates,
  clock: ViewClock,
  rows: number,
): Promise<FirstScreen> {
  const seen = new Map<string, PackageRecord>();
  for (const [at, id] of SECTION_ORDER.entries()) {
    for (const pkg of await read(id)) seen.set(pkg.id, pkg);
    // Every package of this section and the earlier ones is among those read: these sections are whole.
    const known = new Set(SECTION_ORDER.slice(0, at + 1));
    const sections = groupIntoSections([...seen.values()], clock).filter((s) => known.has(s.id));
    const complete = at === SECTION_ORDER.length - 1;
    if (complete || sections.reduce((n, s) => n + s.packages.length, 0) >= rows)
      return { sections, complete };
  }
  return { sections: [], complete: true }; // not reached: the last section reads every active package
}
