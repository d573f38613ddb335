import { describe, expect, it } from 'vitest';
import { badgeState, localDate, msUntilNextLocalMidnight } from '../../utils/badge';
import type { PackageRecord } from '../../utils/store/types';
import { translatorFor } from './components/catalog';

const en = translatorFor('en');
/** When the fixtures' packages were first seen: the day before the tests' "today", 2026-11-27. */
const SEEN = Date.parse('2026-11-26T12:00:00Z');

const pkg = (over: Partial<PackageRecord>): PackageRecord => ({
  id: crypto.randomUUID(),
  itemTitles: [],
  status: 'in_transit',
  events: [],
  sources: [{ kind: 'webmail', seenAt: SEEN }],
  createdAt: SEEN,
  updatedAt: SEEN,
  ...over,
});

/** Whether the badge counts this one package on the given day (noon UTC). */
const counted = (p: PackageRecord, day: string, timeZone = 'UTC') =>
  badgeState([p], new Date(`${day}T12:00:00Z`), en, timeZone).text === '1';

describe('badge', () => {
  it('uses the local calendar date of the given zone', () => {
    const instant = new Date('2026-11-27T03:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-11-27');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-11-26');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-11-27');
  });

  it('counts out-for-delivery and estimates for today, not delivered or archived ones', () => {
    const today = '2026-11-27';
    expect(counted(pkg({ status: 'out_for_delivery' }), today)).toBe(true);
    expect(counted(pkg({ eta: { start: today } }), today)).toBe(true);
    expect(counted(pkg({ eta: { start: '2026-11-26', end: '2026-11-28' } }), today)).toBe(true);
    expect(counted(pkg({ eta: { start: '2026-11-28' } }), today)).toBe(false);
    expect(counted(pkg({ status: 'delivered', eta: { start: today } }), today)).toBe(false);
    expect(counted(pkg({ status: 'out_for_delivery', archivedAt: 1 }), today)).toBe(false);
    // Out for delivery counts on the day it was stated, in the user's zone, not on the days after.
    const ofdAt = (iso: string) => pkg({ status: 'out_for_delivery', statusAt: Date.parse(iso) });
    expect(counted(ofdAt('2026-11-27T08:00:00Z'), today, 'UTC')).toBe(true);
    expect(counted(ofdAt('2026-11-26T15:00:00Z'), today, 'UTC')).toBe(false);
    expect(counted(ofdAt('2026-11-26T15:00:00Z'), today, 'Asia/Tokyo')).toBe(true);
  });

  it('rolls over at midnight in the user’s zone', () => {
    const packages = [pkg({ eta: { start: '2026-11-27' } })];
    const beforeMidnightLA = new Date('2026-11-28T07:59:00Z'); // 23:59 on the 27th in Los Angeles
    const afterMidnightLA = new Date('2026-11-28T08:01:00Z');
    expect(badgeState(packages, beforeMidnightLA, en, 'America/Los_Angeles').text).toBe('1');
    // The next day it is no longer arriving but late: a problem, so a red "!".
    expect(badgeState(packages, afterMidnightLA, en, 'America/Los_Angeles')).toMatchObject({
      text: '!',
      color: '#cf222e',
    });
    expect(badgeState(packages, beforeMidnightLA, en, 'Europe/Berlin').text).toBe('!');
  });

  it('is empty when zero, red with a tooltip when a package has a problem', () => {
    const quiet = badgeState([pkg({})], new Date('2026-11-27T12:00:00Z'), en, 'UTC');
    expect(quiet.text).toBe('');
    expect(quiet.color).toBe('#1a7f37');
    const trouble = badgeState(
      [pkg({ status: 'exception', label: 'Lamp' }), pkg({ status: 'out_for_delivery', label: 'Boots' })],
      new Date('2026-11-27T12:00:00Z'),
      en,
      'UTC',
    );
    expect(trouble).toMatchObject({ text: '1', color: '#cf222e' });
    const onlyTrouble = badgeState(
      [pkg({ status: 'failed_attempt' })],
      new Date('2026-11-27T12:00:00Z'),
      en,
      'UTC',
    );
    expect(onlyTrouble).toMatchObject({ text: '!', color: '#cf222e' });
    expect(badgeState([pkg({ status: 'exception', archivedAt: 1 })], new Date(), en, 'UTC').text).toBe('');
    // A problem nothing was heard about for 30 days is over: archived, not red forever.
    expect(badgeState([pkg({ status: 'exception' })], new Date('2027-01-05T12:00:00Z'), en, 'UTC').text).toBe(
      '',
    );
    expect(trouble.title).toContain('Boots');
    expect(trouble.title).toContain('Lamp');
  });

  it('words the tooltip in the UI language, one and many apart', () => {
    const noon = new Date('2026-11-27T12:00:00Z');
    const boots = pkg({ status: 'out_for_delivery', label: 'Boots' });
    const lamp = pkg({ id: 'a-lamp', status: 'exception', label: 'Lamp' });
    const order = pkg({ id: 'b-order', status: 'exception', orderId: '113-5838173-8241820' });
    expect(badgeState([], noon, en, 'UTC').title).toBe('Doorstep: nothing arriving today');
    expect(badgeState([boots, lamp], noon, en, 'UTC').title).toBe(
      'Doorstep: 1 arriving today\n• Boots\n1 with a problem\n• Lamp: Problem reported by the carrier',
    );
    const two = pkg({ eta: { start: '2026-11-27' }, itemTitles: ['Socks'] });
    expect(badgeState([boots, two, lamp, order], noon, en, 'UTC').title).toBe(
      'Doorstep: 2 arriving today\n• Boots\n• Socks\n2 with a problem\n• Lamp: Problem reported by the carrier\n' +
        '• Order 113-5838173-8241820: Problem reported by the carrier',
    );
    const de = translatorFor('de');
    expect(badgeState([], noon, de, 'UTC').title).toBe('Doorstep: heute kommt nichts');
    expect(badgeState([boots, lamp], noon, de, 'UTC').title).toBe(
      'Doorstep: 1 Paket kommt heute\n• Boots\n1 mit Problem\n• Lamp: Problem vom Paketdienst gemeldet',
    );
    expect(badgeState([boots, two, pkg({ status: 'exception' })], noon, de, 'UTC').title).toBe(
      'Doorstep: 2 Pakete kommen heute\n• Boots\n• Socks\n1 mit Problem\n• Paket: Problem vom Paketdienst gemeldet',
    );
    expect(badgeState([boots, two], noon, translatorFor('fr'), 'UTC').title).toContain(
      'Doorstep : 2 colis arrivent aujourd’hui',
    );
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
    const chicago = badgeState(packages, instant, en, 'America/Chicago'); // 14:00 on the 27th
    const auckland = badgeState(packages, instant, en, 'Pacific/Auckland'); // 09:00 on the 28th
    expect([chicago.text, auckland.text]).toEqual(['1', '1']);
    expect(chicago.title).toContain('Friday parcel');
    expect(chicago.title).not.toContain('Saturday parcel');
    expect(auckland.title).toContain('Saturday parcel');
    // Already the 28th in Auckland: the Friday parcel is late there, listed with the problems, not as arriving.
    expect(auckland.title).toBe(
      'Doorstep: 1 arriving today\n• Saturday parcel\n1 with a problem\n• Friday parcel: Late: past its estimate',
    );
  });

  it('computes the delay to the next local midnight', () => {
    const now = new Date(2026, 10, 27, 23, 30, 0);
    expect(msUntilNextLocalMidnight(now)).toBe(30 * 60 * 1000);
  });
});
