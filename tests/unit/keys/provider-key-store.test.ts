import { describe, expect, it } from 'vitest';
import {
  indexedDbKeyStore,
  moveLegacyProviderKeys,
  providerKeyLoader,
} from '../../../utils/keys/provider-key-store';
import { PROVIDER_KEYS_KEY } from '../../../utils/view/providers';

function fakeLocal(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    remove: async (key: string) => {
      data.delete(key);
    },
  };
}

const freshStore = () => indexedDbKeyStore(indexedDB, `keys-${crypto.randomUUID()}`);

describe('provider key store (the extension origin’s IndexedDB, never storage.local)', () => {
  it('starts empty, saves and reads back keys, and a second handle on the same database sees them', async () => {
    const name = `keys-${crypto.randomUUID()}`;
    const store = indexedDbKeyStore(indexedDB, name);
    expect(await store.load()).toEqual({});
    await store.save({ '17track': { apiKey: 'k-17' }, fedex: { clientId: 'id', clientSecret: 'secret' } });
    expect(await indexedDbKeyStore(indexedDB, name).load()).toEqual({
      '17track': { apiKey: 'k-17' },
      fedex: { clientId: 'id', clientSecret: 'secret' },
    });
    await store.save({});
    expect(await store.load()).toEqual({});
  });

  it('keeps only known providers and fields, as short strings, on the way in and out', async () => {
    const store = freshStore();
    await store.save({
      '17track': { apiKey: '  padded  ' },
      ['__proto__' as 'ups']: { apiKey: 'x' },
      aftership: { apiKey: 'a'.repeat(600) },
    } as never);
    expect(await store.load()).toEqual({ '17track': { apiKey: 'padded' } });
  });

  it('moves legacy keys out of storage.local; a copy written there later wins provider by provider', async () => {
    const store = freshStore();
    await store.save({ dhl: { apiKey: 'dhl-in-store' }, ship24: { apiKey: 'ship24-in-store' } });
    const local = fakeLocal({
      [PROVIDER_KEYS_KEY]: { dhl: { apiKey: 'dhl-newer' }, '17track': { apiKey: 'k-17' } },
      settings: { providers: ['dhl'] },
    });
    expect(await moveLegacyProviderKeys(local, store)).toBe(true);
    expect(local.data.has(PROVIDER_KEYS_KEY)).toBe(false);
    expect(local.data.has('settings')).toBe(true);
    expect(await store.load()).toEqual({
      dhl: { apiKey: 'dhl-newer' },
      ship24: { apiKey: 'ship24-in-store' },
      '17track': { apiKey: 'k-17' },
    });
    // Nothing left to move: the store is untouched.
    expect(await moveLegacyProviderKeys(local, store)).toBe(false);
    expect(Object.keys(await store.load())).toHaveLength(3);
  });

  it('removes a malformed legacy copy without writing anything', async () => {
    const store = freshStore();
    const local = fakeLocal({ [PROVIDER_KEYS_KEY]: 'not an object' });
    expect(await moveLegacyProviderKeys(local, store)).toBe(true);
    expect(local.data.has(PROVIDER_KEYS_KEY)).toBe(false);
    expect(await store.load()).toEqual({});
  });

  it('the background’s loader moves keys written to storage.local at any time before reading', async () => {
    const store = freshStore();
    const local = fakeLocal();
    const load = providerKeyLoader(local, store);
    expect(await load()).toEqual({});
    await local.set({ [PROVIDER_KEYS_KEY]: { aftership: { apiKey: 'as-key' } } });
    expect(await load()).toEqual({ aftership: { apiKey: 'as-key' } });
    expect(local.data.has(PROVIDER_KEYS_KEY)).toBe(false);
  });
});
