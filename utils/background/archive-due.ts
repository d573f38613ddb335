import { archiveDueAt, type ViewClock } from '../status/package-state';
import type { DoorstepDatabase } from '../store/db';
import { archivePackagesWhere, listActivePackages } from '../store/repository';
import type { PackageChange } from '../store/types';

/**
 * The store's side of the archive rule in package-state.ts: deliveries and completed returns `autoArchiveDays`
 * after they happened, problems nothing was heard about for 30 days. The popup and badge already treat them as
 * archived from that minute; this writes it down, so the archive view, sync and exports agree. Only active
 * packages are read: an archived one is never due.
 */
export function archiveDuePackages(db: DoorstepDatabase, clock: ViewClock): Promise<PackageChange[]> {
  return archivePackagesWhere(
    db,
    (p) => {
      const at = archiveDueAt(p, clock);
      return at !== undefined && at <= clock.now;
    },
    clock.now,
  );
}

/** When the next active package falls due for the archive, for an alarm at that minute; undefined when none. */
export async function nextArchiveDue(db: DoorstepDatabase, clock: ViewClock): Promise<number | undefined> {
  let next: number | undefined;
  for (const p of await listActivePackages(db)) {
    const at = archiveDueAt(p, clock);
    if (at !== undefined && at > clock.now && (next === undefined || at < next)) next = at;
  }
  return next;
}
