import { withIndexKeys } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';

/** What `writeRawPackages` takes: records with their index keys, and whether to empty the store first. */
export interface RawSeed {
  rows: PackageRecord[];
  clear: boolean;
}

/**
 * The argument for `page.evaluate(writeRawPackages, …)`: raw writes skip Dexie's hooks, so the index keys the store
 * would add (db.ts `withIndexKeys`) are added here; the popup and badge read through those indexes.
 */
export function rawSeed(records: readonly PackageRecord[], options: { clear?: boolean } = {}): RawSeed {
  return { rows: records.map(withIndexKeys), clear: options.clear ?? false };
}

/**
 * Writes packages straight into the extension's IndexedDB in one transaction (fast, even for 50,000); runs inside
 * an extension context, after the background has created the database.
 */
export function writeRawPackages({ rows, clear }: RawSeed): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('doorstep');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('packages', 'readwrite');
      const store = tx.objectStore('packages');
      if (clear) store.clear();
      for (const row of rows) store.put(row);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Reads every stored package; runs inside an extension context (same origin as the background's IndexedDB). */
export function readAllPackages(): Promise<PackageRecord[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('doorstep');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('packages')) {
        // Opened before the background created the store: nothing stored yet (and do not keep this empty db open).
        db.close();
        resolve([]);
        return;
      }
      const request = db.transaction('packages').objectStore('packages').getAll();
      request.onsuccess = () => {
        resolve(request.result as PackageRecord[]);
        db.close();
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** The action badge's text; runs inside an extension context. */
export function readBadge(): Promise<string> {
  type Api = { action: { getBadgeText(d: object): Promise<string> } };
  const scope = globalThis as unknown as { browser?: Api; chrome: Api };
  return (scope.browser ?? scope.chrome).action.getBadgeText({});
}
