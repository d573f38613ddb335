import type { Request } from './background-link';
import { type Entry, type StoredAnswer, storedQuestion } from './core';

/**
 * Asks the background, read-only, which of a batch's packages it already stores. The reply is validated here, at
 * the boundary: a failed or malformed one is undefined (the chips then say "Track").
 */
export async function askStored(
  request: Request,
  batch: readonly Entry[],
): Promise<StoredAnswer | undefined> {
  const reply = await request({ type: 'tracked-numbers', ...storedQuestion(batch) });
  const tracked = reply?.tracked as { numbers?: unknown; orders?: unknown } | undefined;
  if (!tracked) return undefined;
  return {
    numbers: new Set(Array.isArray(tracked.numbers) ? (tracked.numbers as string[]) : []),
    orders: Array.isArray(tracked.orders) ? (tracked.orders as StoredAnswer['orders']) : [],
  };
}
