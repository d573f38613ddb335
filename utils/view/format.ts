import type { Eta } from '../store/types';

/**
 * Locale-aware wording of dates and times for the popup. Every function takes the locale and the clock as
 * parameters, so the same code serves the popup (the browser's UI language) and the tests (a fixed locale and day).
 */

/** A translated "$DAY$ by $TIME$" template; the popup passes one from the extension's i18n. */
export type ByTimeTemplate = (day: string, time: string) => string;

const DAY_MS = 86_400_000;

/** Noon UTC of a calendar day: formatting it in UTC can never slip to the neighbouring day. */
function calendarDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarDay(to).getTime() - calendarDay(from).getTime()) / DAY_MS);
}

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are costly to build and the popup formats hundreds of rows: keep one per locale and shape. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatterCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, format);
  }
  return format;
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string, style: 'long' | 'short'): Intl.RelativeTimeFormat {
  const key = `${locale}|${style}`;
  let format = relativeCache.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style });
    relativeCache.set(key, format);
  }
  return format;
}

/** "10 PM", "9:30 AM", "22:00": a wall-clock `HH:MM` in the locale's style, minutes only when they matter. */
export function formatTimeOfDay(hhmm: string, locale: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const at = new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0));
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', timeZone: 'UTC' };
  if (m) options.minute = '2-digit';
  return dateFormat(locale, options).format(at);
}

/** "Tue, Nov 26" in the locale's style. */
export function formatDay(iso: string, locale: string): string {
  return dateFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    calendarDay(iso),
  );
}

/** "Today", "Tomorrow", "Yesterday" in the locale's words, or undefined for other days. */
function nearbyDayWord(iso: string, today: string, locale: string): string | undefined {
  const offset = daysBetween(today, iso);
  if (offset < -1 || offset > 1) return undefined;
  return capitalise(relativeFormat(locale, 'long').format(offset, 'day'), locale);
}

/**
 * An estimated delivery as a shopper reads it: "Today by 10 PM", "Tomorrow", "Tue, Nov 26", "Nov 26 – 28".
 * `today` is the user's local date (`YYYY-MM-DD`).
 */
export function formatEta(eta: Eta, today: string, locale: string, byTime: ByTimeTemplate): string {
  let day: string;
  if (eta.end && eta.end !== eta.start) {
    day = dateFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(
      calendarDay(eta.start),
      calendarDay(eta.end),
    );
  } else {
    day = nearbyDayWord(eta.start, today, locale) ?? formatDay(eta.start, locale);
  }
  return eta.by ? byTime(day, formatTimeOfDay(eta.by, locale)) : day;
}

/**
 * Units for "how long ago", each used below the given amount of itself. Days run to 30 so 12 and 17 days read as
 * "12 days ago" and "17 days ago", not both as "2 wk. ago"; beyond that months, then years.
 */
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, seconds in one, use while below this many of it
  ['second', 1, 60],
  ['minute', 60, 60],
  ['hour', 3_600, 24],
  ['day', 86_400, 30],
  ['month', 2_629_800, 12],
];

/** "now", "5 min. ago", "yesterday", "12 days ago", "3 mo. ago": how long ago an instant was, in the locale's words. */
export function formatAgo(at: number, now: number, locale: string): string {
  // A clock a little ahead of ours (another device, a provider) still reads as "now", never as "in 2 min".
  const seconds = Math.min(0, (at - now) / 1000);
  if (seconds > -45) return relativeFormat(locale, 'short').format(0, 'second');
  for (const [unit, size, below] of RELATIVE_STEPS) {
    const amount = Math.round(seconds / size);
    if (Math.abs(amount) < below) return relativeFormat(locale, 'short').format(amount, unit);
  }
  return relativeFormat(locale, 'short').format(Math.round(seconds / 31_557_600), 'year');
}

/**
 * Whether an instant stands for a day without a time: the page readers store "Delivered November 20" at noon
 * sharp (utils/extract/events.ts `pastDayAt`), because the page did not say when. Real event times carry the
 * minute they happened, and noon to the millisecond is what no carrier reports.
 */
export function isDayOnly(at: number, timeZone?: string): boolean {
  if (at % 60_000 !== 0) return false;
  const parts = dateFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
    .formatToParts(at)
    .filter((part) => part.type === 'hour' || part.type === 'minute')
    .map((part) => part.value);
  return parts.join(':') === '12:00';
}

/**
 * "Nov 24, 3:05 PM": an event time in the user's zone (or the given one), with only the parts the source gave:
 * a day without a time shows as "Nov 20".
 */
export function formatDateTime(at: number, locale: string, timeZone?: string): string {
  if (isDayOnly(at, timeZone))
    return dateFormat(locale, { month: 'short', day: 'numeric', timeZone }).format(at);
  return dateFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
}
