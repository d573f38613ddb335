import type { Page } from 'playwright-core';
import { loadRoutes, routeDemoPages, startDemoServer } from '../../scripts/demo-server.mjs';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/extension-browser.mjs';
import type { PackageRecord } from '../../utils/store/types';

export interface Harness extends ExtensionBrowser {
  openDemoPage(url: string): Promise<Page>;
  openPopup(): Promise<Page>;
  storedPackages(): Promise<PackageRecord[]>;
  badgeText(): Promise<string>;
  /** Polls the store until `predicate` holds (the background writes asynchronously), or returns what is there. */
  waitForPackages(
    predicate: (packages: PackageRecord[]) => boolean,
    timeoutMs?: number,
  ): Promise<PackageRecord[]>;
  /** Writes the stored settings (or removes them with undefined), as the options page would. */
  setSettings(settings: object | undefined): Promise<void>;
  dispose(): Promise<void>;
}

/** A fresh profile with the built extension, and the demo pages routed under their real URLs. */
export async function startHarness(options: { grantedOrigins?: string[] } = {}): Promise<Harness> {
  const server = await startDemoServer();
  const browser = await launchWithExtension(options);
  await routeDemoPages(browser.context, server.origin, loadRoutes());
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  const harness: Harness = {
    ...browser,
    async openDemoPage(url) {
      const page = await browser.context.newPage();
      await page.goto(url);
      // The content script marks the page once its first scan has been reported.
      await page.waitForSelector('html[data-doorstep-scanned]', { state: 'attached', timeout: 15_000 });
      return page;
    },
    async openPopup() {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(popupUrl);
      return page;
    },
    storedPackages() {
      return browser.serviceWorker.evaluate(
        () =>
          new Promise<PackageRecord[]>((resolve, reject) => {
            const open = indexedDB.open('doorstep');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('packages').objectStore('packages').getAll();
              request.onsuccess = () => resolve(request.result as PackageRecord[]);
              request.onerror = () => reject(request.error);
            };
          }),
      );
    },
    badgeText() {
      // Runs inside the extension's service worker, where `chrome` is the extension API.
      return browser.serviceWorker.evaluate(() =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
        ).chrome.action.getBadgeText({}),
      );
    },
    async waitForPackages(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const packages = await harness.storedPackages();
        if (predicate(packages) || Date.now() > deadline) return packages;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async setSettings(settings) {
      await browser.serviceWorker.evaluate((value) => {
        const storage = (
          globalThis as unknown as {
            chrome: {
              storage: { local: { set(i: object): Promise<void>; remove(k: string): Promise<void> } };
            };
          }
        ).chrome.storage.local;
        return value === undefined ? storage.remove('settings') : storage.set({ settings: value });
      }, settings);
    },
    async dispose() {
      await browser.close();
      await server.close();
    },
  };
  return harness;
}

export const byNumber = (packages: PackageRecord[], number: string) =>
  packages.find((p) => p.number === number);
export const byOrder = (packages: PackageRecord[], orderId: string) =>
  packages.filter((p) => p.orderId === orderId);
