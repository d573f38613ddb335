import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

const SHOP = 'https://shop.northwind.example/account/orders/NW-48213';

/** Reads whether the content script has marked the page (it sets the attribute after its first scan). */
const scanned = (harness: Harness, url: string) =>
  harness.context.newPage().then(async (page) => {
    await page.goto(url);
    await page.waitForLoadState('load');
    // Give an injected script the same time the named hosts get, then look.
    await page
      .waitForSelector('html[data-doorstep-scanned]', { state: 'attached', timeout: 5_000 })
      .catch(() => undefined);
    return { page, marked: await page.locator('html[data-doorstep-scanned]').count() };
  });

describe('any shop page in Chromium', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('is left alone without the optional all-sites permission', async () => {
    harness = await startHarness();
    const { marked } = await scanned(harness, SHOP);
    expect(marked).toBe(0);
    expect(await harness.storedPackages()).toEqual([]);
  });

  it('gets Track chips (ask mode) once the user granted all sites, and a chip adds its package', async () => {
    harness = await startHarness({ grantedOrigins: ['*://*/*'] });
    // The worker registers the script when it starts; registrations apply to pages loaded afterwards.
    const registered = () =>
      harness?.serviceWorker.evaluate(async () => {
        type Scripting = { getRegisteredContentScripts(): Promise<{ id: string }[]> };
        const api = (globalThis as unknown as { chrome: { scripting: Scripting } }).chrome;
        return (await api.scripting.getRegisteredContentScripts()).map((s) => s.id);
      });
    await expect.poll(registered).toEqual(['doorstep-all-sites']);
    const { page, marked } = await scanned(harness, SHOP);
    expect(marked).toBe(1);
    const chips = page.locator('doorstep-chip');
    await expect.poll(() => chips.count()).toBe(2);
    // Ask mode: nothing is stored until the user asks.
    expect(await harness.storedPackages()).toEqual([]);
    await chips.first().focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await harness?.storedPackages())?.map((p) => p.number))
      .toEqual(['797843158299']);
    const [fedex] = (await harness.storedPackages()) ?? [];
    expect(fedex).toMatchObject({ carrier: 'fedex', sources: [{ kind: 'page', url: SHOP }] });
  });
});
