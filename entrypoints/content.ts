import { runDoorstep } from '@/utils/content/entry';
import { pageSiteFor } from '@/utils/extract/sites/page-sites';
import { CARRIER_MATCHES } from '@/utils/hosts';

// Wiring only: the page content script, on carrier sites; "Scan this page" and the optional "all sites" registration
// run this same file everywhere else (utils/content/script-files.ts).
export default defineContentScript({
  matches: CARRIER_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runDoorstep(ctx, pageSiteFor),
});
