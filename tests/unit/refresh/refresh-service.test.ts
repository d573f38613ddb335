import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createRefreshService,
  REFRESH_ALARM,
  REFRESH_STATE_KEY,
} from '../../../utils/background/refresh-service';
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

/** `beforeAnswer` runs while a request is under way, before the provider's answer is read. */
function service(
  extra: Pick<Parameters<typeof createRefreshService>[0], 'loadProviderKeys'> = {},
  beforeAnswer?: () => Promise<void>,
) {
  // Every request goes to the local server, whatever host the provider names.
  const redirect: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const response = await fetch(`${server.origin}${url.pathname}${url.search}`, init);
    await beforeAnswer?.();
    return response;
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
    await refresh.onAlarm();
    expect((await db.packages.get('p-ups'))?.status).toBe('out_for_delivery');
    // Out for delivery: next look in 30 minutes.
    expect(alarms.get(REFRESH_ALARM)?.when).toBe(NOW + 30 * 60_000);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.[0]?.after?.status).toBe('out_for_delivery');
    expect(server.requests).toHaveLength(1);
  });

  it('tells which packages were refreshed and why the others were not', async () => {
    const refresh = service();
    await db.packages.add(ups);
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    expect(await refresh.refreshPackages(['p-ups'])).toEqual({ refreshed: ['p-ups'], failed: [] });
    server.answer({ status: 401, body: {} });
    expect(await refresh.refreshPackages(['p-ups'])).toEqual({
      refreshed: [],
      failed: [{ id: 'p-ups', error: '17TRACK rejected the key: check it in the options' }],
    });
    // Not stored (deleted meanwhile): neither refreshed nor failed, and not re-created.
    expect(await refresh.refreshPackages(['gone'])).toEqual({ refreshed: [], failed: [] });
    expect(await db.packages.get('gone')).toBeUndefined();
  });

  it('never re-creates a package the user deleted while its refresh was under way', async () => {
    await db.packages.add(ups);
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    let deletedDuringRequest = false;
    const refresh = service({}, async () => {
      deletedDuringRequest = (await db.packages.where('id').equals('p-ups').delete()) === 1;
    });
    await refresh.refreshPackages(['p-ups']);
    expect(deletedDuringRequest).toBe(true);
    expect(server.requests).toHaveLength(1);
    // The provider's good answer (out for delivery) found no record to update and wrote none.
    expect(await db.packages.count()).toBe(0);
    expect(changes.flat().filter((change) => change.after)).toEqual([]);
  });

  it('uses no provider the user did not enable, and says so', async () => {
    store.settings = { providers: [], amazonSessionRefresh: false };
    await db.packages.add(ups);
    const reply = await service().refreshPackages(['p-ups']);
    expect(reply).toEqual({
      refreshed: [],
      failed: [{ id: 'p-ups', error: expect.stringMatching(/No status source/) }],
    });
    expect(server.requests).toHaveLength(0);
  });

  it('reads keys from the key store it is given, and clearing pauses ends a rejected-key pause', async () => {
    delete store.providerKeys;
    const refresh = service({ loadProviderKeys: async () => ({ '17track': { apiKey: 'from-key-store' } }) });
    await db.packages.add(ups);
    server.answer({ status: 401, body: {} });
    await refresh.refreshPackages(['p-ups']);
    expect(server.requests.at(-1)?.headers['17token']).toBe('from-key-store');
    const paused = () =>
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt;
    expect(paused()).toBeGreaterThan(NOW);
    // The key store's change stamp runs this (routed in utils/background/root.ts; see the wiring test).
    await refresh.clearPauses();
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
    await refresh.clearPauses();
    expect(
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt,
    ).toBeUndefined();

    server.answer({ status: 429, headers: { 'retry-after': '3600' }, body: {} });
    await refresh.refreshPackages(['p-ups']);
    await refresh.clearPauses();
    expect(
      (store[REFRESH_STATE_KEY] as Record<string, { retryAt?: number }>)['17track']?.retryAt,
    ).toBeGreaterThanOrEqual(NOW + 3_600_000);
  });
});
