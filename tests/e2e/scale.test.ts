import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleNumber, scaleRecords } from '../../scripts/scale-data.mjs';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import type { PackageRecord } from '../../utils/store/types';
import { groupIntoSections, viewClock } from '../../utils/view/sections';
import { type Harness, startHarness } from './harness';
import { rawSeed, writeRawPackages } from './harness/store-access';

/** Seeding and the first archive index take seconds at this size; assertions retry until the page settles. */
const POLL = { timeout: 60_000, interval: 100 };
const STORED = 50_000;
const ACTIVE = 2_000;

/**
 * The popup with years of packages (50,000 stored, 2,000 active, the rest delivered and archived), in real Chromium
 * with the built extension: it shows the active list with whole counts while rendering only a page of rows, finds a
 * package anywhere in the archive, and opens its details. Functional assertions only; times are in `npm run bench`.
 */
describe('popup with 50,000 packages', () => {
  let harness: Harness;
  let page: Page;
  let records: PackageRecord[];

  beforeAll(async () => {
    harness = await startHarness();
    records = scaleRecords(STORED, ACTIVE, Date.now());
    page = await harness.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await page.waitForSelector('.popup-body:not(:has(.loading))');
    // Written raw in one transaction (fast), with the index keys Dexie's hooks would add.
    const seeded = Date.now();
    await page.evaluate(writeRawPackages, rawSeed(records));
    console.log(`scale.test: 50,000 seeded in ${Date.now() - seeded} ms`);
    await page.reload();
    await page.waitForSelector('li.package', { timeout: 120_000 });
    // Seeding 50,000 records (37 MB through the debugger protocol, one transaction over 15 indexes) took over 180 s
    // on a 2-core machine at load 16-26; the limit is for a stuck step, not a measure (times belong in the bench).
  }, 480_000);
  afterAll(async () => {
    await harness?.dispose();
  });

  it('shows the active list with whole counts, rendering only the first rows', async () => {
    const filter = page.getByRole('combobox', { name: 'Show' });
    await expect.poll(() => filter.locator('option[value="active"]').textContent(), POLL).toBe('All (2000)');
    // The sections rendered first, each with the count of all its packages (as the view's own grouping says).
    const expected = groupIntoSections(
      records.slice(0, ACTIVE),
      viewClock(new Date(), DEFAULT_SETTINGS.staleAfterDays),
    ).map((section) => `${section.id}=${section.packages.length}`);
    const shown = await page
      .locator('section.section')
      .evaluateAll((sections) =>
        sections.map(
          (s) => `${s.className.replace(/.*section-/, '')}=${s.querySelector('.count')?.textContent}`,
        ),
      );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected.slice(0, shown.length));
    const rows = await page.locator('li.package').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(50);
    expect(await page.locator('.more-rows').count()).toBe(1);
    mkdirSync('artifacts', { recursive: true });
    await page.screenshot({ path: 'artifacts/popup-50k-active.png' });
  });

  it('scrolls the windowed list to its last row, told where each row stands, and opens it', async () => {
    const clock = viewClock(new Date(), DEFAULT_SETTINGS.staleAfterDays);
    const sections = groupIntoSections(records.slice(0, ACTIVE), clock);
    const first = sections[0];
    const last = sections.at(-1);
    if (!first || !last) throw new Error('fixture');
    // Rows say their place in their whole section, though only a window of it is rendered.
    const firstRow = page.locator(`section.section-${first.id} li.package`).first();
    expect(await firstRow.getAttribute('aria-posinset')).toBe('1');
    expect(await firstRow.getAttribute('aria-setsize')).toBe(String(first.packages.length));
    const lastPackage = last.packages.at(-1);
    if (!lastPackage) throw new Error('fixture');
    await expect
      .poll(async () => {
        await page.locator('.popup-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
        return page.locator('li.package').count();
      }, POLL)
      .toBe(sections.reduce((n, s) => n + s.packages.length, 0));
    expect(await page.locator('.more-rows').count()).toBe(0);
    const lastRow = page.locator('li.package').last();
    expect(await lastRow.getAttribute('data-id')).toBe(lastPackage.id);
    expect(await lastRow.getAttribute('aria-posinset')).toBe(String(last.packages.length));
    await lastRow.locator('[data-row]').click();
    await expect.poll(() => page.locator('.details').getAttribute('data-id'), POLL).toBe(lastPackage.id);
    await page.keyboard.press('Escape');
    await page.waitForSelector('li.package');
  });

  it('finds an old package in the archive by its number and opens its details', async () => {
    await page.getByRole('combobox', { name: 'Show' }).selectOption('archive');
    // The archive lists its newest page at once, with the count of the whole archive.
    await expect
      .poll(() => page.locator('section.section-archive .count').textContent(), POLL)
      .toBe(String(STORED - ACTIVE));
    expect(await page.locator('li.package').count()).toBeLessThanOrEqual(200);

    const old = records[41_234];
    if (!old?.number) throw new Error('fixture');
    await page.getByRole('searchbox', { name: 'Search packages' }).fill(old.number.toLowerCase());
    await expect.poll(() => page.locator('li.package').count(), POLL).toBe(1);
    expect(await page.locator('li.package').getAttribute('data-number')).toBe(old.number);
    expect(await page.locator('section.section-archive .count').textContent()).toBe('1');

    await page.locator('li.package [data-row]').first().click();
    await expect.poll(() => page.locator('#details-title').textContent(), POLL).toBe(old.itemTitles[0]);
    expect(await page.locator('.details').getAttribute('data-id')).toBe(old.id);
    await page.keyboard.press('Escape');
    await page.waitForSelector('li.package');
  });

  it('searches the archive by words: labels across years, with the whole match count', async () => {
    const search = page.getByRole('searchbox', { name: 'Search packages' });
    await search.fill('gift for sam');
    const labelled = records.filter((r) => r.archivedAt !== undefined && r.label?.startsWith('Gift for Sam'));
    await expect
      .poll(() => page.locator('section.section-archive .count').textContent(), POLL)
      .toBe(String(labelled.length));
    await page.screenshot({ path: 'artifacts/popup-50k-archive-search.png' });
    // The rows shown are the most recently archived of the matches, in that order.
    const newest = [...labelled].sort((a, b) => (b.archivedAt ?? 0) - (a.archivedAt ?? 0)).slice(0, 3);
    await expect
      .poll(
        async () =>
          (await page.locator('li.package').evaluateAll((li) => li.map((e) => e.dataset.number))).slice(0, 3),
        POLL,
      )
      .toEqual(newest.map((r) => r.number));
    await search.fill('zzz-no-such-package');
    await expect.poll(() => page.locator('.empty').count(), POLL).toBe(1);
  });

  it('searches the active list and opens an active package', async () => {
    await page.getByRole('searchbox', { name: 'Search packages' }).fill('');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('active');
    const target = records[1_717];
    if (!target?.number) throw new Error('fixture');
    expect(target.number).toBe(scaleNumber(1_717));
    await page.getByRole('searchbox', { name: 'Search packages' }).fill(target.number);
    await expect.poll(() => page.locator('li.package').count(), POLL).toBe(1);
    await page.locator('li.package [data-row]').first().click();
    await expect.poll(() => page.locator('.details').getAttribute('data-id'), POLL).toBe(target.id);
  });
});
