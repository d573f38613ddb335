import { archiveDueAt, type ViewClock } from '../status/package-state';
import type { DoorstepDatabase } from '../store/db';
import type { PackageChange, PackageRecord } from '../store/types';

/**
 * The store's side of the archive rule in package-state.ts: deliveries and completed returns `autoArchiveDays`
 * after they happened, problems nothing was heard about for 30 days. The popup and badge already treat them as
 * archived from that minute; this writes it down, so the archive view, sync and exports agree.
 */
export async function archiveDuePackages(db: DoorstepDatabase, clock: ViewClock): Promise<PackageChange[]> {
  return db.transaction('rw', db.packages, async () => {
    const due = await db.packages
      .filter((p) => {
        const at = archiveDueAt(p, clock);
        return at !== undefined && at <= clock.now;
      })
      .toArray();
    const changes: PackageChange[] = [];
    for (const before of due) {
      // Not a user edit: `userEditedAt` stays, so the user's own later choice on another device still wins.
      const after: PackageRecord = { ...before, archivedAt: clock.now, updatedAt: clock.now };
      await db.packages.put(after);
      changes.push({ before, after });
    }
    return changes;
  });
}

/** When the next active package falls due for the archive, for an alarm at that minute; undefined when none. */
export async function nextArchiveDue(db: DoorstepDatabase, clock: ViewClock): Promise<number | undefined> {
  let next: number | undefined;
  await db.packages.each((p) => {
    const at = archiveDueAt(p, clock);
    if (at !== undefined && at > clock.now && (next === undefined || at < next)) next = at;
  });
  return next;
}
