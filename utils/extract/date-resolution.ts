import type { Eta } from '../store/types';
import { addDays, type CalendarDay, dayIn, dayNumber, isValidDay, toIsoDay, weekdayOf } from './calendar';
import {
  BY_TIME,
  LEADING_DAY,
  MONTH_NAMES,
  RELATIVE_DAYS,
  TERM_SOURCE,
  TIME_WINDOW,
  TRAILING_DAY,
  WEEKDAY_NAMES,
  WINDOW_CONNECTOR,
} from './date-grammar';
import { foldCase } from './fold-case';

/**
 * What a date phrase means: the day (or window of days, and latest time) it names, against the date the text was
 * written (an e-mail's date) in the reader's time zone, and nothing rather than a guess (slash dates like 03/04 are
 * ambiguous between locales and are read only when a weekday or a day above 12 decides).
 *
 * Why not chrono-node: it is ~100 KB gzip with its locales, three times the whole content-script budget, and it parses
 * far more than promises (ranges of times, relative durations) which would only add false dates. The phrase shapes
 * that occur are few (date-grammar.ts); this module resolves exactly those.
 */

export interface DateReference {
  /** When the text was written or shown (epoch ms): an e-mail's date, or now for a live page. */
  at: number;
  /** IANA zone the text's dates are meant in (the reader's zone for webmail and shop pages). */
  timeZone: string;
}

/** Matched against foldCase(text), without the `i` flag (fold-case.ts). */
const TERM_RE = new RegExp(TERM_SOURCE, 'gu');
/** This module's expressions, for warm-up.ts to compile ahead of the first scan. */
export const RESOLUTION_EXPRESSIONS: readonly RegExp[] = [TERM_RE];

interface Term {
  index: number;
  length: number;
  /** The day, once resolved against the reference. */
  day: CalendarDay;
  /** Month of an explicit date (to lend to a bare leading day). */
  month?: number;
}

/** How far a date may lie from the reference; beyond that the year is moved (a promise is rarely months away). */
const HALF_YEAR = 183;

export function nearestYear(
  month: number,
  day: number,
  reference: CalendarDay,
  past = false,
): CalendarDay | undefined {
  let best: CalendarDay | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    if (!isValidDay(year, month, day)) continue;
    const candidate = { year, month, day };
    const distance = dayNumber(candidate) - dayNumber(reference);
    // A promise points forward: a date up to ~2 months back is a late package; further back means next year.
    const cost = past
      ? distance > 1
        ? distance * 4
        : -distance
      : distance < -60
        ? Math.abs(distance) * 4
        : Math.abs(distance);
    if (cost < bestDistance) {
      best = candidate;
      bestDistance = cost;
    }
  }
  return best && Math.abs(dayNumber(best) - dayNumber(reference)) <= HALF_YEAR * 2 ? best : undefined;
}

function explicitDay(
  year: string | undefined,
  month: number,
  day: number,
  reference: CalendarDay,
  past: boolean,
): CalendarDay | undefined {
  if (year) {
    let y = Number(year);
    if (year.length === 2) y += 2000;
    return isValidDay(y, month, day) ? { year: y, month, day } : undefined;
  }
  return nearestYear(month, day, reference, past);
}

const nameOf = (names: Record<string, number>, name: string) => names[name.toLowerCase()];

/** The day (and month, for an explicit date) the groups of one match of TERM_SOURCE name. */
function dayOfTerm(
  g: Record<string, string | undefined>,
  reference: CalendarDay,
  past: boolean,
): { day?: CalendarDay; month?: number } {
  if (g.isoY !== undefined)
    return { day: explicitDay(g.isoY, Number(g.isoM), Number(g.isoD), reference, past) };
  if (g.dotD !== undefined) {
    const month = Number(g.dotM);
    return { day: explicitDay(g.dotY, month, Number(g.dotD), reference, past), month };
  }
  if (g.slash1 !== undefined) {
    const [a, b, year] = [Number(g.slash1), Number(g.slash2), Number(g.slashY)];
    const readings = [
      { year, month: a, day: b },
      { year, month: b, day: a },
    ].filter((r) => isValidDay(r.year, r.month, r.day));
    const weekday = g.lead ? nameOf(WEEKDAY_NAMES, g.lead) : undefined;
    const fitting = weekday === undefined ? readings : readings.filter((r) => weekdayOf(r) === weekday);
    // Two readings left (03/04/2026 without a weekday) is a guess: no date rather than a wrong one.
    if (new Set(fitting.map((r) => toIsoDay(r))).size !== 1) return {};
    return { day: fitting[0], month: fitting[0]?.month };
  }
  if (g.dmD !== undefined) {
    const month = nameOf(MONTH_NAMES, g.dmM ?? '');
    return { day: month ? explicitDay(g.dmY, month, Number(g.dmD), reference, past) : undefined, month };
  }
  if (g.mdM !== undefined) {
    const month = nameOf(MONTH_NAMES, g.mdM);
    return { day: month ? explicitDay(g.mdY, month, Number(g.mdD), reference, past) : undefined, month };
  }
  if (g.weekday !== undefined) {
    const weekday = nameOf(WEEKDAY_NAMES, g.weekday);
    if (weekday === undefined) return {};
    const ahead = (weekday - weekdayOf(reference) + 7) % 7;
    return { day: addDays(reference, past ? -((7 - ahead) % 7) : ahead) };
  }
  if (g.relative !== undefined) {
    const offset = RELATIVE_DAYS[g.relative.toLowerCase().replace(/\s+/g, ' ')];
    return offset === undefined ? {} : { day: addDays(reference, offset) };
  }
  return {};
}

