import { describe, expect, it } from 'vitest';
import type { StatusProvider } from '../../../utils/providers/types';
import { dueAt, FINAL_CONFIRMATION_DELAY, planRefresh, refreshInterval } from '../../../utils/refresh/plan';
import { recordBatch } from '../../../utils/refresh/provider-state';
import type { PackageRecord } from '../../../utils/store/types';
import { makePackage } from '../providers/packages';

const NOW = Date.UTC(2025, 2, 10, 15, 0); // Monday 10 March 2025, 15:00 UTC
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const options = { baseIntervalMinutes: 120, timeZone: 'UTC' };

function fakeProvider(overrides: Partial<StatusProvider> = {}): StatusProvider {
  return {
    id: '17track',
    name: 'Fake',
    origins: [],
    needs: [],
    maxBatch: 2,
    budget: { perHour: 100, perDay: 1000, concurrency: 1, minSpacingMs: 0 },
    supports: (pkg) => Boolean(pkg.number),
    refresh: async () => ({ outcomes: [], requests: 0 }),
    ...overrides,
  };
}

const pkg = (id: string, extra: Partial<PackageRecord> = {}) =>
  makePackage({ id, number: `1Z999AA1012345678${id.length}`, lastCheckedAt: NOW - 10 * MIN, ...extra });

describe('refresh interval: often near the estimate, rarely far from it', () => {
  it('orders the intervals as a shopper would expect', () => {
    const out = refreshInterval(pkg('a', { status: 'out_for_delivery' }), NOW, options);
    const today = refreshInterval(pkg('a', { eta: { start: '2025-03-10' } }), NOW, options);
    const soon = refreshInterval(pkg('a', { eta: { start: '2025-03-12' } }), NOW, options);
    const normal = refreshInterval(pkg('a', { eta: { start: '2025-03-15' } }), NOW, options);
    const far = refreshInterval(pkg('a', { eta: { start: '2025-03-30' } }), NOW, options);
    expect(out).toBe(30 * MIN);
    expect(today).toBe(HOUR);
    expect(soon).toBe(HOUR);
    expect(normal).toBe(2 * HOUR);
    expect(far).toBe(8 * HOUR);
    expect(out).toBeLessThan(normal);
    expect(far).toBeGreaterThan(normal);
  });

  it('keeps checking a package that is late, less often once it is days late', () => {
    expect(refreshInterval(pkg('a', { eta: { start: '2025-03-09' } }), NOW, options)).toBe(HOUR);
    expect(refreshInterval(pkg('a', { eta: { start: '2025-03-01' } }), NOW, options)).toBe(4 * HOUR);
  });

  it('never refreshes an archived, returned or long-delivered package; confirms a fresh delivery once', () => {
    expect(dueAt(pkg('a', { archivedAt: NOW - DAY }), NOW, options)).toBeUndefined();
    expect(dueAt(pkg('a', { status: 'returned', statusAt: NOW - HOUR }), NOW, options)).toBeUndefined();
    expect(
      dueAt(pkg('a', { status: 'delivered', deliveredAt: NOW - 5 * DAY }), NOW, options),
    ).toBeUndefined();
    const fresh = pkg('a', { status: 'delivered', deliveredAt: NOW - HOUR, lastCheckedAt: NOW - HOUR });
    expect(dueAt(fresh, NOW, options)).toBe(NOW - HOUR + FINAL_CONFIRMATION_DELAY);
    const confirmed = { ...fresh, lastCheckedAt: NOW - HOUR + FINAL_CONFIRMATION_DELAY + MIN };
    expect(dueAt(confirmed, NOW + 2 * HOUR, options)).toBeUndefined();
  });

  it('counts a visit to the carrier or Amazon page as a check', () => {
    const visited = pkg('a', {
      lastCheckedAt: NOW - 5 * HOUR,
      sources: [{ kind: 'carrier', url: 'https://www.ups.com/track', seenAt: NOW - 10 * MIN }],
    });
    expect(dueAt(visited, NOW, options)).toBe(NOW - 10 * MIN + 2 * HOUR);
    expect(dueAt(pkg('new', { lastCheckedAt: undefined, sources: [] }), NOW, options)).toBe(NOW);
  });
});

