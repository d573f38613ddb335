import { parseMailDate } from '../mail-date';
import { type MailMessage, selfAndDescendants, splitSender, textOf, type WebmailClient } from './webmail';

/**
 * Gmail (mail.google.com). Stable hooks: an opened message is `div.adn` carrying `data-message-id`; the sender is the
 * element with an `email` attribute; the date is the `title` of the timestamp; the body is `.a3s` (never the
 * contenteditable compose box). Collapsed messages of a thread have no body yet and are skipped until expanded.
 * Without these hooks (a redesign), the main region is read as one message without context.
 */
const CONTAINER = 'div.adn[data-message-id], div[data-message-id][role="listitem"]';

function readMessage(
  container: Element,
  subject: string | undefined,
  timeZone: string,
): MailMessage | undefined {
  const body =
    container.querySelector('.a3s:not([contenteditable="true"])') ?? container.querySelector('.ii.gt');
  if (!body) return undefined;
  const senderElement = container.querySelector('[email]');
  const dateElement = container.querySelector('.g3[title], span[title][alt], [data-tooltip][title]');
  const date = parseMailDate(dateElement?.getAttribute('title') ?? textOf(dateElement), timeZone);
  const fallback = splitSender(textOf(container.querySelector('.gE, .gD')));
  return {
    container,
    body,
    senderName:
      senderElement?.getAttribute('name')?.slice(0, 120) ?? textOf(senderElement, 120) ?? fallback.name,
    senderAddress: senderElement?.getAttribute('email')?.toLowerCase().slice(0, 254) ?? fallback.address,
    ...(subject && { subject }),
    ...(date !== undefined && { date }),
  };
}

export const gmail: WebmailClient = {
  id: 'gmail',
  hosts: ['mail.google.com'],
  containerSelector: CONTAINER,
  findMessages(root, timeZone) {
    const doc = 'ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document);
    const main = doc.querySelector?.('div[role="main"]') ?? null;
    const subject = textOf(main?.querySelector('h2.hP') ?? doc.querySelector?.('h2.hP'));
    // Closed conversations may sit in <template>s; they are not shown and not read.
    const containers = selfAndDescendants(root, CONTAINER).filter((c) => !c.closest('template'));
    const messages = containers
      .map((c) => readMessage(c, subject, timeZone))
      .filter((m): m is MailMessage => m !== undefined);
    if (messages.length > 0 || containers.length > 0) return messages;
    // No known hook at all: read the main region as one message, if this root holds it.
    // The conversation list (a grid of rows) is not a message: its snippets are read when a conversation opens.
    const listView = main?.querySelector('[role="grid"], table.F, tr.zA');
    const region = main && !listView && (root === doc || (root as Node).contains?.(main)) ? main : null;
    return region ? [{ container: region, body: region, ...(subject && { subject }) }] : [];
  },
};
