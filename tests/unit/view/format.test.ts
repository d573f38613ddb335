import { describe, expect, it } from 'vitest';
import { formatAgo, formatDateTime, formatEta } from '../../../utils/view/format';

const by = (day: string, time: string) => `${day} by ${time}`;
const plain = (s: string) => s.replace(/\s/g, ' ');
const TODAY = '2025-11-26'; // a Wednesday

describe('formatEta', () => {
  it.each([
    [{ start: TODAY, by: '22:00' }, 'Today by 10 PM'],
    [{ start: TODAY, by: '09:30' }, 'Today by 9:30 AM'],
    [{ start: '2025-11-27' }, 'Tomorrow'],
    [{ start: '2025-11-25' }, 'Yesterday'],
    [{ start: '2025-11-25', end: '2025-11-25' }, 'Yesterday'],
    [{ start: '2025-12-02' }, 'Tue, Dec 2'],
    [{ start: '2025-11-26', end: '2025-11-28' }, 'Nov 26 – 28'],
    [{ start: '2025-11-30', end: '2025-12-02' }, 'Nov 30 – Dec 2'],
  ])('%o reads "%s" in en-US', (eta, expected) => {
    expect(plain(formatEta(eta, TODAY, 'en-US', by))).toBe(expected);
  });

  it('uses the locale for words, dates and the time of day', () => {
    const bis = (day: string, time: string) => `${day} bis ${time}`;
    expect(plain(formatEta({ start: TODAY, by: '22:00' }, TODAY, 'de-DE', bis))).toBe('Heute bis 22 Uhr');
    expect(plain(formatEta({ start: '2025-11-27' }, TODAY, 'fr-FR', by))).toBe('Demain');
    expect(plain(formatEta({ start: '2025-12-02' }, TODAY, 'es-ES', by))).toBe('mar, 2 dic');
  });

  it('never slips a day whatever the time zone of the machine (dates are calendar days)', () => {
    // The same calendar day formats the same in every zone because it is formatted at noon UTC.
    expect(plain(formatEta({ start: '2025-01-01' }, TODAY, 'en-US', by))).toBe('Wed, Jan 1');
  });
});

describe('formatAgo', () => {
  const now = Date.UTC(2025, 10, 26, 12);
  it.each([
    [now - 10_000, 'now'],
    [now + 60_000, 'now'],
    [now - 5 * 60_000, '5 min. ago'],
    [now - 3 * 3_600_000, '3 hr. ago'],
    [now - 26 * 3_600_000, 'yesterday'],
    [now - 9 * 86_400_000, '9 days ago'],
    // Twelve and seventeen days are not both "2 wk. ago".
    [now - 12 * 86_400_000, '12 days ago'],
    [now - 17 * 86_400_000, '17 days ago'],
    [now - 29 * 86_400_000, '29 days ago'],
    [now - 400 * 86_400_000, 'last yr.'],
    [now - 60 * 86_400_000, '2 mo. ago'],
  ])('%i reads "%s"', (at, expected) => {
    expect(plain(formatAgo(at, now, 'en-US'))).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it('shows only the parts the source gave: a day read without a time has no "12:00 PM"', () => {
    // Page readers store a day without a time at noon sharp in the zone they read it in.
    const dayOnly = Date.UTC(2025, 10, 20, 12);
    expect(plain(formatDateTime(dayOnly, 'en-US', 'UTC'))).toBe('Nov 20');
    expect(plain(formatDateTime(dayOnly, 'de-DE', 'UTC'))).toBe('20. Nov.');
    expect(plain(formatDateTime(Date.UTC(2025, 10, 20, 15, 5), 'en-US', 'UTC'))).toBe('Nov 20, 3:05 PM');
    expect(plain(formatDateTime(Date.UTC(2025, 10, 20, 12, 0, 7), 'en-US', 'UTC'))).toBe('Nov 20, 12:00 PM');
  });
});
