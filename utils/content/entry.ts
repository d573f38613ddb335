import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Site } from '../extract/sites/site';
import { type ScanSummary, startDoorstep } from './controller';
import { SETTINGS_STORAGE_KEY } from './detection-mode';
import { takeScanRequest } from './scan-active-tab';

/**
 * The wiring every content script shares: the page, the browser APIs and WXT's context handed to the controller,
 * with the readers of the script's own site family. The summary is the result of main, which "Scan this page"
 * (scripting.executeScript) receives.
 */
export async function runDoorstep(
  ctx: ContentScriptContext,
  siteFor: (url: string) => Site,
): Promise<ScanSummary | undefined> {
  if (ctx.isInvalid) return undefined;
  return startDoorstep({
    document,
    url: () => location.href,
    now: Date.now,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    sendMessage: (message) => browser.runtime.sendMessage(message),
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
    siteFor,
    requested: takeScanRequest(),
  });
}
