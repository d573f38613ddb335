import { browser } from 'wxt/browser';
import { CAPTURE_PAGE_MATCHES } from '@/utils/carrier-web/endpoints';
import { startCarrierCapture } from '@/utils/content/carrier-capture';
import { identifyTrackingNumber } from '@/utils/tracking';

// Wiring only: the isolated half of capture on visit (utils/content/carrier-capture.ts), listening from
// document_start so that no answer the page loads early is missed.
export default defineContentScript({
  matches: CAPTURE_PAGE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    startCarrierCapture({
      window,
      now: Date.now,
      identify: identifyTrackingNumber,
      sendMessage: (message) => browser.runtime.sendMessage(message),
      signal: ctx.signal,
      log: console.warn,
    });
  },
});
