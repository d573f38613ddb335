import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/extension-browser.mjs';
import { badgeState } from '../../utils/badge';
import { SECTION_ORDER } from '../../utils/status/package-state';
import type { PackageRecord } from '../../utils/store/types';
import { sectionTitle } from '../../utils/view/package-text';
import { translatorFor } from '../unit/components/catalog';
import { truthSet } from '../unit/components/fixtures';
import { rawSeed, writeRawPackages } from './harness/store-access';

/**
 * Screenshots for a person to look at: popup and options at 380 px, light and dark, English and German, with the
 * one-of-each-state set. The browser runs in the language under test, so the extension's own i18n picks it.
 */

const SHOTS = 'artifacts';
const POLL = { timeout: 15_000, interval: 50 };
const WIDTH = 380;

for (const lang of ['en', 'de']) {
  describe(`screens in ${lang}`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchWithExtension({ args: [`--lang=${lang}`] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    // Every step has its own time limit so a stuck one names itself. Once in about four runs beside truth.test.ts
    // the German run stalled until the test's 90 s limit (step not yet known, not reproduced alone in 5 runs):
    // one retry, because these are pictures for a person, and the badge/popup agreement is asserted in truth.test.ts.
    it('popup and options at 380 px, light and dark', { retry: 1 }, async () => {
      const t = translatorFor(lang);
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: WIDTH, height: 600 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.evaluate(writeRawPackages, rawSeed(truthSet(new Date()) as PackageRecord[]));
      await popup.reload();
      await expect.poll(() => popup.locator('li.package').count(), POLL).toBe(10);
      const headings = (await popup.locator('section h2').allTextContents()).map((h) =>
        h.replace(/\s*\d+.*$/, ''),
      );
      // The section titles are the catalog's, in the browser's language: no English in the German popup.
      expect(headings).toEqual(SECTION_ORDER.map((id) => sectionTitle(id, t)));
      // Dates and relative times in the words' language too ("Heute", "vor 2 Tagen"), not "Today", "2 days ago".
      if (lang !== 'en') {
        expect(await popup.locator('main').textContent()).not.toMatch(/\bToday\b|\bago\b|\bnow\b/);
      }
      // The badge's tooltip in the browser's language, as the worker words it, and saying what the popup says:
      // the records were written around the worker, so it is asked to recount them first.
      const now = new Date();
      const title = await browser.serviceWorker.evaluate(async () => {
        const scope = globalThis as unknown as {
          doorstepServices: { services: { refreshBadge(): Promise<unknown> } };
          chrome: { action: { getTitle(d: object): Promise<string> } };
        };
        await scope.doorstepServices.services.refreshBadge();
        return scope.chrome.action.getTitle({});
      });
      const expected = badgeState(truthSet(now) as PackageRecord[], now, t).title;
      expect(title).toBe(expected);
      const problemWords = await popup
        .locator('section.section-problems li.package .row-status strong')
        .allTextContents();
      expect(problemWords.length).toBeGreaterThan(0);
      for (const words of problemWords) expect(title).toContain(words);
      if (lang !== 'en') {
        expect(title).not.toMatch(/arriving today|with a problem|\bLate\b|No update/);
      }
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.screenshot({ path: `${SHOTS}/truth-popup-${lang}-${scheme}.png`, timeout: 15_000 });
      }
      await popup.locator('li[data-id="problem-stale"] button').click({ timeout: 15_000 });
      await popup.emulateMedia({ colorScheme: 'light' });
      await popup.screenshot({ path: `${SHOTS}/truth-details-${lang}-light.png`, timeout: 15_000 });

      const options = await browser.context.newPage();
      await options.setViewportSize({ width: WIDTH, height: 800 });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.waitForSelector('[data-testid="count"]');
      for (const scheme of ['light', 'dark'] as const) {
        await options.emulateMedia({ colorScheme: scheme });
        await options.screenshot({
          path: `${SHOTS}/truth-options-${lang}-${scheme}.png`,
          fullPage: true,
          timeout: 15_000,
        });
      }
      // Nothing may stick out of a 380 px window: no horizontal scrolling.
      const overflow = await options.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const wide = await options.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
          .slice(0, 8),
      );
      expect(wide, 'elements wider than the window').toEqual([]);
    });
  });
}