describe('planRefresh', () => {
  it('batches due packages per provider, manual first, skipping those not due or in flight', () => {
    const packages = [
      pkg('due1', { lastCheckedAt: NOW - 3 * HOUR }),
      pkg('due22', { lastCheckedAt: NOW - 4 * HOUR }),
      pkg('due333', { lastCheckedAt: NOW - 5 * HOUR }),
      pkg('fresh', { lastCheckedAt: NOW - MIN }),
      pkg('manual', { lastCheckedAt: NOW - MIN }),
      pkg('running', { lastCheckedAt: NOW - 5 * HOUR }),
      makePackage({ id: 'order-only', orderId: '113-5838173-8241820', lastCheckedAt: NOW - 5 * HOUR }),
    ];
    const plan = planRefresh({
      ...options,
      packages,
      now: NOW,
      providers: [fakeProvider()],
      states: {},
      manualIds: new Set(['manual']),
      inFlight: new Set(['running']),
    });
    expect(plan.batches).toEqual([
      { provider: '17track', packageIds: ['manual', 'due333'] },
      { provider: '17track', packageIds: ['due22', 'due1'] },
    ]);
    expect(plan.deferred).toEqual(
      expect.arrayContaining([
        { id: 'running', reason: 'in_flight' },
        { id: 'order-only', reason: 'no_provider' },
      ]),
    );
    // The fresh package is due in 2 h minus the minute since its check.
    expect(plan.nextWakeAt).toBe(NOW - MIN + 2 * HOUR);
  });

  it('stays within the hourly budget and wakes when the next hour starts', () => {
    const packages = Array.from({ length: 10 }, (_, i) =>
      pkg(`p${'x'.repeat(i)}`, { lastCheckedAt: NOW - DAY }),
    );
    const provider = fakeProvider({
      maxBatch: 1,
      budget: { perHour: 3, perDay: 100, concurrency: 1, minSpacingMs: 0 },
    });
    const state = recordBatch(undefined, { requests: 1 }, NOW, () => 0);
    const plan = planRefresh({
      ...options,
      packages,
      now: NOW,
      providers: [provider],
      states: { '17track': state },
    });
    expect(plan.batches).toHaveLength(2);
    expect(plan.deferred.filter((d) => d.reason === 'budget')).toHaveLength(8);
    expect(plan.nextWakeAt).toBe(Date.UTC(2025, 2, 10, 16, 0));
  });

  it('plans nothing for a provider in back-off, and wakes at its retry time', () => {
    const state = recordBatch(
      undefined,
      {
        requests: 1,
        providerFailure: { kind: 'rate_limited', message: 'slow down', retryAt: NOW + 10 * MIN },
      },
      NOW,
      () => 0,
    );
    const plan = planRefresh({
      ...options,
      packages: [pkg('a', { lastCheckedAt: NOW - DAY })],
      now: NOW,
      providers: [fakeProvider()],
      states: { '17track': state },
    });
    expect(plan.batches).toEqual([]);
    expect(plan.deferred).toEqual([{ id: 'a', reason: 'backoff', until: NOW + 10 * MIN }]);
    expect(plan.nextWakeAt).toBe(NOW + 10 * MIN);
  });

  it('prefers the first provider in the user order that supports the package', () => {
    const upsOnly = fakeProvider({ id: 'ups', supports: (p) => p.carrier === 'ups' });
    const any = fakeProvider({ id: 'aftership' });
    const plan = planRefresh({
      ...options,
      packages: [
        pkg('u', { carrier: 'ups', lastCheckedAt: undefined }),
        pkg('f', { carrier: 'fedex', lastCheckedAt: undefined }),
      ],
      now: NOW,
      providers: [upsOnly, any],
      states: {},
    });
    expect(plan.batches).toEqual([
      { provider: 'ups', packageIds: ['u'] },
      { provider: 'aftership', packageIds: ['f'] },
    ]);
  });
});

describe('planRefresh with one-number-per-request APIs', () => {
  it('counts every package of a batch against the budget', () => {
    const packages = Array.from({ length: 12 }, (_, i) =>
      pkg(`q${'x'.repeat(i)}`, { lastCheckedAt: NOW - DAY }),
    );
    const provider = fakeProvider({
      maxBatch: 5,
      requestPerPackage: true,
      budget: { perHour: 7, perDay: 100, concurrency: 1, minSpacingMs: 0 },
    });
    const plan = planRefresh({ ...options, packages, now: NOW, providers: [provider], states: {} });
    expect(plan.batches.map((b) => b.packageIds.length)).toEqual([5, 2]);
    expect(plan.deferred).toHaveLength(5);
    expect(plan.nextWakeAt).toBe(Date.UTC(2025, 2, 10, 16, 0));
  });
});
