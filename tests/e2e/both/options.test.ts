import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threePackages } from '../../unit/components/fixtures';
import { BROWSERS, type BrowserHarness, startBrowser, type TabHandle } from '../harness/index';

const POLL = { timeout: 15_000, interval: 100 };

/** Options page export and import, in each browser: the backup the user saves is the one that imports back. */
describe.each(BROWSERS)('options export and import in %s', (browserName) => {
  let harness: BrowserHarness;
  let page: TabHandle;
  const count = () => page.text('[data-testid="count"]');

  beforeAll(async () => {
    harness = await startBrowser(browserName);
    page = await harness.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('exports a JSON backup that imports back, with a report naming the one broken record', async () => {
    await expect.poll(count, POLL).toBe('0');
    await page.evaluate(
      (rows: object[]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('doorstep');
          open.onsuccess = () => {
            const tx = open.result.transaction('packages', 'readwrite');
            for (const row of rows) tx.objectStore('packages').put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      threePackages(new Date()),
    );
    await page.reload();
    await expect.poll(count, POLL).toBe('3');
    // The export is handed to the browser as a Blob URL: keep a copy of what the page offered for download.
    await page.evaluate(() => {
      const scope = window as unknown as { exported: Promise<string>[] };
      scope.exported = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) scope.exported.push(blob.text());
        return create(blob);
      };
    });
    await page.clickButton('Export JSON backup');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { exported: unknown[] }).exported.length), POLL)
      .toBe(1);
    const backup = JSON.parse(
      await page.evaluate(
        () => (window as unknown as { exported: Promise<string>[] }).exported[0] as Promise<string>,
      ),
    );
    expect(backup.packages).toHaveLength(3);

    backup.packages.push({ id: 'broken', status: 'teleported' });
    const file = join(tmpdir(), `doorstep-import-${browserName}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(backup));
    await page.chooseFile('input[type="file"]', file);
    await expect.poll(() => page.text('[data-testid="import-report"] li'), POLL).toMatch(/^Record 4: /);
    await expect.poll(() => page.text('[data-testid="import-report"]'), POLL).toMatch(/Imported: \d+ new/);
    // Nothing lost, nothing doubled: the three packages are still three.
    expect((await harness.storedPackages()).map((p) => p.id).sort()).toEqual(
      threePackages(new Date())
        .map((p) => p.id)
        .sort(),
    );
  });
});
