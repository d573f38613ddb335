import type { DoorstepDatabase } from '../store/db';
import type { PackageChange } from '../store/types';
import { encodeRefreshError, parseRefreshError } from './failure-code';

/**
 * Records failed refreshes on their packages: when it was checked and what went wrong, nothing else. The status,
 * events, estimate and the user's own fields stay exactly as they were, so a failing provider never loses data or
 * moves a package backwards; the next successful refresh clears `lastError` through the merge rules. The error is
 * stored as a code (failure-code.ts), never as English text, so the popup words it in the user's language.
 */
export async function recordRefreshFailures(
  db: DoorstepDatabase,
  failures: { id: string; message: string }[],
  now: number,
): Promise<PackageChange[]> {
  if (failures.length === 0) return [];
  return db.transaction('rw', db.packages, async () => {
    const changes: PackageChange[] = [];
    for (const { id, message } of failures) {
      const before = await db.packages.get(id);
      if (!before) continue; // deleted while the provider was asked: nothing to record
      const after = {
        ...before,
        lastCheckedAt: now,
        lastError: encodeRefreshError(parseRefreshError(message)),
      };
      await db.packages.put(after);
      changes.push({ before, after });
    }
    return changes;
  });
}
