import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createRefreshService,
  REFRESH_ALARM,
  REFRESH_STATE_KEY,
} from '../../../utils/background/refresh-service';
import { PROVIDER_KEYS_CHANGED_KEY } from '../../../utils/keys/provider-key-store';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageChange } from '../../../utils/store/types';
import { type ContractServer, fixture, startContractServer } from '../providers/contract-server';
import { parseTrackPageWithLinkedom } from '../providers/linkedom-track-page';
import { makePackage, NOW } from '../providers/packages';

/** The background glue, with the extension APIs replaced by small fakes and 17TRACK by a local server. */

let server: ContractServer;
let db: DoorstepDatabase;
let store: Record<string, unknown>;
let alarms: Map<string, { name: string; when: number }>;
let granted: string[];
let changes: PackageChange[][];

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  db = new DoorstepDatabase(`refresh-service-${crypto.randomUUID()}`);
  store = {
    settings: { providers: ['17track'], amazonSessionRefresh: false },
    providerKeys: { '17track': { apiKey: 'k' } },
  };
  alarms = new Map();
  granted = ['https://api.17track.net/*'];
  changes = [];
  server.answer({ status: 500, body: 'no answer scripted' });
});

function service(extra: Pick<Parameters<typeof createRefreshService>[0], 'loadProviderKeys'> = {}) {
  // Every request goes to the local server, whatever host the provider names.
  const redirect: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    return fetch(`${server.origin}${url.pathname}${url.search}`, init);
  };
  return createRefreshService({
    api: {
      storage: {
        local: {
          get: async (key: string) => ({ [key]: structuredClone(store[key]) }),
          set: async (items: Record<string, unknown>) => {
            Object.assign(store, structuredClone(items));
          },
        },
      },
      permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
      alarms: {
        create: (name, info) => void alarms.set(name, { name, ...info }),
        get: async (name) => alarms.get(name),
      },
    },
    db,
    onChange: async (c) => {
      changes.push(c);
    },
    parseTrackPage: parseTrackPageWithLinkedom,
    fetch: redirect,
    now: () => NOW,
    random: () => 0.5,
    timeZone: 'UTC',
    ...extra,
  });
}

const ups = makePackage({
  id: 'p-ups',
  number: '1Z999AA10123456784',
  carrier: 'ups',
  lastCheckedAt: NOW - 86_400_000,
});

describe('refresh service (background glue)', () => {
  it('keeps one alarm: created at start when missing, moved after each run', async () => {
    const refresh = service();
    await refresh.ensureScheduled();
    expect(alarms.get(REFRESH_ALARM)?.when).toBe(NOW + 60_000);
    await db.packages.add(ups);
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    await refresh.onAlarm({ name: REFRESH_ALARM });
    expect((await db.packages.get('p-ups'))?.status).toBe('out_for_delivery');
    // Out for delivery: next look in 30 minutes.
    expect(alarms.get(REFRESH_ALARM)?.when).toBe(NOW + 30 * 60_000);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.[0]?.after?.status).toBe('out_for_delivery');
    await refresh.onAlarm({ name: 'badge-midnight' });
    expect(server.requests).toHaveLength(1);
  });

  it('answers the popup: ok with the ids, or the reason in words', async () => {
    const refresh = service();
    await db.packages.add(ups);
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    expect(await refresh.refreshPackages(['p-ups'])).toEqual({ ok: true, updated: 1, ids: ['p-ups'] });
    server.answer({ status: 401, body: {} });
    expect(await refresh.refreshPackages(['p-ups'])).toEqual({
      ok: false,
      error: '17TRACK rejected the key: check it in the options',
    });
    expect(await refresh.refreshPackages(['gone'])).toMatchObject({ ok: false });
  });

  it('uses no provider the user did not enable, and says so', async () => {
    store.settings = { providers: [], amazonSessionRefresh: false };
    await db.packages.add(ups);
    const reply = await service().refreshPackages(['p-ups']);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/No status source/) });
    expect(server.requests).toHaveLength(0);
  });

  it('reads keys from the key store it is given, and the key store’s change stamp ends a rejected-key pause', async () => {
    delete store.providerKeys;
    const refresh = service({ loadProviderKeys: async () => ({ '17track': { apiKey: 'from-key-store' } }) });
    await db.packages.add(ups);
    server.answer({ status: 401, body: {} });
    await refresh.refreshPackages(['p-ups']);
    expect(server.requests.at(-1)?.headers['17token']).toBe('from-key-store');
    const paused = () =>
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt;
    expect(paused()).toBeGreaterThan(NOW);
    await refresh.onStorageChanged({ [PROVIDER_KEYS_CHANGED_KEY]: { newValue: NOW } }, 'local');
    expect(paused()).toBeUndefined();
  });

  it('a new key ends a rejected-key pause, but never a Retry-After', async () => {
    const refresh = service();
    await db.packages.add(ups);
    server.answer({ status: 401, body: {} });
    await refresh.refreshPackages(['p-ups']);
    expect(
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt,
    ).toBeGreaterThan(NOW);
    await refresh.onStorageChanged({ providerKeys: {} }, 'local');
    expect(
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt,
    ).toBeUndefined();

    server.answer({ status: 429, headers: { 'retry-after': '3600' }, body: {} });
    await refresh.refreshPackages(['p-ups']);
    await refresh.onStorageChanged({ providerKeys: {} }, 'local');
    expect(
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt,
    ).toBeGreaterThanOrEqual(NOW + 3_600_000);
  });
});
