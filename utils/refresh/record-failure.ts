import type { DoorstepDatabase } from '../store/db';
import { revisePackages } from '../store/repository';
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
  const messages = new Map(failures.map(({ id, message }) => [id, message]));
  // A package deleted while the provider was asked is skipped: nothing to record.
  return revisePackages(db, [...messages.keys()], (before) => ({
    ...before,
    lastCheckedAt: now,
    lastError: encodeRefreshError(parseRefreshError(messages.get(before.id) ?? '')),
  }));
}