/** The first term of `text` that names a real day ("February 30" is not a promise: the search goes on). */
function findTerm(text: string, reference: CalendarDay, past = false): Term | undefined {
  for (const match of foldCase(text).matchAll(TERM_RE)) {
    const { day, month } = dayOfTerm(match.groups ?? {}, reference, past);
    if (day) return { index: match.index, length: match[0].length, day, month };
  }
  return undefined;
}

function to24h(
  hourText: string,
  minuteText: string | undefined,
  suffix: string | undefined,
): string | undefined {
  let hour = Number(hourText);
  const minute = minuteText ? Number(minuteText) : 0;
  const meridiem = suffix?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'am' || meridiem === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (!minuteText && !suffix) {
    // "by 10" alone could be morning or evening.
    return undefined;
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function latestTime(text: string): string | undefined {
  const window = TIME_WINDOW.exec(text)?.groups;
  if (window) {
    // "2 – 6 PM": the meridiem of the end applies to the start too.
    const end = to24h(window.toH ?? '', window.toM, window.toS);
    if (end) return end;
  }
  const by = BY_TIME.exec(text)?.groups;
  return by ? to24h(by.byH ?? '', by.byM, by.byS) : undefined;
}

/**
 * Resolves a short promise phrase ("Arriving Tuesday by 10 PM", "Now expected March 27 – March 28") to an `Eta`.
 * The first date in the phrase is the start; a second one joined by a range word is the end.
 */
export function resolveDeliveryPhrase(phrase: string, reference: DateReference): Eta | undefined {
  const text = phrase.slice(0, 300);
  const today = dayIn(reference.at, reference.timeZone);
  let start: CalendarDay | undefined;
  let end: CalendarDay | undefined;
  let rest = '';

  const leading = LEADING_DAY.exec(foldCase(text));
  const first = findTerm(text, today);
  if (leading && (!first || leading.index < first.index)) {
    // "27.–29. März": the closing term carries the month the opening day shares.
    const closing = findTerm(text.slice(leading.index + leading[0].length), today);
    const openDay = Number(leading.groups?.openDay);
    if (closing?.month) {
      let month = closing.month;
      let year = closing.day.year;
      if (openDay > closing.day.day) {
        month -= 1;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
      }
      if (isValidDay(year, month, openDay)) {
        start = { year, month, day: openDay };
        end = closing.day;
        rest = text.slice(leading.index + leading[0].length + closing.index + closing.length);
      }
    }
  }
  if (!start && first) {
    start = first.day;
    const after = text.slice(first.index + first.length);
    const connector = WINDOW_CONNECTOR.exec(after);
    const secondTerm = connector ? findTerm(after.slice(connector[0].length), today) : undefined;
    const trailing = TRAILING_DAY.exec(after);
    if (connector && secondTerm && secondTerm.index === 0) {
      end = secondTerm.day;
      rest = after.slice(connector[0].length + secondTerm.length);
    } else if (trailing && first.month) {
      end = nearestYear(first.month, Number(trailing.groups?.closeDay), today) ?? undefined;
      if (end && dayNumber(end) < dayNumber(start)) end = undefined;
      rest = after.slice(trailing[0].length);
    } else {
      rest = after;
    }
  }
  if (!start) return undefined;
  if (end && dayNumber(end) < dayNumber(start)) {
    // A weekday window that wraps ("Friday – Monday") ends in the next week.
    end = addDays(end, 7 * Math.ceil((dayNumber(start) - dayNumber(end)) / 7));
  }
  if (end && dayNumber(end) === dayNumber(start)) end = undefined;
  // No shop promises a window of more than a month: such a pair is two unrelated dates.
  if (end && dayNumber(end) - dayNumber(start) > 31) return undefined;
  const by = latestTime(rest.slice(0, 60)) ?? latestTime(text);
  return {
    start: toIsoDay(start),
    ...(end && { end: toIsoDay(end) }),
    ...(by && { by }),
    timeZone: reference.timeZone,
  };
}

/**
 * The day a past event names ("Delivered November 20", "Zugestellt am Dienstag", "Delivered yesterday"): weekdays and
 * dates without a year point back from the reference.
 */
export function resolvePastDay(phrase: string, reference: DateReference): string | undefined {
  const term = findTerm(phrase.slice(0, 200), dayIn(reference.at, reference.timeZone), true);
  return term ? toIsoDay(term.day) : undefined;
}

/** Where the first day named in `text` starts, or undefined (for the promise search's reach). */
export function firstDayIndex(text: string, reference: DateReference): number | undefined {
  return findTerm(text, dayIn(reference.at, reference.timeZone))?.index;
}
