import { browser } from 'wxt/browser';
import { type ScanSummary, startDoorstep } from '@/utils/content/controller';
import { SETTINGS_STORAGE_KEY } from '@/utils/content/detection-mode';
import { takeScanRequest } from '@/utils/content/scan-active-tab';
import { CONTENT_SCRIPT_MATCHES } from '@/utils/hosts';

// Wiring only: hand the page, the browser APIs and WXT's context to the controller. The summary is the result of
// main, which "Scan this page" (scripting.executeScript) receives.
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  async main(ctx): Promise<ScanSummary | undefined> {
    if (ctx.isInvalid) return undefined;
    return startDoorstep({
      document,
      url: () => location.href,
      now: Date.now,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      sendMessage: (message) => browser.runtime.sendMessage(message),
      storage: {
        get: (key) => browser.storage.local.get(key),
        set: (items) => browser.storage.local.set(items),
      },
      onSettingsChanged(listener) {
        const onChanged = (changes: Record<string, unknown>, area: string) => {
          // Chrome closes storage.local to content scripts; the background then stamps storage.session instead.
          if ((area === 'local' || area === 'session') && SETTINGS_STORAGE_KEY in changes) listener();
        };
        browser.storage.onChanged.addListener(onChanged);
        return () => browser.storage.onChanged.removeListener(onChanged);
      },
      onLocationChanged(listener) {
        ctx.addEventListener(window, 'wxt:locationchange', listener);
      },
      signal: ctx.signal,
      requested: takeScanRequest(),
    });
  },
});
