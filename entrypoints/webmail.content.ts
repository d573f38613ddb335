import { runDoorstep } from '@/utils/content/entry';
import { webmailSiteFor } from '@/utils/extract/sites/webmail-sites';
import { WEBMAIL_MATCHES } from '@/utils/hosts';

// Wiring only: the webmail content script (Gmail, Outlook, Yahoo Mail), with the mail readers alone.
export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runDoorstep(ctx, webmailSiteFor),
});
