import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seventeenTrack } from '../../../utils/providers/seventeen-track';
import type { RefreshResult, StatusProvider } from '../../../utils/providers/types';
import type { ProviderStates } from '../../../utils/refresh/provider-state';
import { pacer, type RunnerDeps, runRefresh } from '../../../utils/refresh/runner';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';
import { type ContractServer, fixture, startContractServer } from '../providers/contract-server';
import { makePackage, NOW } from '../providers/packages';

const HOUR = 3_600_000;
let server: ContractServer;
let db: DoorstepDatabase;
let states: ProviderStates;
let changes: number;
let granted: boolean;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  db = new DoorstepDatabase(`refresh-runner-${crypto.randomUUID()}`);
  states = {};
  changes = 0;
  granted = true;
});

function deps(overrides: Partial<RunnerDeps> = {}): RunnerDeps {
  return {
    db,
    now: () => NOW,
    fetch,
    random: () => 0.5,
    providers: [seventeenTrack],
    credentials: () => ({ apiKey: 'k' }),
    hasPermission: async () => granted,
    loadStates: async () => structuredClone(states),
    saveStates: async (s) => {
      states = s;
    },
    baseIntervalMinutes: 120,
    timeZone: 'UTC',
    baseUrls: { '17track': `${server.origin}/track/v2.2` },
    timeoutMs: 5_000,
    inFlight: new Set(),
    onChange: async () => {
      changes++;
    },
    pacing: false,
    ...overrides,
  };
}

const ups = makePackage({
  id: 'p-ups',
  number: '1Z999AA10123456784',
  carrier: 'ups',
  label: 'Birthday present',
  status: 'in_transit',
  statusAt: Date.UTC(2025, 2, 9, 8, 0),
  events: [{ at: Date.UTC(2025, 2, 9, 8, 0), status: 'in_transit', description: 'Departed from facility' }],
  lastCheckedAt: NOW - 5 * HOUR,
});

