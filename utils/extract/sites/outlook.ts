import { parseMailDate } from '../mail-date';
import { type MailMessage, selfAndDescendants, splitSender, textOf, type WebmailClient } from './webmail';

/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com). Class names are hashed and change
 * every few weeks, so only roles, ARIA labels and data attributes are used: the body is `[role="document"]` (labelled
 * "Message body"), a message of the conversation is the closest list item around it, the reading pane is
 * `#ReadingPaneContainerId` / `[data-app-section="MailReadCompose"]`. Links arrive wrapped in Safe Links, which the
 * link resolver unwraps.
 */
const BODY = '[role="document"][aria-label], div[aria-label="Message body"]';
const CONTAINER =
  '[data-convid] [role="listitem"], #ReadingPaneContainerId [role="listitem"], [data-app-section="ConversationContainer"] > div';
const READING_PANE = '#ReadingPaneContainerId, [data-app-section="MailReadCompose"], [role="main"]';

function readMessage(body: Element, subject: string | undefined, timeZone: string): MailMessage {
  const container = body.closest('[role="listitem"]') ?? body.parentElement ?? body;
  const from =
    container.querySelector('[data-testid="SenderPersona"], [aria-label^="From"], span[title*="@"]') ??
    undefined;
  // The persona shows the display name; its title (or label) carries the address.
  const label = from?.getAttribute('aria-label')?.replace(/^From:?\s*/i, '') ?? '';
  const sender = splitSender(`${textOf(from) ?? label} <${from?.getAttribute('title') ?? label}>`);
  const dateElement = container.querySelector(
    '[data-testid="SentReceivedSavedTime"], time[datetime], [aria-label^="Sent"], [aria-label^="Received"]',
  );
  const date = parseMailDate(
    dateElement?.getAttribute('datetime') ?? dateElement?.getAttribute('title') ?? textOf(dateElement),
    timeZone,
  );
  return {
    container,
    body,
    ...(sender.name && { senderName: sender.name }),
    ...(sender.address && { senderAddress: sender.address }),
    ...(subject && { subject }),
    ...(date !== undefined && { date }),
  };
}

export const outlook: WebmailClient = {
  id: 'outlook',
  hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'],
  containerSelector: `${CONTAINER}, ${BODY}`,
  findMessages(root, timeZone) {
    const doc = 'ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document);
    const pane = doc.querySelector?.(READING_PANE) ?? null;
    const subject = textOf(
      pane?.querySelector('[role="heading"][aria-level="2"], [data-testid="ConversationSubject"]') ??
        undefined,
    );
    // A mutated node inside a body stands for that body.
    const inside = 'closest' in root ? (root as Element).closest(BODY) : null;
    const bodies = inside ? [inside] : selfAndDescendants(root, BODY);
    if (bodies.length > 0) return bodies.map((body) => readMessage(body, subject, timeZone));
    const region = pane && (root === doc || (root as Node).contains?.(pane)) ? pane : null;
    return region ? [{ container: region, body: region, ...(subject && { subject }) }] : [];
  },
};
