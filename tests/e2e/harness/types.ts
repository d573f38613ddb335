import type { PackageRecord } from '../../../utils/store/types';
import type { RouteHandler } from './proxy';

export type BrowserName = 'chromium' | 'firefox';

/** One tab, the same few operations in both browsers (Playwright drives Chromium, puppeteer-core drives Firefox). */
export interface TabHandle {
  /** Runs `fn` in the tab (serialised: it must not close over test variables). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Clicks the first element matching a CSS selector, once it is there (a real, trusted click). */
  click(selector: string): Promise<void>;
  /** Clicks the first button whose text contains `name`. */
  clickButton(name: string): Promise<void>;
  /** Text of the first element matching `selector`, or '' while there is none. */
  text(selector: string): Promise<string>;
  /** Chooses a file in an `<input type=file>`. */
  chooseFile(selector: string, path: string): Promise<void>;
  reload(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserHarness {
  readonly browser: BrowserName;
  /** Opens a page under its real URL; the demo pages (tests/fixtures/routes.json) and `route` answer it. */
  openPage(url: string): Promise<TabHandle>;
  openPopup(): Promise<TabHandle>;
  /** Opens an extension page by path, e.g. `options.html`. */
  openExtensionPage(path: string): Promise<TabHandle>;
  /**
   * Runs `fn` in an extension context (Chrome: the service worker; Firefox: an extension tab, which shares the
   * store and the `browser` API; `browser.runtime.getBackgroundPage()` reaches the event page itself).
   */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  storedPackages(): Promise<PackageRecord[]>;
  /** Polls the store until `predicate` holds (the background writes asynchronously), or returns what is there. */
  waitForPackages(
    predicate: (packages: PackageRecord[]) => boolean,
    timeoutMs?: number,
  ): Promise<PackageRecord[]>;
  badgeText(): Promise<string>;
  /**
   * Answers requests from pages and from the background (before the demo pages); the last handler added is asked
   * first, `undefined` passes to the next. Nothing reaches the internet: what no handler answers gets a 404.
   */
  route(handler: RouteHandler): void;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  /** Optional host permissions the user has granted before the test starts. */
  grantedOrigins?: string[];
}
