import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { startInterceptingProxy } from './proxy';
import { pollUntil, routeChain } from './routing';
import { readAllPackages, readBadge } from './store-access';
import type { BrowserHarness, HarnessOptions, TabHandle } from './types';

/** Fixed, so that extension pages have a known address (`moz-extension://UUID/…`) before the add-on is installed. */
const EXTENSION_UUID = '5d0a4c1e-13e2-4f0b-9b1d-d00e57e13013';

/** Debian's firefox-esr, or FIREFOX_PATH. */
export function findFirefox(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** The Firefox build next to the Chrome one (DOORSTEP_OUT_DIR, as wxt.config.ts and extension-browser.mjs read it). */
export const FIREFOX_EXTENSION_DIR = resolve(
  fileURLToPath(new URL('../../..', import.meta.url)),
  process.env.DOORSTEP_OUT_DIR ?? '.output',
  'firefox-mv3',
);

type WithBrowsingContext = {
  browsingContext: {
    navigate(url: string, wait: 'complete'): Promise<void>;
    reload(options: { wait: 'complete' }): Promise<void>;
  };
};

/**
 * Navigates through the browsing context and waits for the document to be complete: `page.goto` waits for a load
 * event that Firefox does not send for extension pages.
 */
async function navigate(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as WithBrowsingContext).browsingContext.navigate(url, 'complete');
}

function tab(page: Page): TabHandle {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector) => page.locator(selector).click(),
    clickButton: (name) => page.locator(`button::-p-text(${JSON.stringify(name)})`).click(),
    text: (selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector),
    chooseFile: async (selector, path) => {
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
    reload: () =>
      (page.mainFrame() as unknown as WithBrowsingContext).browsingContext.reload({ wait: 'complete' }),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    close: () => page.close(),
  };
}

/**
 * The production Firefox MV3 build in Firefox ESR, driven by puppeteer-core over WebDriver BiDi and installed as a
 * temporary add-on. Pages and the event page's own requests go through an intercepting proxy (BiDi interception
 * does not see the event page), trusted because the session accepts insecure certificates.
 */
export async function startFirefox(options: HarnessOptions = {}): Promise<BrowserHarness> {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('No Firefox found: run `node scripts/ensure-firefox.mjs` or set FIREFOX_PATH.');
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const routes = routeChain();
  const proxy = await startInterceptingProxy(routes.handle);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    // Lets the BiDi session reach privileged APIs, which installing a temporary add-on needs.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      // What the user's "Allow" would do: optional permissions requested from a click are granted without a prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Quiet: no remote settings, captive-portal or update traffic (it would only get the proxy's 404s).
      'services.settings.server': 'http://127.0.0.1:9/',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
    },
  });
  const base = `moz-extension://${EXTENSION_UUID}`;
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 400, height: 600 });
    await navigate(page, `${base}/${path}`);
    return page;
  };
  // One extension tab the harness keeps for its own reads: same origin as the event page, same `browser` API.
  const control = await openExtensionPage('popup.html');

  if (options.grantedOrigins?.length) {
    // permissions.request must come from a user gesture: a real click on a button in an extension page.
    await control.evaluate((origins) => {
      const button = document.createElement('button');
      button.id = 'doorstep-e2e-grant';
      button.textContent = 'grant';
      const scope = window as unknown as {
        browser: { permissions: { request(p: object): Promise<boolean> } };
        granted?: Promise<boolean>;
      };
      button.onclick = () => {
        scope.granted = scope.browser.permissions.request({ origins });
      };
      document.body.prepend(button);
    }, options.grantedOrigins);
    await control.locator('#doorstep-e2e-grant').click();
    const granted = await control.evaluate(
      () => (window as unknown as { granted?: Promise<boolean> }).granted,
    );
    if (!granted) throw new Error(`Firefox did not grant ${options.grantedOrigins.join(', ')}`);
    await (control.mainFrame() as unknown as WithBrowsingContext).browsingContext.reload({
      wait: 'complete',
    });
  }

  const harness: BrowserHarness = {
    browser: 'firefox',
    async openPage(url) {
      const page = await browser.newPage();
      await navigate(page, url);
      return tab(page);
    },
    openPopup: async () => tab(await openExtensionPage('popup.html')),
    openExtensionPage: async (path) => tab(await openExtensionPage(path)),
    inExtension: (fn, arg) => control.evaluate(fn as never, arg) as never,
    storedPackages: () => control.evaluate(readAllPackages),
    waitForPackages: (predicate, timeoutMs = 15_000) =>
      pollUntil(harness.storedPackages, predicate, timeoutMs),
    badgeText: () => control.evaluate(readBadge),
    route: (handler) => routes.add(handler),
    async dispose() {
      await browser.close();
      await proxy.close();
    },
  };
  return harness;
}
