import { describe, expect, it } from 'vitest';
import { KEYLESS_PACING, keylessDueAt, nextDaytime, spreadOf } from '../../../../utils/carrier-web/pacing';
import { canadaPostWeb } from '../../../../utils/carriers/canada-post/web';
import type { StatusProvider } from '../../../../utils/providers/types';
import { planRefresh } from '../../../../utils/refresh/plan';
import type { PackageRecord } from '../../../../utils/store/types';
import { makePackage } from '../packages';

/** Pacing of keyless checks: rare, spread per package, daytime only on the delivery day, never after delivery. */

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2025, 2, 10, 15, 0); // 11:00 in Toronto (EDT since 9 March)
const zone = { timeZone: 'America/Toronto' };
const cp = (id: string, extra: Partial<PackageRecord> = {}) =>
  makePackage({ id, number: '7035114477138472', carrier: 'canada_post', ...extra });

describe('keyless pacing', () => {
  it('asks a package in transit every 3–4 h, at the same place in the spread each time', () => {
    for (const id of ['a', 'b', 'c', 'package-42']) {
      const last = NOW - 10 * MIN;
      const at = keylessDueAt(cp(id, { lastCheckedAt: last }), NOW, zone);
      expect(at).toBe(last + KEYLESS_PACING.transitMs + spreadOf(id) * KEYLESS_PACING.transitSpreadMs);
      expect((at ?? 0) - last).toBeGreaterThanOrEqual(3 * HOUR);
      expect((at ?? 0) - last).toBeLessThan(4 * HOUR);
    }
    expect(spreadOf('a')).not.toBe(spreadOf('b'));
  });

  it('asks every 30–60 min on the day it is out for delivery, but not at night', () => {
    const statusAt = NOW - HOUR;
    const ofd = cp('a', { status: 'out_for_delivery', statusAt, lastCheckedAt: NOW - 5 * MIN });
    const at = keylessDueAt(ofd, NOW, zone) ?? 0;
    expect(at - (NOW - 5 * MIN)).toBeGreaterThanOrEqual(30 * MIN);
    expect(at - (NOW - 5 * MIN)).toBeLessThan(60 * MIN);
    // 20:50 in Toronto: the next look would fall after 21:00, so it waits for 07:00 the next morning.
    const evening = Date.UTC(2025, 2, 11, 0, 50);
    const late = cp('a', { status: 'out_for_delivery', statusAt: evening - HOUR, lastCheckedAt: evening });
    expect(keylessDueAt(late, evening, zone)).toBe(Date.UTC(2025, 2, 11, 11, 0));
    // "Out for delivery" from yesterday is no reason to ask often.
    const stale = cp('a', { status: 'out_for_delivery', statusAt: NOW - 30 * HOUR, lastCheckedAt: NOW });
    expect((keylessDueAt(stale, NOW, zone) ?? 0) - NOW).toBeGreaterThanOrEqual(3 * HOUR);
  });

  it('never asks again after delivery, nor for an archived package; asks a new package at once', () => {
    expect(
      keylessDueAt(cp('a', { status: 'delivered', lastCheckedAt: NOW - HOUR }), NOW, zone),
    ).toBeUndefined();
    expect(keylessDueAt(cp('a', { status: 'returned' }), NOW, zone)).toBeUndefined();
    expect(keylessDueAt(cp('a', { archivedAt: NOW - HOUR }), NOW, zone)).toBeUndefined();
    expect(keylessDueAt(cp('a', { sources: [] }), NOW, zone)).toBe(NOW);
  });

  it('counts a visit to the carrier page as a look', () => {
    const visited = cp('a', {
      lastCheckedAt: NOW - 10 * HOUR,
      sources: [{ kind: 'carrier', url: 'https://www.canadapost-postescanada.ca/', seenAt: NOW - 5 * MIN }],
    });
    expect((keylessDueAt(visited, NOW, zone) ?? 0) - NOW).toBeGreaterThan(2 * HOUR);
  });

  it('finds the next daytime in the zone', () => {
    expect(nextDaytime(Date.UTC(2025, 2, 10, 15, 0), 'UTC')).toBe(Date.UTC(2025, 2, 10, 15, 0));
    expect(nextDaytime(Date.UTC(2025, 2, 10, 22, 10), 'UTC')).toBe(Date.UTC(2025, 2, 11, 7, 0));
  });
});

describe('the scheduler with a self-pacing provider', () => {
  it('uses the provider’s own pacing, and leaves other providers’ packages on the usual intervals', () => {
    const keyed: StatusProvider = {
      ...canadaPostWeb,
      id: '17track',
      dueAt: undefined,
      supports: (p) => p.carrier === 'ups',
    };
    const checkedAgo = NOW - 40 * MIN;
    const packages = [
      cp('cp', { lastCheckedAt: checkedAgo }),
      makePackage({ id: 'ups', number: '1Z999AA10123456784', carrier: 'ups', lastCheckedAt: checkedAgo }),
    ];
    const plan = planRefresh({
      packages,
      now: NOW,
      providers: [keyed, canadaPostWeb],
      states: {},
      baseIntervalMinutes: 30,
      timeZone: 'UTC',
    });
    // The UPS package is due on the 30-minute base interval; the Canada Post one only after 3 h.
    expect(plan.batches).toEqual([{ provider: '17track', packageIds: ['ups'] }]);
    expect(plan.nextWakeAt).toBe(keylessDueAt(packages[0] as PackageRecord, NOW, { timeZone: 'UTC' }));
    // A manual "refresh now" still asks at once.
    const manual = planRefresh({
      packages,
      now: NOW,
      providers: [keyed, canadaPostWeb],
      states: {},
      manualIds: new Set(['cp']),
      baseIntervalMinutes: 30,
      timeZone: 'UTC',
    });
    expect(manual.batches).toContainEqual({ provider: 'canadapost-web', packageIds: ['cp'] });
  });
});

describe('keyless pacing after a delay', () => {
  it('does not ask at night on the delivery day when the check was held back past the evening', () => {
    const night = Date.UTC(2025, 2, 11, 2, 30); // 22:30 in Toronto
    const ofd = cp('a', {
      status: 'out_for_delivery',
      statusAt: night - 3 * HOUR,
      lastCheckedAt: night - 2 * HOUR,
    });
    expect(keylessDueAt(ofd, night, zone)).toBe(Date.UTC(2025, 2, 11, 11, 0));
  });
});
