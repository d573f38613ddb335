import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURE_READERS } from '../../../utils/carrier-web/capture';
import { CARRIER_WEB_PROVIDERS } from '../../../utils/carrier-web/index';
import { CARRIER_BRANDS } from '../../../utils/carriers/brands';
import { COURIERS } from '../../../utils/carriers/formats';
import { CARRIER_LAYOUTS } from '../../../utils/carriers/pages';
import { CARRIER_CODES } from '../../../utils/messages';

/**
 * One folder per carrier (utils/carriers/<carrier>/), listed in one index per context. A folder's file that no
 * index lists would be dead for that context (a carrier found but unnamed in the popup, a page layout never used):
 * this is the test that fails when the line in the index is forgotten, and when an index lists something that is
 * not a folder's.
 */

const ROOT = join(import.meta.dirname, '../../../utils/carriers');
const FOLDERS = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A folder's name is its carrier code with `-` for `_` (canada-post holds canada_post). */
const codeOf = (folder: string) => folder.replace(/-/g, '_');

/** What each kind of file in a folder is registered in, and how to tell that it is. */
const CONTEXTS: Record<string, { index: string; registered: (code: string, value: unknown) => boolean }> = {
  'formats.ts': {
    index: 'formats.ts',
    registered: (code, value) => COURIERS.some((c) => c === value && c.code === code),
  },
  'brand.ts': {
    index: 'brands.ts',
    registered: (code, value) => CARRIER_BRANDS.some((b) => b === value && b.code === code),
  },
  'page.ts': { index: 'pages.ts', registered: (code, value) => CARRIER_LAYOUTS[code] === value },
};

/**
 * A carrier's own tracking without a key (`web.ts`, or `<service>-web.ts` where a carrier has several, as DHL):
 * its capture readers are listed in carrier-web/capture.ts, its background adapters in carrier-web/index.ts. Its
 * other exports (readers, names, origins) are what those two are made of and what the tests call.
 */
const isWebFile = (file: string) => /(^|-)web\.ts$/.test(file);
const captureReaders: unknown[] = Object.values(CAPTURE_READERS).map((entry) => entry.read);
const webProviders: unknown[] = Object.values(CARRIER_WEB_PROVIDERS);
/** A reader of a captured answer: `read<Carrier><Answer>(json, asked, now)`. */
const isCaptureReader = (value: unknown) => typeof value === 'function' && /^read[A-Z]/.test(value.name);
const isStatusProvider = (value: unknown) =>
  typeof value === 'object' && value !== null && 'refresh' in value && 'supports' in value;

async function exportsOf(folder: string, file: string): Promise<unknown[]> {
  const module: Record<string, unknown> = await import(/* @vite-ignore */ join(ROOT, folder, file));
  return Object.values(module);
}

describe('carrier folders and their context indexes', () => {
  it('has one folder per carrier code the engine and the message boundary know', () => {
    expect(FOLDERS.map(codeOf)).toEqual([...CARRIER_CODES].sort());
    expect(COURIERS.map((c) => c.code).sort()).toEqual([...CARRIER_CODES].sort());
  });

  it.each(FOLDERS)('%s: every context file is listed in its index, under its own code', async (folder) => {
    const files = readdirSync(join(ROOT, folder));
    expect(files).toContain('formats.ts');
    for (const file of files) {
      if (isWebFile(file)) {
        const values = await exportsOf(folder, file);
        const readers = values.filter(isCaptureReader);
        const providers = values.filter(isStatusProvider);
        expect(
          readers.length + providers.length,
          `${folder}/${file} exports a reader or an adapter`,
        ).toBeGreaterThan(0);
        for (const reader of readers)
          expect(captureReaders, `${folder}/${file}'s reader is listed in carrier-web/capture.ts`).toContain(
            reader,
          );
        for (const provider of providers)
          expect(webProviders, `${folder}/${file}'s adapter is listed in carrier-web/index.ts`).toContain(
            provider,
          );
        continue;
      }
      const context = CONTEXTS[file];
      if (!context) {
        // A helper of the folder (dhl/paket-formats.ts): a sibling must use it, or it is dead.
        const stem = file.replace(/\.ts$/, '');
        const siblings = files
          .filter((f) => f !== file)
          .map((f) => readFileSync(join(ROOT, folder, f), 'utf8'));
        expect(
          siblings.some((text) => text.includes(`'./${stem}'`)),
          `${folder}/${file} is used by its folder`,
        ).toBe(true);
        continue;
      }
      const values = await exportsOf(folder, file);
      expect(values, `${folder}/${file} exports one thing`).toHaveLength(1);
      expect(
        context.registered(codeOf(folder), values[0]),
        `${folder}/${file} is listed in carriers/${context.index}`,
      ).toBe(true);
    }
  });

  it('lists nothing in an index that is not a folder file of that kind', () => {
    const withFile = (file: string) => FOLDERS.filter((f) => existsSync(join(ROOT, f, file))).map(codeOf);
    expect(COURIERS.map((c) => c.code).sort()).toEqual(withFile('formats.ts').sort());
    expect(CARRIER_BRANDS.map((b) => b.code).sort()).toEqual(withFile('brand.ts').sort());
    expect(Object.keys(CARRIER_LAYOUTS).sort()).toEqual(withFile('page.ts').sort());
  });

  it('lists no carrier-web reader or adapter that is not a carrier folder web file', async () => {
    const fromFolders: unknown[] = [];
    for (const folder of FOLDERS)
      for (const file of readdirSync(join(ROOT, folder)).filter(isWebFile))
        fromFolders.push(...(await exportsOf(folder, file)));
    for (const reader of captureReaders) expect(fromFolders).toContain(reader);
    for (const provider of webProviders) expect(fromFolders).toContain(provider);
    expect(captureReaders.length).toBeGreaterThan(0);
    expect(webProviders.length).toBeGreaterThan(0);
  });

  it('names every carrier in the popup with its own brand, not the made-up fallback', () => {
    expect(new Set(CARRIER_BRANDS.map((b) => b.code)).size).toBe(CARRIER_BRANDS.length);
    expect(CARRIER_BRANDS.map((b) => b.code).sort()).toEqual([...CARRIER_CODES].sort());
  });
});
