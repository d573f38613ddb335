import type { AnyReply, ErrorReply, Message, MessageOf, MessageType, ReplyTo } from '../messages';

/** The browser's `runtime.sendMessage`, injected so the client is testable in Node. */
export type SendRuntimeMessage = (message: unknown) => Promise<unknown>;

/**
 * Sends one message and resolves with that message's own reply type (`ReplyTo<'delete'>` for a `delete`: the
 * deleted record, or an error code), inferred from the message's `type`: `send({ type: 'delete', id })`.
 */
export type MessageClient = <T extends MessageType>(message: MessageOf<T>) => Promise<ReplyTo<T>>;

/** No answer: a code for the view, the reason for logs only. */
const unavailable = (detail: string): ErrorReply => ({ ok: false, code: 'unavailable', detail });

/**
 * The one way content scripts, popup and options talk to the background: every failure (no listener, worker gone,
 * a reply that is not ours) becomes an error reply with a code instead of a throw or `undefined`. The wire format
 * is the plain message object and the plain reply, as before, so scripts of an older version keep working during an
 * update.
 */
export function createMessageClient(sendMessage: SendRuntimeMessage): MessageClient {
  return async function send<T extends MessageType>(message: MessageOf<T>): Promise<ReplyTo<T>> {
    try {
      const reply = await sendMessage(message);
      // The background answers each message with its own reply type (utils/background/message-handler.ts).
      if (isReply(reply)) return reply as ReplyTo<T>;
      return unavailable('no answer from the background');
    } catch (error) {
      return unavailable(String(error instanceof Error ? error.message : error));
    }
  };
}

/** An answer shaped like one of ours: `ok` a boolean, and an error always with a code. */
function isReply(reply: unknown): reply is AnyReply {
  if (typeof reply !== 'object' || reply === null) return false;
  const { ok, code } = reply as { ok?: unknown; code?: unknown };
  return ok === true || (ok === false && typeof code === 'string');
}

/**
 * A function that answers any message (the handler wired in place, a test's fake background) as a typed client.
 * The caller vouches that it answers each message with that message's reply type, as the handler does.
 */
export function asMessageClient(answer: (message: Message) => Promise<AnyReply>): MessageClient {
  return answer as unknown as MessageClient;
}
