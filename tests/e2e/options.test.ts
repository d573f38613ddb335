import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threePackages } from '../unit/components/fixtures';
import { type Harness, startHarness } from './harness';

/** The page updates asynchronously (live queries, messages): assertions retry until it settles. */
const POLL = { timeout: 15_000, interval: 50 };

/** The options page in real Chromium: settings saved to storage, export files, import report, delete all. */
describe('options page in Chromium', () => {
  let harness: Harness;
  let page: Page;

  /** Reads storage.local inside the service worker, where `chrome` is the extension API. */
  const storageLocal = (key: string) =>
    harness.serviceWorker.evaluate(async (k) => {
      type Local = { get(k: string): Promise<Record<string, unknown>> };
      const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
      return (await api.storage.local.get(k))[k];
    }, key) as Promise<unknown>;

  beforeAll(async () => {
    mkdirSync('artifacts', { recursive: true });
    harness = await startHarness();
    page = await harness.context.newPage();
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="count"]');
    // Through the worker, as every write in the extension goes: the store adds its index keys and the badge learns of
    // the records from the change bus.
    const seeded = await page.evaluate(
      (rows) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime.sendMessage({ type: 'import', records: rows }),
      threePackages(new Date()),
    );
    expect(seeded.ok).toBe(true);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.textContent === '3');
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('renders every section (screenshot) and saves a changed setting at once', async () => {
    await page.screenshot({ path: 'artifacts/options.png', fullPage: true });
    await page.locator('#stale-days').fill('9');
    await page.locator('#stale-days').blur();
    await expect
      .poll(async () => ((await storageLocal('settings')) as { staleAfterDays?: number })?.staleAfterDays)
      .toBe(9);
    await page.locator('#stale-days').fill('0');
    await page.locator('#stale-days').blur();
    await expect
      .poll(() => page.locator('#stale-days-help').textContent(), POLL)
      .toBe('Enter a whole number from 1 to 60.');
    expect(((await storageLocal('settings')) as { staleAfterDays?: number }).staleAfterDays).toBe(9);
  });

  it('adds a per-site rule from a pasted URL and refuses something that is not a site', async () => {
    await page.getByRole('textbox', { name: 'Site' }).fill('https://Mail.Example.com/inbox');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect
      .poll(
        async () => ((await storageLocal('settings')) as { siteModes?: Record<string, string> })?.siteModes,
      )
      .toEqual({ 'mail.example.com': 'off' });
    await page.getByRole('textbox', { name: 'Site' }).fill('not a site');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => page.locator('#site-error').textContent(), POLL).toContain('is not a site name');
  });

  it('exports the full event history as CSV and a JSON backup that imports back with a report', async () => {
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV (every event)' }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path()) ?? '', 'utf8');
    // Starts with a UTF-8 byte order mark, so Excel reads umlauts right.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    // Header, 3 + 2 events, and one line for the Amazon shipment without events.
    expect(lines).toHaveLength(1 + 3 + 2 + 1);
    expect(lines[0]?.startsWith('package_id,label,items,merchant,carrier,tracking_number')).toBe(true);
    expect(csv).toContain('Departed from facility');

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON backup' }).click(),
    ]);
    const backup = JSON.parse(readFileSync((await jsonDownload.path()) ?? '', 'utf8'));
    expect(backup.packages).toHaveLength(3);

    // One broken record among good ones: the report names it, the others are sent to the store.
    backup.packages.push({ id: 'broken', status: 'teleported' });
    const file = join(tmpdir(), `doorstep-import-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(backup));
    await page.getByLabel('Choose a Doorstep JSON export').setInputFiles(file);
    const report = page.getByTestId('import-report');
    await expect
      .poll(
        () =>
          report
            .locator('li')
            .first()
            .textContent()
            .then((t) => t ?? ''),
        POLL,
      )
      .toMatch(/^Record 4: /);
    await expect.poll(() => report.textContent().then((t) => t ?? ''), POLL).toMatch(/Imported: \d+ new/);
  });

  it('deletes all packages only after confirmation, and the badge follows at once', async () => {
    // One of the three is out for delivery today: the badge shows it until everything is deleted.
    await expect.poll(() => harness.badgeText()).toBe('1');
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await expect
      .poll(() => page.locator('#confirm-text').textContent(), POLL)
      .toContain('Delete all 3 packages');
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.textContent === '0');
    expect(await harness.storedPackages()).toEqual([]);
    await expect.poll(() => harness.badgeText()).toBe('');
  });
});
