import type { PackageRecord } from '../../../utils/store/types';

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
