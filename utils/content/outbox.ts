import { type ContentClient, inSlices } from './background-link';
import { type Entry, resendDelay } from './core';

/**
 * Sends detections to the background and resends what it did not confirm (when and how often: `resendDelay` in
 * core.ts; here are the timer and the messages). A chip says "Tracked ✓" only once confirmed, and
 * "Retry" only after the last attempt. Detections are read when each message is built, so a resend carries the
 * newest facts of a package.
 */
export function createOutbox(
  send: ContentClient,
  signal: AbortSignal,
  later: (task: () => void, ms: number) => void,
  /** Counts packages the background confirmed. */
  onStored: (count: number) => void,
): (entries: Entry[]) => Promise<void> {
  let due: Entry[] = [];
  let failedRounds = 0;
  const deliver = (entries: Entry[]): Promise<void> =>
    inSlices(entries, signal, async (slice) => {
      for (const entry of slice) entry.chip?.setState('sending');
      // Only `ok` is read: `true` exactly, so an answer of another shape counts as not stored and is resent.
      const ok = (await send({ type: 'detections', detections: slice.map((e) => e.detection) })).ok === true;
      if (signal.aborted) return;
      const wait = resendDelay(ok, failedRounds);
      for (const entry of slice) {
        entry.tracked ||= ok;
        entry.chip?.setState(ok ? 'tracked' : wait === undefined ? 'error' : 'sending');
      }
      if (ok) onStored(slice.length);
      if (wait === undefined) failedRounds = 0;
      else if (due.push(...slice) === slice.length) {
        // The first failure of a round starts its timer; failures until it fires join the round.
        failedRounds++;
        later(() => {
          const resend = due;
          due = [];
          if (!signal.aborted) void deliver(resend);
        }, wait);
      }
    });
  return deliver;
}
