import { startChromium } from './chromium';
import { startFirefox } from './firefox';
import type { BrowserHarness, BrowserName, HarnessOptions } from './types';

export type { RoutedRequest, RoutedResponse, RouteHandler } from './proxy';
export type { BrowserHarness, BrowserName, HarnessOptions, TabHandle } from './types';

/** The browsers every cross-browser scenario runs in (E2E_BROWSERS=firefox narrows it while debugging). */
export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS?.split(',') as
  | BrowserName[]
  | undefined) ?? ['chromium', 'firefox'];

/** A fresh profile of `browser` with the production build installed and the demo pages routed. */
export function startBrowser(browser: BrowserName, options: HarnessOptions = {}): Promise<BrowserHarness> {
  return browser === 'firefox' ? startFirefox(options) : startChromium(options);
}

export const byNumber = <T extends { number?: string }>(packages: T[], number: string) =>
  packages.find((p) => p.number === number);
