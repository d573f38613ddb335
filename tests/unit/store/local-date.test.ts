import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../../utils/status/package-state';

/** What localDate returned before issue 15 made it fast: a new Intl formatter per call. */
const byIntl = (at: number, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe('localDate (the badge and popup ask it once per package)', () => {
  // Instants around midnights and DST changes over several years, in zones on both sides of UTC.
  const instants = Array.from({ length: 2_000 }, (_, i) => Date.UTC(2019, 0, 1) + i * 3_923_117 * 7);
  for (const zone of [
    'America/Los_Angeles',
    'Pacific/Auckland',
    'Asia/Kolkata',
    'UTC',
    'Pacific/Kiritimati',
  ]) {
    it(`gives the same day as Intl in the runtime's zone and in a named one (${zone})`, () => {
      process.env.TZ = zone;
      for (const at of instants) {
        expect(localDate(at)).toBe(byIntl(at));
        expect(localDate(new Date(at), zone)).toBe(byIntl(at, zone));
      }
    });
  }

  it("follows a change of the runtime's zone at once", () => {
    const at = Date.UTC(2025, 10, 26, 12, 30);
    process.env.TZ = 'UTC';
    expect(localDate(at)).toBe('2025-11-26');
    process.env.TZ = 'Pacific/Auckland';
    expect(localDate(at)).toBe('2025-11-27');
  });

  it('still refuses an invalid date', () => {
    expect(() => localDate(Number.NaN)).toThrow(RangeError);
  });
});
