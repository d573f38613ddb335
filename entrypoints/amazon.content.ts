import { runDoorstep } from '@/utils/content/entry';
import { amazonSiteFor } from '@/utils/extract/sites/amazon-sites';
import { AMAZON_MATCHES } from '@/utils/hosts';

// Wiring only: the Amazon content script (order history, track pages, track.amazon.com), with the Amazon readers alone.
export default defineContentScript({
  matches: AMAZON_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runDoorstep(ctx, amazonSiteFor),
});
