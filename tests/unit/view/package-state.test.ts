import { describe, expect, it } from 'vitest';
import {
  archiveDueAt,
  isWatched,
  PROBLEM_ARCHIVE_DAYS,
  packageState,
  type ViewClock,
  viewClock,
} from '../../../utils/status/package-state';
import type { PackageRecord } from '../../../utils/store/types';
import { truthSet } from '../components/fixtures';

const DAY = 86_400_000;
const NOW = new Date('2026-12-07T12:00:00Z');
const clock: ViewClock = viewClock(NOW, { staleAfterDays: 5, autoArchiveDays: 14 }, 'UTC');

function pkg(over: Partial<PackageRecord>): PackageRecord {
  return {
    id: 'p',
    itemTitles: [],
    status: 'in_transit',
    events: [],
    sources: [{ kind: 'webmail', seenAt: NOW.getTime() - DAY }],
    createdAt: NOW.getTime() - DAY,
    updatedAt: NOW.getTime() - DAY,
    statusAt: NOW.getTime() - DAY,
    ...over,
  };
}

describe('package state (the one derivation of badge and popup)', () => {
  it('puts each package of the truth set where its id says, problems exactly in Problems', () => {
    for (const record of truthSet(NOW)) {
      const state = packageState(record, clock);
      const expected = record.id.split('-')[0];
      const section = state.archived ? 'archive' : state.section;
      const id = { today: 'today', ofd: 'out_for_delivery', problem: 'problems', on: 'on_the_way' }[
        expected as string
      ];
      expect([record.id, section]).toEqual([record.id, id ?? expected]);
      expect([record.id, state.problem !== undefined]).toEqual([record.id, expected === 'problem']);
      expect([record.id, state.arrivingToday]).toEqual([
        record.id,
        expected === 'today' || expected === 'ofd',
      ]);
    }
  });

  it('flags "out for delivery" from an earlier day as stuck, in the user’s zone', () => {
    const lateEvening = pkg({ status: 'out_for_delivery', statusAt: Date.parse('2026-12-06T23:30:00Z') });
    expect(packageState(lateEvening, clock).problem).toBe('stuck');
    // 23:30 UTC on the 6th is already the 7th in Tokyo: still today's round there.
    const tokyo = viewClock(NOW, 5, 'Asia/Tokyo');
    expect(packageState(lateEvening, tokyo)).toMatchObject({
      section: 'out_for_delivery',
      arrivingToday: true,
    });
  });

  it('never calls a hand-added number that nothing can check stale; once checked, it can be', () => {
    const typed = pkg({
      status: 'unknown',
      statusAt: undefined,
      createdAt: NOW.getTime() - 9 * DAY,
      sources: [{ kind: 'manual', seenAt: NOW.getTime() - 9 * DAY }],
    });
    expect(isWatched(typed)).toBe(false);
    expect(packageState(typed, clock)).toMatchObject({
      section: 'on_the_way',
      problem: undefined,
      stale: false,
    });
    const checked = { ...typed, lastCheckedAt: NOW.getTime() - 3_600_000 };
    expect(packageState(checked, clock)).toMatchObject({
      section: 'problems',
      problem: 'stale',
      stale: true,
    });
  });

  it('archives deliveries at the exact minute the setting says, and old problems after the age limit', () => {
    const delivered = pkg({ status: 'delivered', deliveredAt: NOW.getTime() - 14 * DAY + 60_000 });
    expect(archiveDueAt(delivered, clock)).toBe(NOW.getTime() + 60_000);
    expect(packageState(delivered, clock).section).toBe('delivered');
    expect(packageState(delivered, { ...clock, now: clock.now + 60_000 }).archived).toBe(true);
    expect(archiveDueAt(delivered, { ...clock, autoArchiveDays: 0 })).toBeUndefined();
    const exception = pkg({ status: 'exception', statusAt: NOW.getTime() - PROBLEM_ARCHIVE_DAYS * DAY + 1 });
    expect(packageState(exception, clock).problem).toBe('exception');
    expect(packageState(exception, { ...clock, now: clock.now + 1 }).archived).toBe(true);
    // A package that is fine is never archived by age.
    expect(archiveDueAt(pkg({ eta: { start: '2026-12-09' } }), clock)).toBeUndefined();
  });

  it('treats a completed return as done, not as a red problem', () => {
    const state = packageState(pkg({ status: 'returned', deliveredAt: NOW.getTime() - DAY }), clock);
    expect(state).toMatchObject({ section: 'delivered', problem: undefined, arrivingToday: false });
  });
});
