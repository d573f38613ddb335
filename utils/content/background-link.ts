import { createMessageClient, type MessageClient, type SendRuntimeMessage } from '../messaging/client';

/**
 * The content script's one way to the background: the typed client of utils/messaging/client.ts, as popup and
 * options use it (a message built as `MessageOf<T>`, its reply typed `ReplyTo<T>`; no background, a closed port or
 * an answer not shaped like ours become an error reply). The types say what our background sends, not what arrives:
 * a compromised or older background may answer anything, so callers here check each reply field they use.
 */
export type ContentClient = MessageClient;

/** The client over the browser's `runtime.sendMessage` (or a test's fake). Types only from the message schemas. */
export const contentClient = (sendMessage: SendRuntimeMessage): ContentClient =>
  createMessageClient(sendMessage);

/** The background's bound on detections per message (and keys per "already stored?" query). */
export const MAX_PER_MESSAGE = 500;

/** Runs `each` on consecutive slices of at most MAX_PER_MESSAGE, one after another, stopping on abort. */
export async function inSlices<T>(
  items: readonly T[],
  signal: AbortSignal,
  each: (slice: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length && !signal.aborted; i += MAX_PER_MESSAGE)
    await each(items.slice(i, i + MAX_PER_MESSAGE));
}