describe('refresh runner with the store', () => {
  it('stores a provider answer through the merge rules and reports the change', async () => {
    await db.packages.add({ ...ups, lastError: 'Could not reach 17TRACK' });
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    const report = await runRefresh(deps());
    expect(report).toMatchObject({ planned: 1, refreshed: 1, failed: 0, requests: 1 });
    const stored = await db.packages.get('p-ups');
    expect(stored).toMatchObject({
      status: 'out_for_delivery',
      label: 'Birthday present',
      lastCheckedAt: NOW,
      eta: { start: '2025-03-10' },
    });
    expect(stored?.lastError).toBeUndefined();
    expect(stored?.events.length).toBe(5); // four from 17TRACK plus the one already known
    expect(changes).toBe(1);
    expect(report.nextWakeAt).toBe(NOW + 30 * 60_000); // out for delivery: every 30 minutes
  });

  it('reads only the active list on a scheduled run, and an archived package only when the user names it', async () => {
    const archive = Array.from({ length: 300 }, (_, i) =>
      makePackage({
        id: `p-old-${i}`,
        number: `1Z999AA1${String(i).padStart(10, '0')}`,
        carrier: 'ups',
        status: 'in_transit',
        archivedAt: NOW - 30 * 24 * HOUR,
      }),
    );
    await db.packages.bulkAdd([ups, ...archive]);
    // Every record that reaches the runner from IndexedDB, counted below Dexie's own middlewares.
    let recordsRead = 0;
    const counted = new DoorstepDatabase(db.name);
    counted.use({
      stack: 'dbcore',
      name: 'count-records-read',
      level: 0,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            query: async (request) => {
              const response = await table.query(request);
              recordsRead += response.result.length;
              return response;
            },
            getMany: async (request) => {
              const found = await table.getMany(request);
              recordsRead += found.filter(Boolean).length;
              return found;
            },
          };
        },
      }),
    });
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    const scheduled = await runRefresh(deps({ db: counted }));
    expect(scheduled.planned).toBe(1);
    // The active package, read for the plan, for the merge and for the next plan: never the 300 archived.
    expect(recordsRead).toBeLessThan(10);

    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    const manual = await runRefresh(deps({ db: counted }), { manualIds: ['p-old-7'] });
    // Asked about (the fixture answers for another number, so nothing new is stored for it).
    expect(manual).toMatchObject({ planned: 1, requests: 1 });
    expect((await counted.packages.get('p-old-7'))?.lastCheckedAt).toBe(NOW);
    counted.close();
  });

  it('records a failure without touching status, events or the user’s fields', async () => {
    await db.packages.add(ups);
    server.answer({ status: 500, body: 'down' });
    const report = await runRefresh(deps());
    expect(report.failed).toBe(1);
    const stored = (await db.packages.get('p-ups')) as PackageRecord;
    expect(stored).toEqual({
      ...ups,
      lastCheckedAt: NOW,
      // Stored as a code, worded by the popup in the UI language (utils/refresh/failure-code.ts).
      lastError: 'code:server;17TRACK;500',
    });
    expect(states['17track']?.failures).toBe(1);
    expect(states['17track']?.retryAt).toBeGreaterThan(NOW);
  });

  it('never lets an older answer move a package backwards', async () => {
    await db.packages.add({
      ...ups,
      status: 'delivered',
      statusAt: Date.UTC(2025, 2, 10, 14, 0),
      deliveredAt: Date.UTC(2025, 2, 10, 14, 0),
      lastCheckedAt: undefined,
    });
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    // Delivered an hour ago: not due (its final confirmation comes later), so the user asks by hand.
    expect((await runRefresh(deps())).planned).toBe(0);
    await runRefresh(deps(), { manualIds: ['p-ups'] });
    const stored = await db.packages.get('p-ups');
    expect(stored?.status).toBe('delivered');
    expect(stored?.lastCheckedAt).toBe(NOW);
  });

  it('asks for nothing without the host permission and says so on the package', async () => {
    granted = false;
    await db.packages.add(ups);
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    const report = await runRefresh(deps());
    expect(server.requests).toHaveLength(0);
    expect(report.requests).toBe(0);
    const stored = await db.packages.get('p-ups');
    expect(stored?.status).toBe('in_transit');
    expect(stored?.lastError).toBe('code:permission;17TRACK;');
  });

  it('stops asking a rate-limited provider for the rest of the run and waits for Retry-After', async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      makePackage({
        id: `p${i}`,
        number: `1Z999AA1${String(10000000000 + i)}`,
        carrier: 'ups',
        lastCheckedAt: NOW - 5 * HOUR,
      }),
    );
    await db.packages.bulkAdd(many);
    server.answer({ status: 429, headers: { 'retry-after': '600' }, body: {} });
    const report = await runRefresh(deps());
    // 45 numbers = two batches of 40 + 5, one provider at concurrency 2: both may start, neither retries.
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(states['17track']?.retryAt).toBeGreaterThanOrEqual(NOW + 600_000);
    expect(report.nextWakeAt).toBeGreaterThanOrEqual(NOW + 600_000);
    const after = await db.packages.toArray();
    expect(after.every((p) => p.status === 'in_transit')).toBe(true);
  });

  it('never refreshes one package twice at once, even when a manual refresh meets the alarm', async () => {
    await db.packages.add(ups);
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: StatusProvider = {
      ...seventeenTrack,
      refresh: async (packages): Promise<RefreshResult> => {
        calls.push(...packages.map((p) => p.id));
        await gate;
        return {
          outcomes: packages.map((p) => ({
            id: p.id,
            ok: false,
            failure: { kind: 'network', message: 'x' },
          })),
          requests: 1,
        };
      },
    };
    const shared = deps({ providers: [slow] });
    const scheduled = runRefresh(shared);
    await new Promise((r) => setTimeout(r, 20));
    const manual = await runRefresh(shared, { manualIds: ['p-ups'] });
    release();
    await scheduled;
    expect(calls).toEqual(['p-ups']);
    expect(manual.results['p-ups']).toEqual({
      ok: false,
      error: 'A refresh of this package is already running',
    });
  });

  it('refreshes only the packages named in a manual refresh, even when not due', async () => {
    await db.packages.bulkAdd([
      { ...ups, lastCheckedAt: NOW - 60_000 },
      makePackage({
        id: 'other',
        number: '9400111206206406260787',
        carrier: 'usps',
        lastCheckedAt: NOW - 5 * HOUR,
      }),
    ]);
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    const report = await runRefresh(deps(), { manualIds: ['p-ups'] });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual([{ number: '1Z999AA10123456784' }]);
    expect(report.results).toEqual({ 'p-ups': { ok: true } });
    expect((await db.packages.get('other'))?.lastCheckedAt).toBe(NOW - 5 * HOUR);
  });

  it('spaces a provider’s requests by its per-second limit, across concurrent batches', async () => {
    const waits: number[] = [];
    const pace = pacer(1_000, async (ms) => {
      waits.push(Math.round(ms / 100) * 100);
    });
    await Promise.all([pace(), pace(), pace()]);
    expect(waits).toEqual([1_000, 2_000]);
  });
});
