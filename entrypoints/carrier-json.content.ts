import {
  CAPTURE_ENDPOINTS,
  CAPTURE_MAX_CHARS,
  CAPTURE_MESSAGE_TAG,
  CAPTURE_PAGE_MATCHES,
} from '@/utils/carrier-web/endpoints';
import { installCarrierJsonHook } from '@/utils/content/carrier-json-hook';

// Wiring only: in the carrier page's own world, before its scripts, observe the answers to its tracking requests.
// Logic and the reasons for each check: utils/content/carrier-json-hook.ts.
export default defineContentScript({
  matches: CAPTURE_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installCarrierJsonHook(window, {
      endpoints: CAPTURE_ENDPOINTS,
      tag: CAPTURE_MESSAGE_TAG,
      maxChars: CAPTURE_MAX_CHARS,
    });
  },
});
