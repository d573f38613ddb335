/**
 * The words one language uses to write a delivery date or promise. The grammar (../date-grammar.ts) is the same for
 * every language and is built from the union of these lists; a language is added by one file here and one line in
 * index.ts. All words lower case; fields marked "pattern" are regular-expression fragments (for optional words inside a
 * phrase), the others literal words.
 */
export interface DateWords {
  /** Month names and abbreviations, January first: each entry the month's names separated by spaces. */
  months: readonly string[];
  /** Weekday names and abbreviations, Sunday first, the same way. */
  weekdays: readonly string[];
  /** Words for a day counted from the reference day ("tomorrow": 1). */
  relativeDays: Readonly<Record<string, number>>;
  /** Articles that may stand before a date ("the 3rd", "le 3 décembre"). */
  articles?: readonly string[];
  /** Words between the two ends of a window of days ("to", "bis", "au"). */
  rangeWords?: readonly string[];
  /** Words opening a window of days ("between", "du"). */
  windowOpeners?: readonly string[];
  /** Words between the two ends of a window of hours ("and", "und"). */
  timeRangeWords?: readonly string[];
  /** Pattern: words before a latest time ("by", "bis spätestens"). */
  byTime?: readonly string[];
  /** Pattern: words that announce a promised delivery day ("arriving", "zustellung"), most specific first. */
  promiseTriggers: readonly string[];
}
