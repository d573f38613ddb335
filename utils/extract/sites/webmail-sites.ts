import { pageKindOf } from '../../hosts';
import { collectVisibleText } from '../visible-text';
import { gmail } from './gmail';
import { extractMailMessage } from './mail-message';
import { outlook } from './outlook';
import { genericSite, hostOf, type ScanUnit, type Site, sliceSubtree, textLength } from './site';
import type { MailMessage, WebmailClient } from './webmail';
import { yahoo } from './yahoo';

/** The sites of the webmail content script: one message at a time, in Gmail, Outlook and Yahoo Mail. */

function mailUnit(client: WebmailClient, message: MailMessage): ScanUnit {
  return {
    key: message.container,
    run(context) {
      // Re-read the message when it runs: a client may have re-rendered its header since it was queued.
      const fresh = client.findMessages(message.container, context.timeZone ?? 'UTC')[0] ?? message;
      return extractMailMessage(fresh, context);
    },
  };
}

/**
 * A mail body with more text than this is read in slices of SLICE_CHARS, as a large page is, each in its own task:
 * reading one costs about linearly in its length, and past this the single task of a whole mail could pass 50 ms on
 * a loaded machine (scripts/bench-content.mjs). Real shipping mails are far shorter (the longest of the real-world
 * corpus is under 30,000 characters), so they are still read whole, with their promise and status found anywhere.
 */
export const WHOLE_MAIL_CHARS = 100_000;

/**
 * A long mail's slices: each is read with the mail's sender, subject and date; whether automatic mode applies is
 * decided once, by the slice read first (the mail's start: isShippingMail reads the subject and the first 4,000
 * characters, as for a whole mail).
 */
function mailUnits(client: WebmailClient, message: MailMessage): ScanUnit[] {
  if (textLength(message.body) <= WHOLE_MAIL_CHARS) return [mailUnit(client, message)];
  let shipping: boolean | undefined;
  return sliceSubtree(message.body).map((nodes) => ({
    key: nodes[0] ?? message.body,
    run(context) {
      const scan = extractMailMessage(message, context, collectVisibleText(nodes, { trackNodes: true }));
      shipping ??= scan.shipping;
      return { ...scan, shipping };
    },
  }));
}

function webmailSite(client: WebmailClient): Site {
  const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    id: client.id,
    kind: 'webmail',
    units: (root) => client.findMessages(root, timeZone()).flatMap((m) => mailUnits(client, m)),
    unitsFor(node) {
      const container = node.closest(client.containerSelector);
      const messages = client.findMessages(container ?? node, timeZone());
      // A change outside any message (the inbox list, a label) holds no e-mail body.
      return (container ? messages.slice(0, 1) : messages).flatMap((m) => mailUnits(client, m));
    },
  };
}

export function webmailSiteFor(url: string): Site {
  if (pageKindOf(url) === 'webmail') {
    const host = hostOf(url);
    const client = [gmail, outlook, yahoo].find((c) => c.hosts.includes(host));
    if (client) return webmailSite(client);
  }
  return genericSite();
}
