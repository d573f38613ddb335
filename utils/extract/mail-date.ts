import { instantOf, isValidDay } from './calendar';

/**
 * The date a webmail client shows for a message, as an instant. Clients print it in the reader's zone and locale:
 * Gmail `title="Fri, Nov 27, 2026, 7:02 AM"`, Yahoo "Fri, Nov 27, 2026 at 7:02 AM", Outlook "Fri 11/27/2026 7:02 AM"
 * or "Fr 27.11.2026 07:02", or an ISO `datetime` attribute. Unreadable dates give undefined (the caller then uses the
 * time the message was read, which is later and therefore never makes old news look newer).
 */

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
/** 1–12 for an English month's first three letters (the regexes below only capture those). */
const monthOf = (name: string | undefined) => MONTHS.indexOf((name ?? '').toLowerCase()) / 3 + 1;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

const TIME = '(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?';
const MONTH_NAME_DATE = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?:,?\\s*(?:at\\s+)?${TIME})?`,
  'i',
);
const DAY_MONTH_NAME_DATE = new RegExp(
  `\\b(\\d{1,2})\\.?\\s+${MONTH},?\\s+(\\d{4})(?:,?\\s*(?:at\\s+)?${TIME})?`,
  'i',
);
// Two-digit years occur too ("Fr 27.11.26", FedEx's "11/27/26"): they are this century's.
const NUMERIC_DATE = new RegExp(
  `\\b(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)(?:,?\\s*${TIME})?`,
  'i',
);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function toInstant(
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  meridiem: string | undefined,
  timeZone: string,
): number | undefined {
  if (!isValidDay(year, month, day)) return undefined;
  let hour = hourText ? Number(hourText) : 12;
  const minute = minuteText ? Number(minuteText) : 0;
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return instantOf({ year, month, day }, hour, minute, timeZone);
}

export function parseMailDate(text: string | null | undefined, timeZone: string): number | undefined {
  if (!text) return undefined;
  const value = text.trim().slice(0, 120);
  if (ISO_DATE_TIME.test(value)) {
    const at = Date.parse(value);
    return Number.isFinite(at) ? at : undefined;
  }
  let m = MONTH_NAME_DATE.exec(value);
  if (m) {
    return toInstant(Number(m[3]), monthOf(m[1]), Number(m[2]), m[4], m[5], m[6], timeZone);
  }
  m = DAY_MONTH_NAME_DATE.exec(value);
  if (m) {
    return toInstant(Number(m[3]), monthOf(m[2]), Number(m[1]), m[4], m[5], m[6], timeZone);
  }
  m = NUMERIC_DATE.exec(value);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots are day.month everywhere; slashes are month/day in the US-English UI that writes them with a year first
    // month, unless the first part cannot be a month.
    const dayFirst = m[2] === '.' || a > 12;
    const year = Number(m[4]);
    return toInstant(
      year < 100 ? 2000 + year : year,
      dayFirst ? b : a,
      dayFirst ? a : b,
      m[5],
      m[6],
      m[7],
      timeZone,
    );
  }
  return undefined;
}
