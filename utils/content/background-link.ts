/**
 * The content script's one way to the background: a message out, the reply back when it is `ok`, else undefined (an
 * error reply, no background, a closed port). Replies are hostile input like the page: callers validate each field.
 */
export type Request = (message: object) => Promise<Record<string, unknown> | undefined>;

/** The background's bound on detections per message (and keys per "already stored?" query). */
export const MAX_PER_MESSAGE = 500;

export function requester(sendMessage: (message: unknown) => Promise<unknown>): Request {
  return async (message) => {
    try {
      const reply = (await sendMessage(message)) as Record<string, unknown> | null | undefined;
      return reply?.ok === true ? reply : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Runs `each` on consecutive slices of at most MAX_PER_MESSAGE, one after another, stopping on abort. */
export async function inSlices<T>(
  items: readonly T[],
  signal: AbortSignal,
  each: (slice: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length && !signal.aborted; i += MAX_PER_MESSAGE)
    await each(items.slice(i, i + MAX_PER_MESSAGE));
}
