import type { ContentClient } from './background-link';
import { type Entry, type StoredAnswer, storedQuestion } from './core';

/**
 * Asks the background, read-only, which of a batch's packages it already stores. The reply is typed but checked
 * here, at the boundary: a failed or malformed one is undefined (the chips then say "Track"), and only strings count
 * as numbers and order ids, only objects as orders.
 */
export async function askStored(
  send: ContentClient,
  batch: readonly Entry[],
): Promise<StoredAnswer | undefined> {
  const reply = await send({ type: 'tracked-numbers', ...storedQuestion(batch) });
  const tracked: { numbers?: unknown; orders?: unknown } | undefined = reply.ok ? reply.tracked : undefined;
  if (!tracked) return undefined;
  return {
    numbers: new Set(Array.isArray(tracked.numbers) ? tracked.numbers : []),
    // `answer` reads each order's fields: anything but an object is no order.
    orders: Array.isArray(tracked.orders)
      ? tracked.orders.filter((o) => typeof o === 'object' && o !== null)
      : [],
  };
}
