import { parseMailDate } from '../mail-date';
import { type MailMessage, selfAndDescendants, splitSender, textOf, type WebmailClient } from './webmail';

/**
 * Yahoo Mail (mail.yahoo.com). Visual classes are atomic and obfuscated; Yahoo's own test hooks are stable:
 * `[data-test-id="message-view"]` per opened message, `message-from`, `message-subject` (or the thread's
 * `message-group-subject-text`), `message-date` (full date in its `title`), body `message-view-body-content`.
 */
const CONTAINER = '[data-test-id="message-view"]';

function readMessage(
  container: Element,
  threadSubject: string | undefined,
  timeZone: string,
): MailMessage | undefined {
  const body =
    container.querySelector('[data-test-id="message-view-body-content"]') ??
    container.querySelector('[data-test-id="message-view-body"]');
  if (!body) return undefined;
  const from = container.querySelector('[data-test-id="message-from"]');
  const pill = from?.querySelector('[data-test-id="email-pill"], [title*="@"]');
  const sender = splitSender(`${textOf(from) ?? ''} <${pill?.getAttribute('title') ?? ''}>`);
  const subject = textOf(container.querySelector('[data-test-id="message-subject"]')) ?? threadSubject;
  const dateElement = container.querySelector('[data-test-id="message-date"]');
  const date = parseMailDate(dateElement?.getAttribute('title') ?? textOf(dateElement), timeZone);
  return {
    container,
    body,
    ...(sender.name && { senderName: sender.name }),
    ...(sender.address && { senderAddress: sender.address }),
    ...(subject && { subject }),
    ...(date !== undefined && { date }),
  };
}

export const yahoo: WebmailClient = {
  id: 'yahoo',
  hosts: ['mail.yahoo.com'],
  containerSelector: CONTAINER,
  findMessages(root, timeZone) {
    const doc = 'ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document);
    const threadSubject = textOf(doc.querySelector?.('[data-test-id="message-group-subject-text"]'));
    // Closed conversations may sit in <template>s; they are not shown and not read.
    const containers = selfAndDescendants(root, CONTAINER).filter((c) => !c.closest('template'));
    const messages = containers
      .map((c) => readMessage(c, threadSubject, timeZone))
      .filter((m): m is MailMessage => m !== undefined);
    if (messages.length > 0 || containers.length > 0) return messages;
    const main = doc.querySelector?.('[data-test-id="message-view-body-content"], [role="main"]') ?? null;
    const region = main && (root === doc || (root as Node).contains?.(main)) ? main : null;
    return region
      ? [{ container: region, body: region, ...(threadSubject && { subject: threadSubject }) }]
      : [];
  },
};
