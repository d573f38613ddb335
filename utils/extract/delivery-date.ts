import type { Eta } from '../store/types';
import { addDays, type CalendarDay, dayIn, dayNumber, isValidDay, toIsoDay, weekdayOf } from './calendar';

/**
 * Delivery promises as shops and carriers write them, in English, German, French, Spanish and Italian:
 * "Arriving Tuesday", "Now expected March 27 – March 28", "will be delivered today by 10 PM", "Zustellung: Dienstag,
 * 26. November", "livraison prévue le 3 décembre", "Llega mañana", "Arriverà: 3–5 dicembre" …
 *
 * Why not chrono-node: it is ~100 KB gzip with its locales, three times the whole content-script budget, and it parses
 * far more than promises (ranges of times, relative durations) which would only add false dates. The phrase shapes
 * that occur are few: a relative day, a weekday, a day and a month name (either order), a numeric day, a window of two
 * of those, an optional latest time. This module resolves exactly those, against the date the text was written (an
 * e-mail's date) in the reader's time zone, and returns nothing rather than guessing (slash dates like 03/04 are
 * ambiguous between locales and are not read).
 */

export interface DateReference {
  /** When the text was written or shown (epoch ms): an e-mail's date, or now for a live page. */
  at: number;
  /** IANA zone the text's dates are meant in (the reader's zone for webmail and shop pages). */
  timeZone: string;
}

// Letters of any script count as word characters: JavaScript's \b only knows ASCII, and "übermorgen" contains "morgen".
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const MONTH_NAMES: Record<string, number> = {};
const MONTH_LIST: [number, string][] = [
  [1, 'january jan januar jän janvier janv enero ene gennaio gen januari stycznia styczeń'],
  [2, 'february feb februar février fevrier févr fevr febrero febbraio februari lutego luty'],
  [3, 'march mar märz maerz mär mars marzo maart mrt marca marzec'],
  [4, 'april apr avril avr abril abr aprile kwietnia kwiecień'],
  [5, 'may mai mayo maggio mag mei maja'],
  [6, 'june jun juni juin junio giugno giu czerwca czerwiec'],
  [7, 'july jul juli juillet juil julio luglio lug lipca lipiec'],
  [8, 'august aug août aout agosto ago augustus sierpnia sierpień'],
  [9, 'september sept sep septembre septiembre setiembre settembre set września wrzesień'],
  [10, 'october oct oktober okt octobre octubre ottobre ott października październik'],
  [11, 'november nov novembre noviembre listopada listopad'],
  [12, 'december dec dezember dez décembre decembre déc diciembre dic dicembre grudnia grudzień'],
];
for (const [month, names] of MONTH_LIST) for (const name of names.split(' ')) MONTH_NAMES[name] = month;

const WEEKDAY_NAMES: Record<string, number> = {};
const WEEKDAY_LIST: [number, string][] = [
  [0, 'sunday sonntag dimanche domingo domenica zondag niedziela niedzielę'],
  [1, 'monday montag lundi lunes lunedì lunedi maandag poniedziałek'],
  [2, 'tuesday tue tues dienstag mardi martes martedì martedi dinsdag wtorek'],
  [3, 'wednesday wed mittwoch mercredi miércoles miercoles mercoledì mercoledi woensdag środa środę'],
  [4, 'thursday thu thur thurs donnerstag jeudi jueves giovedì giovedi donderdag czwartek'],
  [5, 'friday fri freitag vendredi viernes venerdì venerdi vrijdag piątek'],
  [6, 'saturday samstag sonnabend samedi sábado sabado sabato zaterdag sobota sobotę'],
];
for (const [weekday, names] of WEEKDAY_LIST)
  for (const name of names.split(' ')) WEEKDAY_NAMES[name] = weekday;

