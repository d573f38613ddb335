import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { packageState, viewClock } from '../../utils/status/package-state';
import type { PackageRecord } from '../../utils/store/types';
import { manyPackages, sixPackages, threePackages } from '../unit/components/fixtures';
import { type Harness, startHarness } from './harness';
import { rawSeed, writeRawPackages } from './harness/store-access';

/** The page updates asynchronously (live queries, messages): assertions retry until it settles. */
const POLL = { timeout: 15_000, interval: 50 };

/**
 * The popup in real Chromium with the built extension: screenshots (looked at by a person), live updates through the
 * real background, and the actions a shopper takes. Packages are seeded straight into the extension's IndexedDB.
 */

const SHOTS = 'artifacts';
const POPUP_SIZE = { width: 380, height: 600 };

async function seed(page: Page, records: PackageRecord[]): Promise<void> {
  await page.evaluate(writeRawPackages, rawSeed(records, { clear: true }));
}

describe('popup in Chromium', () => {
  let harness: Harness;
  let popupUrl: string;
  let page: Page;

  /** Opens the popup page at the popup's size and waits until the package list (or first-run view) is rendered. */
  async function openPopup(records?: PackageRecord[]): Promise<Page> {
    page = await harness.context.newPage();
    await page.setViewportSize(POPUP_SIZE);
    await page.goto(popupUrl);
    await page.waitForSelector('.popup-body:not(:has(.loading))');
    if (records) {
      await seed(page, records);
      await page.reload();
      await page.waitForSelector(records.length > 0 ? 'li.package' : '.first-run');
    }
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    harness = await startHarness();
    popupUrl = `chrome-extension://${harness.extensionId}/popup.html`;
  });
  afterAll(async () => {
    await harness?.dispose();
  });
  beforeEach(async () => {
    await page?.close().catch(() => undefined);
  });

  it('shows the first-run explanation when nothing is tracked', async () => {
    await openPopup([]);
    await expect
      .poll(() => page.locator('.first-run h2').textContent(), POLL)
      .toBe('Every parcel, in one place');
    await expect
      .poll(() => page.getByRole('button', { name: 'Add tracking numbers' }).count(), POLL)
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/popup-empty.png` });
  });

  it('lists three packages in their sections with estimates in words', async () => {
    const now = new Date();
    await openPopup(threePackages(now));
    const out = page.locator('section.section-out_for_delivery');
    await expect
      .poll(() => out.locator('li.package').getAttribute('data-number'), POLL)
      .toBe('1Z999AA10123456784');
    await expect.poll(() => out.locator('.row-eta').textContent(), POLL).toBe('Today by 8 PM');
    const onTheWay = page.locator('section.section-on_the_way li.package');
    await expect.poll(() => onTheWay.count(), POLL).toBe(2);
    // The Amazon shipment without a number is listed by its item, expected tomorrow.
    await expect
      .poll(() => onTheWay.first().locator('.row-title').textContent(), POLL)
      .toBe('Kindle Paperwhite (16 GB)');
    await expect.poll(() => onTheWay.first().locator('.row-eta').textContent(), POLL).toBe('Tomorrow');
    await page.screenshot({ path: `${SHOTS}/popup-3-packages.png` });
  });

  it('renders every section in the light and the dark theme', async () => {
    await openPopup(sixPackages(new Date()));
    const problems = page.locator('section.section-problems li.package');
    await expect.poll(() => problems.count(), POLL).toBe(2);
    await expect.poll(() => problems.filter({ hasText: 'No update for 8 days' }).count(), POLL).toBe(1);
    await expect.poll(() => problems.filter({ hasText: 'last refresh failed' }).count(), POLL).toBe(1);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${SHOTS}/popup-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 25, 29)');
    await page.screenshot({ path: `${SHOTS}/popup-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('lists 20 packages in their sections, every one rendered (screenshot)', async () => {
    const records = manyPackages(20, new Date());
    await openPopup(records);
    const clock = viewClock(new Date(), DEFAULT_SETTINGS);
    const active = records.filter((r) => !packageState(r, clock).archived);
    // Fewer than a screenful of rows: all rendered, no "show more".
    await expect.poll(() => page.locator('li.package').count(), POLL).toBe(active.length);
    expect(await page.locator('.more-rows').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/popup-20-packages.png` });
  });

  it('lists 200 packages, filters by search and by section', async () => {
    const records = manyPackages(200, new Date());
    await openPopup(records);
    // Where each belongs by the popup's own rule (utils/status/package-state.ts): old deliveries are archived by
    // age, a days-old "out for delivery" is a problem.
    const clock = viewClock(new Date(), DEFAULT_SETTINGS);
    const isActive = (r: PackageRecord) => !packageState(r, clock).archived;
    const active = records.filter(isActive).length;
    // The first screenful is rendered at once; the rest as the list is scrolled (or "Show more" is pressed).
    await expect.poll(() => page.locator('li.package').count(), POLL).toBe(24);
    await page.screenshot({ path: `${SHOTS}/popup-200-packages.png` });
    // A section's count is complete even while some of its rows wait to be rendered.
    const outForDelivery = records.filter((r) => packageState(r, clock).section === 'out_for_delivery');
    await expect
      .poll(() => page.locator('section.section-out_for_delivery .count').textContent(), POLL)
      .toBe(String(outForDelivery.length));
    // Scrolling to the end renders the rest.
    await expect
      .poll(async () => {
        await page.locator('.popup-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
        return page.locator('li.package').count();
      })
      .toBe(active);
    await expect.poll(() => page.locator('.more-rows').count(), POLL).toBe(0);

    await page.getByRole('searchbox', { name: 'Search packages' }).fill('catan');
    await expect
      .poll(() => page.locator('li.package').count(), POLL)
      .toBe(records.filter((r) => isActive(r) && r.itemTitles[0]?.includes('Catan')).length);
    await page.getByRole('searchbox', { name: 'Search packages' }).fill('');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('archive');
    await expect.poll(() => page.locator('li.package').count(), POLL).toBe(records.length - active);
  });

  it('moves through rows with the arrow keys and opens details with Enter, Escape goes back', async () => {
    await openPopup(threePackages(new Date()));
    await page.getByRole('searchbox', { name: 'Search packages' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.id), POLL)
      .toBe('pkg-headphones');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.id), POLL)
      .toBe('pkg-kindle');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#details-title').textContent(), POLL)
      .toBe('Kindle Paperwhite (16 GB)');
    // No number yet: the link goes to Amazon's own tracker for the shipment.
    await expect
      .poll(() => page.getByRole('button', { name: 'Open the Amazon order' }).count(), POLL)
      .toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('li.package');
  });

  it('adds pasted numbers through the background and shows them live, saying which input was refused', async () => {
    await openPopup([]);
    await page.getByRole('button', { name: 'Add tracking numbers' }).first().click();
    await page.locator('#add-input').fill('1Z999AA10123456784\nnot-a-number');
    await expect.poll(() => page.locator('.preview-ok').getAttribute('data-carrier'), POLL).toBe('ups');
    await expect
      .poll(() => page.locator('.preview-bad').textContent(), POLL)
      .toBe('“not-a-number” is not a valid tracking number.');
    await page.getByRole('button', { name: 'Track package' }).click();
    await expect.poll(() => page.locator('.notice').textContent(), POLL).toContain('Added: 1. Not added: 1');
    // What was refused stays in the box; nothing typed is lost.
    await expect.poll(() => page.locator('#add-input').inputValue(), POLL).toBe('not-a-number');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('li.package[data-number="1Z999AA10123456784"]');
    const stored = await harness.storedPackages();
    expect(stored.map((p) => p.number)).toEqual(['1Z999AA10123456784']);
  });

  it('deletes with undo, renames, and reports a failed refresh honestly', async () => {
    await openPopup(threePackages(new Date()));
    await page.locator('li.package[data-id="pkg-shoes"] button').click();
    await page.screenshot({ path: `${SHOTS}/popup-details.png` });

    await page.locator('#label-input').fill('Running shoes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => (await harness.storedPackages()).find((p) => p.id === 'pkg-shoes')?.label)
      .toBe('Running shoes');
    await expect.poll(() => page.locator('#details-title').textContent(), POLL).toBe('Running shoes');

    await page.getByRole('button', { name: 'Refresh now' }).click();
    // The answer replaces the "Saved." notice once the background has tried (it may ask a provider first).
    await expect
      .poll(() => page.locator('.notice span').textContent(), { timeout: 20_000 })
      .toMatch(/^(Could not refresh: .+|Status checked\.)$/);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForSelector('li.package[data-id="pkg-headphones"]');
    await expect.poll(() => page.locator('li.package[data-id="pkg-shoes"]').count(), POLL).toBe(0);
    expect((await harness.storedPackages()).some((p) => p.id === 'pkg-shoes')).toBe(false);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('li.package[data-id="pkg-shoes"]');
    const restored = (await harness.storedPackages()).find((p) => p.id === 'pkg-shoes');
    expect(restored?.label).toBe('Running shoes');
    expect(restored?.events).toHaveLength(2);
  });
});
