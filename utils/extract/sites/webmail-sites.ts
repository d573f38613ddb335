import { pageKindOf } from '../../hosts';
import { gmail } from './gmail';
import { extractMailMessage } from './mail-message';
import { outlook } from './outlook';
import { genericSite, hostOf, type ScanUnit, type Site } from './site';
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

function webmailSite(client: WebmailClient): Site {
  const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    id: client.id,
    kind: 'webmail',
    units: (root) => client.findMessages(root, timeZone()).map((m) => mailUnit(client, m)),
    unitsFor(node) {
      const container = node.closest(client.containerSelector);
      const messages = client.findMessages(container ?? node, timeZone());
      // A change outside any message (the inbox list, a label) holds no e-mail body.
      return (container ? messages.slice(0, 1) : messages).map((m) => mailUnit(client, m));
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