const RELATIVE_DAYS: Record<string, number> = {
  today: 0,
  tonight: 0,
  heute: 0,
  "aujourd'hui": 0,
  'aujourd’hui': 0,
  hoy: 0,
  oggi: 0,
  yesterday: -1,
  gestern: -1,
  hier: -1,
  ayer: -1,
  ieri: -1,
  tomorrow: 1,
  morgen: 1,
  demain: 1,
  mañana: 1,
  manana: 1,
  domani: 1,
  übermorgen: 2,
  'après-demain': 2,
  'apres-demain': 2,
  'pasado mañana': 2,
  'pasado manana': 2,
  dopodomani: 2,
  vandaag: 0,
  gisteren: -1,
  overmorgen: 2,
  dziś: 0,
  dzisiaj: 0,
  jutro: 1,
  pojutrze: 2,
  wczoraj: -1,
};

const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const MONTH_ALTERNATION = `(?:${alternation(Object.keys(MONTH_NAMES))})`;
const MONTH = `(${MONTH_ALTERNATION.slice(3, -1)})\\.?`;
const WEEKDAY = `(${alternation(Object.keys(WEEKDAY_NAMES))})\\.?`;
const RELATIVE = `(${alternation(Object.keys(RELATIVE_DAYS))})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?';
const YEAR = '(?:,?\\s*(?:de\\s+)?(\\d{4}))?';
const GAP = '[\\s,]*';

/** One point in time as text writes it; each alternative's groups are read by `termDay`. */
const TERM_SOURCES = {
  iso: `(\\d{4})-(\\d{2})-(\\d{2})`,
  dotted: `(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2}(?!\\d))?`,
  // "12/07/2026": month/day or day/month depending on the locale; read only when the weekday or a day above 12 decides.
  slashed: `(\\d{1,2})/(\\d{1,2})/(\\d{4})`,
  dayMonth: `${DAY}\\s*(?:de\\s+)?${MONTH}${YEAR}`,
  monthDay: `${MONTH}\\s*${DAY}${YEAR}`,
  weekday: WEEKDAY,
  relative: RELATIVE,
};
type TermKind = keyof typeof TERM_SOURCES;
const TERM_KINDS = Object.keys(TERM_SOURCES) as TermKind[];
const TERM_GROUPS: Record<TermKind, number> = {
  iso: 3,
  dotted: 3,
  slashed: 3,
  dayMonth: 3,
  monthDay: 3,
  weekday: 1,
  relative: 1,
};

/** Any term; a weekday may be followed by the explicit date it names ("Tuesday, November 24" / "Dienstag, 24. Nov."). */
const TERM = `${B}(?:(?:${WEEKDAY}${GAP}(?:(?:the|le|el|il|den)\\s+)?)?(?:${TERM_KINDS.map((k) => `(${TERM_SOURCES[k]})`).join('|')}))${E}`;
const TERM_RE = new RegExp(TERM, 'iu');

/** Between two terms of a window: "March 27 – March 28", "between Tuesday and Thursday", "du 3 au 5 décembre". */
const CONNECTOR = `\\s*(?:-|–|—|to|and|until|through|thru|bis|und|au|et|à|al|y|a|e|tra|und)\\s*(?:(?:the|le|el|il|den)\\s+)?`;
const WINDOW_AFTER = new RegExp(`^${CONNECTOR}(${TERM})`, 'iu');
/** A bare day that opens a window whose month comes after: "27.–29. März", "du 3 au 5 décembre", "3-5 dicembre". */
const LEADING_DAY = new RegExp(
  `${B}(?:(?:between|entre|zwischen|du|dal|del|tra)\\s+(?:(?:the|le|el|il)\\s+)?)?(\\d{1,2})(?:st|nd|rd|th|er|\\.)?${CONNECTOR}(?=\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s*(?:de\\s+)?${MONTH_ALTERNATION})`,
  'iu',
);
/** A bare day that closes a window opened by a month-day: "March 27 - 28". */
const TRAILING_DAY = new RegExp(
  `^${CONNECTOR}(\\d{1,2})(?:st|nd|rd|th)?${E}(?!\\s*(?::|am|pm|uhr|h\\b))`,
  'iu',
);

/** "by 10 PM", "before 8:30pm", "bis 20 Uhr", "avant 22h", "antes de las 21:00", "entro le 20:00", or "2pm – 6pm". */
const BY_TIME = new RegExp(
  `${B}(?:by|before|until|till|no later than|bis(?:\\s+spätestens)?|spätestens(?:\\s+um)?|avant|jusqu'à|antes\\s+de(?:\\s+las?)?|hasta\\s+las?|entro\\s+(?:le|l'|l’)|prima\\s+delle)\\s*(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|uhr|h)?${E}`,
  'iu',
);
const TIME_WINDOW = new RegExp(
  `${B}(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|uhr|h)?\\s*(?:-|–|—|to|and|und|bis|et|à|y|e)\\s*(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|uhr|h)${E}`,
  'iu',
);

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

function nearestYear(
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

/** Reads the term at the start of a match of TERM_RE; groups: 1 = leading weekday, then one block per kind. */
function termFromMatch(match: RegExpExecArray, reference: CalendarDay, past: boolean): Term | undefined {
  let group = 2;
  for (const kind of TERM_KINDS) {
    const base = group;
    const whole = match[base];
    const g = (i: number) => match[base + i];
    group += TERM_GROUPS[kind] + 1;
    if (whole === undefined) continue;
    let day: CalendarDay | undefined;
    let month: number | undefined;
    switch (kind) {
      case 'iso':
        day = explicitDay(g(1), Number(g(2)), Number(g(3)), reference, past);
        break;
      case 'dotted': {
        month = Number(g(2));
        day = explicitDay(g(3), month, Number(g(1)), reference, past);
        break;
      }
      case 'slashed': {
        const [a, b, year] = [Number(g(1)), Number(g(2)), Number(g(3))];
        const readings = [
          { year, month: a, day: b },
          { year, month: b, day: a },
        ].filter((r) => isValidDay(r.year, r.month, r.day));
        const weekday = match[1] ? WEEKDAY_NAMES[match[1].toLowerCase()] : undefined;
        const fitting = weekday === undefined ? readings : readings.filter((r) => weekdayOf(r) === weekday);
        const distinct = new Set(fitting.map((r) => toIsoDay(r)));
        // Two readings left (03/04/2026 without a weekday) is a guess: no date rather than a wrong one.
        if (distinct.size === 1) {
          day = fitting[0];
          month = day?.month;
        }
        break;
      }
      case 'dayMonth':
        month = MONTH_NAMES[(g(2) ?? '').toLowerCase()];
        day = month ? explicitDay(g(3), month, Number(g(1)), reference, past) : undefined;
        break;
      case 'monthDay':
        month = MONTH_NAMES[(g(1) ?? '').toLowerCase()];
        day = month ? explicitDay(g(3), month, Number(g(2)), reference, past) : undefined;
        break;
      case 'weekday': {
        const weekday = WEEKDAY_NAMES[(g(1) ?? '').toLowerCase()];
        if (weekday !== undefined) {
          const ahead = (weekday - weekdayOf(reference) + 7) % 7;
          day = addDays(reference, past ? -((7 - ahead) % 7) : ahead);
        }
        break;
      }
      case 'relative': {
        const offset = RELATIVE_DAYS[(g(1) ?? '').toLowerCase().replace(/\s+/g, ' ')];
        if (offset !== undefined) day = addDays(reference, offset);
        break;
      }
    }
    if (!day) return undefined;
    return { index: match.index, length: match[0].length, day, month };
  }
  return undefined;
}

function findTerm(text: string, reference: CalendarDay, past = false): Term | undefined {
  const re = new RegExp(TERM_RE.source, 'giu');
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const term = termFromMatch(match, reference, past);
    if (term) return term;
    // An impossible date ("February 30") is not a promise; keep looking.
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
  const window = TIME_WINDOW.exec(text);
  if (window) {
    // "2 – 6 PM": the meridiem of the end applies to the start too.
    const end = to24h(window[4] ?? '', window[5], window[6]);
    if (end) return end;
  }
  const by = BY_TIME.exec(text);
  return by ? to24h(by[1] ?? '', by[2], by[3]) : undefined;
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

  const leading = LEADING_DAY.exec(text);
  const first = findTerm(text, today);
  if (leading && (!first || leading.index < first.index)) {
    // "27.–29. März": the closing term carries the month the opening day shares.
    const closing = findTerm(text.slice(leading.index + leading[0].length), today);
    const openingDay = Number(leading[1]);
    if (closing?.month) {
      let month = closing.month;
      let year = closing.day.year;
      if (openingDay > closing.day.day) {
        month -= 1;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
      }
      if (isValidDay(year, month, openingDay)) {
        start = { year, month, day: openingDay };
        end = closing.day;
        rest = text.slice(leading.index + leading[0].length + closing.index + closing.length);
      }
    }
  }
  if (!start && first) {
    start = first.day;
    const after = text.slice(first.index + first.length);
    const second = WINDOW_AFTER.exec(after);
    const secondTerm = second ? findTerm(second[1] ?? '', today) : undefined;
    const trailing = TRAILING_DAY.exec(after);
    if (second && secondTerm && secondTerm.index === 0) {
      end = secondTerm.day;
      rest = after.slice(second[0].length);
    } else if (trailing && first.month) {
      end = nearestYear(first.month, Number(trailing[1]), today) ?? undefined;
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

/**
 * Words that announce a promised delivery day. A date elsewhere (order placed, shipped on, a price) is not a promise,
 * so only a date shortly after one of these counts.
 */
const PROMISE_TRIGGER = new RegExp(
  `${B}(?:${[
    // en
    'arriving(?: early)?(?: on)?',
    'arrives',
    'will arrive',
    'should arrive',
    'now arriving',
    'now expected',
    'expected(?: delivery)?(?: date)?(?: on| by)?',
    'estimated (?:delivery|arrival)(?: date)?(?: is)?',
    'guaranteed delivery(?: date)?(?: is)?',
    'delivery (?:date|estimate|by|on)',
    'scheduled (?:for )?delivery(?: date)?(?: on)?',
    'delivery is (?:due|expected)(?: on)?',
    "(?:it's|it is) coming",
    'coming',
    'will be delivered',
    'to be delivered',
    'should be delivered',
    'get it',
    'eta',
    // de
    'voraussichtlich(?:e|er)?(?: zustellung| lieferung| ankunft)?',
    'zustellung(?:stag| erwartet)?',
    'lieferung(?: erwartet)?',
    'lieferdatum',
    'liefertermin',
    'ankunft',
    // "wird morgen zugestellt": the day sits between the verb's parts, so the trigger stops before it.
    'wird(?=\\s+(?:voraussichtlich\\s+)?(?:heute|morgen|übermorgen|am|zwischen)\\s)',
    'wird voraussichtlich',
    'kommt',
    // fr
    'arrivera',
    'arrivée(?: prévue)?',
    'livraison (?:prévue|estimée|prevue|estimee)',
    'date de livraison(?: estimée| prévue)?',
    'sera livrée?',
    // es
    'llega(?:rá)?',
    'entrega (?:prevista|estimada)',
    'fecha (?:estimada )?de entrega',
    'se entregará',
    'será entregado',
    // it
    'arriverà',
    'arriva',
    'consegna (?:prevista|stimata)',
    'data di consegna(?: prevista| stimata)?',
    'sarà consegnato',
    // nl
    'verwachte (?:bezorging|bezorgdatum|bezorgdag|levering|leverdatum)',
    'bezorg(?:moment|datum|dag)',
    'bezorging(?: verwacht)?(?: op)?',
    'wordt(?=\\s+(?:naar verwachting\\s+)?(?:vandaag|morgen|overmorgen|op|tussen)\\s)',
    // pl
    'przewidywana data (?:doręczenia|dostawy)',
    'planowana data (?:doręczenia|dostawy)',
    'doręczymy',
    'doręczamy',
  ].join('|')})${E}\\s*:?`,
  'giu',
);

const SENTENCE_END = /[.!?](?=\s+\p{Lu})|\n[ \t]*\n/u;
/** "2. Dezember", "15. März": a period between a day number and a month name is part of the date, not an end. */
const DAY_NUMBER_BEFORE = new RegExp(`${B}\\d{1,2}$`, 'u');
const MONTH_AFTER = new RegExp(`^\\.\\s+${MONTH_ALTERNATION}${E}`, 'iu');

/** Cuts text at the end of its first sentence; leading whitespace (a label's line break) does not count. */
function firstSentence(text: string): string {
  const content = text.search(/\S/);
  if (content < 0) return '';
  const body = text.slice(content);
  const ends = new RegExp(SENTENCE_END.source, 'gu');
  for (let end = ends.exec(body); end; end = ends.exec(body)) {
    const ordinalDay =
      DAY_NUMBER_BEFORE.test(body.slice(Math.max(0, end.index - 3), end.index)) &&
      MONTH_AFTER.test(body.slice(end.index, end.index + 24));
    if (!ordinalDay) return text.slice(0, content + end.index);
  }
  return text;
}

/** How far after a trigger the date may start ("Arriving:\nTuesday 16 November"). */
const PROMISE_REACH = 60;

export interface FoundPromise {
  eta: Eta;
  /** The promise as written, whitespace collapsed, at most 120 characters. */
  phrase: string;
}

/** The first delivery promise in a piece of text (an e-mail, a shipment box, a page region), resolved. */
export function findDeliveryPromise(text: string, reference: DateReference): FoundPromise | undefined {
  const trigger = new RegExp(PROMISE_TRIGGER.source, 'giu');
  for (let match = trigger.exec(text); match; match = trigger.exec(text)) {
    // The date belongs to the trigger's own sentence: "Arriving soon. Ordered November 20" promises nothing.
    // Markup between a label and its value ("will arrive:" … "Friday, September 11") renders as runs of blank lines
    // and spaces: the reach starts where the value's text does.
    let valueStart = match.index + match[0].length;
    while (
      valueStart < text.length &&
      valueStart - match.index < 2000 &&
      /[\s>]/.test(text[valueStart] ?? '')
    ) {
      valueStart++;
    }
    const tail = text.slice(valueStart, valueStart + PROMISE_REACH + 80);
    const after = firstSentence(tail);
    const today = dayIn(reference.at, reference.timeZone);
    const term = findTerm(after.slice(0, PROMISE_REACH + 20), today);
    const leading = LEADING_DAY.exec(after);
    const startsAt = Math.min(
      term?.index ?? Number.POSITIVE_INFINITY,
      leading?.index ?? Number.POSITIVE_INFINITY,
    );
    if (startsAt > PROMISE_REACH) continue;
    const gap = valueStart > match.index + match[0].length ? ' ' : '';
    const phraseText = `${match[0]}${gap}${after}`;
    const eta = resolveDeliveryPhrase(after, reference);
    if (!eta) continue;
    if (!eta.by) {
      // A headline ("Ihr Paket kommt morgen") is often followed by the detail ("morgen zwischen 10 und 14 Uhr").
      const detail = findDeliveryPromise(text.slice(trigger.lastIndex, trigger.lastIndex + 1000), reference);
      if (detail?.eta.by && detail.eta.start === eta.start && detail.eta.end === eta.end)
        eta.by = detail.eta.by;
    }
    return { eta, phrase: collapse(phraseText.slice(0, match[0].length + gap.length + startsAt + 60)) };
  }
  return undefined;
}

function collapse(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
