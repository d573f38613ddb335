import { type DateWords, LANGUAGES } from './lang/index';
import { B, E } from './word-chars';

/**
 * The shapes in which shops and carriers write a day, a window of days and a latest time, the same for every language,
 * as regular expressions built from the vocabularies in lang/. Every value a reader needs is a named group, so adding
 * a shape never shifts another's group numbers. Group names are a shape's prefix and a field: Y year, M month, D day
 * of a date; H hour, M minute, S suffix (am/pm/Uhr/h) of a time. Meaning (which day a match names) is
 * date-resolution.ts's.
 */

// Letters of any script count as word characters: JavaScript's \b only knows ASCII, and "übermorgen" contains "morgen".
export { B, E };

const all = (pick: (words: DateWords) => readonly string[] | undefined): string[] => [
  ...new Set(LANGUAGES.flatMap((words) => pick(words) ?? [])),
];

/** Name → number (month 1–12, weekday 0–6 from Sunday) from the per-language lists. */
function numbered(pick: (words: DateWords) => readonly string[], first: number): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const words of LANGUAGES)
    pick(words).forEach((names, i) => {
      for (const name of names.split(' ')) byName[name] = i + first;
    });
  return byName;
}

export const MONTH_NAMES = numbered((w) => w.months, 1);
export const WEEKDAY_NAMES = numbered((w) => w.weekdays, 0);
export const RELATIVE_DAYS: Record<string, number> = Object.assign(
  {},
  ...LANGUAGES.map((w) => w.relativeDays),
);

const escapeForRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Literal words as one alternation, longest first (so "übermorgen" is tried before "morgen"). */
const longestFirst = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeForRegex)
    .join('|');
/** Words as one alternation in the order given. */
const inOrder = (words: readonly string[]) => words.map(escapeForRegex).join('|');

export const MONTH_ALTERNATION = `(?:${longestFirst(Object.keys(MONTH_NAMES))})`;
const month = (name: string) => `(?<${name}>${MONTH_ALTERNATION.slice(3, -1)})\\.?`;
const weekday = (name: string) => `(?<${name}>${longestFirst(Object.keys(WEEKDAY_NAMES))})\\.?`;
const day = (name: string) => `(?<${name}>\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?`;
const year = (name: string) => `(?:,?\\s*(?:de\\s+)?(?<${name}>\\d{4}))?`;
const GAP = '[\\s,]*';
const ARTICLE = `(?:(?:${inOrder(all((w) => w.articles))})\\s+)?`;

/**
 * One point in time as text writes it. Each shape's first group tells that it matched (date-resolution.ts reads them):
 * iso "2026-12-07", dotted "7.12.", slashed "12/07/2026" (month/day or day/month: read only when the weekday or a day
 * above 12 decides), day-month "7 December", month-day "December 7th", weekday, relative day.
 */
const TERM_SHAPES = [
  `(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})`,
  `(?<dotD>\\d{1,2})\\.(?<dotM>\\d{1,2})\\.(?<dotY>\\d{4}|\\d{2}(?!\\d))?`,
  `(?<slash1>\\d{1,2})/(?<slash2>\\d{1,2})/(?<slashY>\\d{4})`,
  `${day('dmD')}\\s*(?:de\\s+)?${month('dmM')}${year('dmY')}`,
  `${month('mdM')}\\s*${day('mdD')}${year('mdY')}`,
  weekday('weekday'),
  `(?<relative>${longestFirst(Object.keys(RELATIVE_DAYS))})`,
];

/** Any term; a weekday may be followed by the explicit date it names ("Tuesday, November 24" / "Dienstag, 24. Nov."). */
const TERM = `${B}(?:(?:${weekday('lead')}${GAP}${ARTICLE})?(?:${TERM_SHAPES.join('|')}))${E}`;
export const TERM_SOURCE = TERM;

/** Between two terms of a window: "March 27 – March 28", "between Tuesday and Thursday", "du 3 au 5 décembre". */
const CONNECTOR = `\\s*(?:-|–|—|${inOrder(all((w) => w.rangeWords))})\\s*${ARTICLE}`;
// Only the connector: the term after it is read with the term expression itself (one compiled copy of TERM, not two).
export const WINDOW_CONNECTOR = new RegExp(`^${CONNECTOR}`, 'iu');
// LEADING_DAY, PROMISE_TRIGGER and date-resolution's TERM_RE have lower-case sources and no `i` flag: they are
// matched against foldCase(text) (fold-case.ts says why). The others are small enough to keep `i`.
/** A bare day that opens a window whose month comes after: "27.–29. März", "du 3 au 5 décembre", "3-5 dicembre". */
export const LEADING_DAY = new RegExp(
  `${B}(?:(?:${inOrder(all((w) => w.windowOpeners))})\\s+${ARTICLE})?(?<openDay>\\d{1,2})(?:st|nd|rd|th|er|\\.)?${CONNECTOR}(?=\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s*(?:de\\s+)?${MONTH_ALTERNATION})`,
  'u',
);
/** A bare day that closes a window opened by a month-day: "March 27 - 28". */
export const TRAILING_DAY = new RegExp(
  `^${CONNECTOR}(?<closeDay>\\d{1,2})(?:st|nd|rd|th)?${E}(?!\\s*(?::|am|pm|uhr|h\\b))`,
  'iu',
);

const MERIDIEM = 'a\\.?m\\.?|p\\.?m\\.?|uhr|h';
/** "by 10 PM", "before 8:30pm", "bis 20 Uhr", "avant 22h", "antes de las 21:00", "entro le 20:00". */
export const BY_TIME = new RegExp(
  `${B}(?:${all((w) => w.byTime).join('|')})\\s*(?<byH>\\d{1,2})(?:[:.h](?<byM>\\d{2}))?\\s*(?<byS>${MERIDIEM})?${E}`,
  'iu',
);
/** "2pm – 6pm", "zwischen 10 und 14 Uhr": the end is the latest time. */
export const TIME_WINDOW = new RegExp(
  `${B}(?<fromH>\\d{1,2})(?:[:.](?<fromM>\\d{2}))?\\s*(?<fromS>${MERIDIEM})?\\s*(?:-|–|—|${inOrder(all((w) => w.timeRangeWords))})\\s*(?<toH>\\d{1,2})(?:[:.h](?<toM>\\d{2}))?\\s*(?<toS>${MERIDIEM})${E}`,
  'iu',
);

/**
 * Words that announce a promised delivery day. A date elsewhere (order placed, shipped on, a price) is not a promise,
 * so only a date shortly after one of these counts.
 */
export const PROMISE_TRIGGER = new RegExp(
  `${B}(?:${LANGUAGES.flatMap((w) => w.promiseTriggers).join('|')})${E}\\s*:?`,
  'gu',
);

/** Every expression of the grammar, for warm-up.ts to compile ahead of the first scan. */
export const GRAMMAR_EXPRESSIONS: readonly RegExp[] = [
  PROMISE_TRIGGER,
  WINDOW_CONNECTOR,
  LEADING_DAY,
  TRAILING_DAY,
  BY_TIME,
  TIME_WINDOW,
];
