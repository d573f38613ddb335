import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/extension-browser.mjs';
import { startInterceptingProxy } from './proxy';
import { pollUntil, routeChain } from './routing';
import { readAllPackages, readBadge } from './store-access';
import type { BrowserHarness, HarnessOptions, TabHandle } from './types';

function tab(page: Page): TabHandle {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    click: (selector) => page.locator(selector).first().click(),
    clickButton: (name) => page.getByRole('button', { name }).first().click(),
    text: async (selector) => ((await page.$(selector)) ? ((await page.textContent(selector)) ?? '') : ''),
    chooseFile: (selector, path) => page.locator(selector).setInputFiles(path),
    reload: async () => {
      await page.reload();
    },
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
}

/**
 * The production Chrome build in Chromium (Playwright). Every request, the service worker's included, goes through
 * the same intercepting proxy as in Firefox, so routes behave alike in both browsers.
 */
export async function startChromium(options: HarnessOptions = {}): Promise<BrowserHarness> {
  const routes = routeChain();
  const proxy = await startInterceptingProxy(routes.handle);
  const launched = await launchWithExtension({
    grantedOrigins: options.grantedOrigins,
    args: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--ignore-certificate-errors'],
  });
  const { context, serviceWorker, extensionId } = launched;
  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return tab(page);
  };
  const harness: BrowserHarness = {
    browser: 'chromium',
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return tab(page);
    },
    openPopup: () => openExtensionPage('popup.html'),
    openExtensionPage,
    inExtension: (fn, arg) => serviceWorker.evaluate(fn as never, arg),
    storedPackages: () => serviceWorker.evaluate(readAllPackages),
    waitForPackages: (predicate, timeoutMs = 15_000) =>
      pollUntil(harness.storedPackages, predicate, timeoutMs),
    badgeText: () => serviceWorker.evaluate(readBadge),
    route: (handler) => routes.add(handler),
    async dispose() {
      await launched.close();
      await proxy.close();
    },
  };
  return harness;
}
