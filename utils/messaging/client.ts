import type { HandlerReply } from '../background/message-handler';
import type { Message } from '../messages';

/** The browser's `runtime.sendMessage`, injected so the client is testable in Node. */
export type SendRuntimeMessage = (message: unknown) => Promise<unknown>;

/**
 * The one way content scripts, popup and options talk to the background: every failure (no listener, worker gone,
 * a reply that is not ours) becomes an error reply with a code instead of a throw or `undefined`.
 */
export function createMessageClient(sendMessage: SendRuntimeMessage) {
  return async function send(message: Message): Promise<HandlerReply> {
    try {
      const reply = await sendMessage(message);
      if (isReply(reply)) return reply;
      return { ok: false, code: 'unavailable', error: 'no answer from the background' };
    } catch (error) {
      return {
        ok: false,
        code: 'unavailable',
        error: String(error instanceof Error ? error.message : error),
      };
    }
  };
}

function isReply(reply: unknown): reply is HandlerReply {
  return typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean';
}
