import { PROVIDER_KEYS_KEY, type ProviderKeys, parseProviderKeys } from '../providers/keys';
import type { KeyValueStorage } from '../settings';

/**
 * Where provider keys live: an IndexedDB database of the extension's own origin. Content scripts run with the
 * page's origin, so they cannot open it in any browser; `storage.local` is different, Firefox lets our own content
 * scripts read it (it has no `setAccessLevel` for `local`), so keys must not be kept there. The background (refresh)
 * and the options page (the form) are the only readers, both extension pages of that origin.
 *
 * Plain IndexedDB rather than Dexie: one record, no queries, and the options page already loads the store anyway.
 */

export const KEY_DATABASE = 'doorstep-keys';
const STORE = 'keys';
const RECORD = 'provider-keys';

/**
 * A time stamp in `storage.local` saying the keys changed (nothing secret): the background clears provider pauses
 * when it sees it, as it did when the keys themselves were in `storage.local`.
 */
export const PROVIDER_KEYS_CHANGED_KEY = 'providerKeysChangedAt';

export interface ProviderKeyStore {
  load(): Promise<ProviderKeys>;
  save(keys: ProviderKeys): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('key store transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

export function indexedDbKeyStore(factory: IDBFactory, name = KEY_DATABASE): ProviderKeyStore {
  let opening: Promise<IDBDatabase> | undefined;
  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(name, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading or deleting the database: let it, and open again next time.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = undefined;
        reject(req.error);
      };
    });
    return opening;
  };
  const write = async (change: (store: IDBObjectStore) => void) => {
    const tx = (await open()).transaction(STORE, 'readwrite');
    change(tx.objectStore(STORE));
    await done(tx);
  };
  return {
    async load() {
      const tx = (await open()).transaction(STORE, 'readonly');
      // What is read back is validated like anything else from storage: only known providers and short strings.
      return parseProviderKeys(await request(tx.objectStore(STORE).get(RECORD)));
    },
    save: (keys) => write((store) => store.put(parseProviderKeys(keys), RECORD)),
  };
}

/**
 * Moves keys an older version wrote to `storage.local` into the key store, then removes them there. Every read moves
 * them, so a copy found there was written after the last move (an options tab of the previous version still open
 * during the update): it wins provider by provider. Safe to repeat: a crash between the two steps leaves the legacy
 * copy, which the next read moves again to the same result.
 */
export async function moveLegacyProviderKeys(
  local: KeyValueStorage & { remove(key: string): Promise<void> },
  store: ProviderKeyStore,
): Promise<boolean> {
  const legacyRaw = (await local.get(PROVIDER_KEYS_KEY))[PROVIDER_KEYS_KEY];
  if (legacyRaw === undefined) return false;
  const legacy = parseProviderKeys(legacyRaw);
  if (Object.keys(legacy).length > 0) await store.save({ ...(await store.load()), ...legacy });
  await local.remove(PROVIDER_KEYS_KEY);
  return true;
}

/** The background's read: first any legacy copy is moved out of `storage.local`, so it never stays readable there. */
export function providerKeyLoader(
  local: KeyValueStorage & { remove(key: string): Promise<void> },
  store: ProviderKeyStore,
): () => Promise<ProviderKeys> {
  return async () => {
    await moveLegacyProviderKeys(local, store);
    return store.load();
  };
}
