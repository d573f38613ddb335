import { describe, expect, it } from 'vitest';
import { badgeState, isArrivingToday, localDate, msUntilNextLocalMidnight } from '../../utils/badge';
import type { PackageRecord } from '../../utils/store/types';

const pkg = (over: Partial<PackageRecord>): PackageRecord => ({
  id: crypto.randomUUID(),
  itemTitles: [],
  status: 'in_transit',
  events: [],
  sources: [],
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('badge', () => {
  it('uses the local calendar date of the given zone', () => {
    const instant = new Date('2026-11-27T03:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-11-27');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-11-26');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-11-27');
  });

  it('counts out-for-delivery and estimates for today, not delivered or archived ones', () => {
    const today = '2026-11-27';
    expect(isArrivingToday(pkg({ status: 'out_for_delivery' }), today)).toBe(true);
    expect(isArrivingToday(pkg({ eta: { start: today } }), today)).toBe(true);
    expect(isArrivingToday(pkg({ eta: { start: '2026-11-26', end: '2026-11-28' } }), today)).toBe(true);
    expect(isArrivingToday(pkg({ eta: { start: '2026-11-28' } }), today)).toBe(false);
    expect(isArrivingToday(pkg({ status: 'delivered', eta: { start: today } }), today)).toBe(false);
    expect(isArrivingToday(pkg({ status: 'out_for_delivery', archivedAt: 1 }), today)).toBe(false);
  });

  it('rolls over at midnight in the user’s zone', () => {
    const packages = [pkg({ eta: { start: '2026-11-27' } })];
    const beforeMidnightLA = new Date('2026-11-28T07:59:00Z'); // 23:59 on the 27th in Los Angeles
    const afterMidnightLA = new Date('2026-11-28T08:01:00Z');
    expect(badgeState(packages, beforeMidnightLA, 'America/Los_Angeles').text).toBe('1');
    expect(badgeState(packages, afterMidnightLA, 'America/Los_Angeles').text).toBe('');
    expect(badgeState(packages, beforeMidnightLA, 'Europe/Berlin').text).toBe('');
  });

  it('is empty when zero, red with a tooltip when a package has a problem', () => {
    const quiet = badgeState([pkg({})], new Date('2026-11-27T12:00:00Z'), 'UTC');
    expect(quiet.text).toBe('');
    expect(quiet.color).toBe('#1a7f37');
    const trouble = badgeState(
      [pkg({ status: 'exception', label: 'Lamp' }), pkg({ status: 'out_for_delivery', label: 'Boots' })],
      new Date('2026-11-27T12:00:00Z'),
      'UTC',
    );
    expect(trouble).toMatchObject({ text: '1', color: '#cf222e' });
    const onlyTrouble = badgeState(
      [pkg({ status: 'failed_attempt' })],
      new Date('2026-11-27T12:00:00Z'),
      'UTC',
    );
    expect(onlyTrouble).toMatchObject({ text: '!', color: '#cf222e' });
    expect(badgeState([pkg({ status: 'exception', archivedAt: 1 })], new Date(), 'UTC').text).toBe('');
    expect(trouble.title).toContain('Boots');
    expect(trouble.title).toContain('Lamp');
  });

  it('finds the next local midnight across daylight-saving changes', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      // 1 November 2026: clocks go back at 02:00, so the day has 25 hours.
      const justAfterMidnight = new Date('2026-11-01T04:30:00Z'); // 00:30 EDT
      expect(msUntilNextLocalMidnight(justAfterMidnight)).toBe(24.5 * 3_600_000);
      // 8 March 2026: clocks go forward, the day has 23 hours.
      expect(msUntilNextLocalMidnight(new Date('2026-03-08T05:00:00Z'))).toBe(23 * 3_600_000);
      const late = new Date('2026-11-28T04:59:00Z'); // 23:59 on the 27th in New York
      expect(localDate(late)).toBe('2026-11-27');
      expect(msUntilNextLocalMidnight(late)).toBe(60_000);
      process.env.TZ = 'Asia/Kolkata'; // +05:30, no daylight saving
      expect(msUntilNextLocalMidnight(new Date('2026-11-27T18:00:00Z'))).toBe(30 * 60_000);
    } finally {
      process.env.TZ = saved;
      if (saved === undefined) delete process.env.TZ;
    }
  });

  it('counts in the user’s zone: the same instant is today in one zone and tomorrow in another', () => {
    const packages = [
      pkg({ label: 'Saturday parcel', eta: { start: '2026-11-28' } }),
      pkg({ label: 'Friday parcel', eta: { start: '2026-11-27', end: '2026-11-27' } }),
    ];
    const instant = new Date('2026-11-27T20:00:00Z');
    const chicago = badgeState(packages, instant, 'America/Chicago'); // 14:00 on the 27th
    const auckland = badgeState(packages, instant, 'Pacific/Auckland'); // 09:00 on the 28th
    expect([chicago.text, auckland.text]).toEqual(['1', '1']);
    expect(chicago.title).toContain('Friday parcel');
    expect(chicago.title).not.toContain('Saturday parcel');
    expect(auckland.title).toContain('Saturday parcel');
    expect(auckland.title).not.toContain('Friday parcel');
  });

  it('computes the delay to the next local midnight', () => {
    const now = new Date(2026, 10, 27, 23, 30, 0);
    expect(msUntilNextLocalMidnight(now)).toBe(30 * 60 * 1000);
  });
});
