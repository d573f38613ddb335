import type { Eta } from '../store/types';
import { B, E, LEADING_DAY, MONTH_ALTERNATION, PROMISE_TRIGGER } from './date-grammar';
import { type DateReference, firstDayIndex, resolveDeliveryPhrase } from './date-resolution';
import { foldCase } from './fold-case';

/**
 * The search for a delivery promise in a piece of text, as shops and carriers write them in the languages of lang/:
 * "Arriving Tuesday", "Now expected March 27 – March 28", "will be delivered today by 10 PM", "Zustellung: Dienstag,
 * 26. November", "livraison prévue le 3 décembre", "Llega mañana", "Arriverà: 3–5 dicembre" … A trigger word
 * (date-grammar.ts) must come shortly before the date; what the date means is date-resolution.ts's.
 */

export { resolveDeliveryPhrase, resolvePastDay } from './date-resolution';
export type { DateReference };

const SENTENCE_END = /[.!?](?=\s+\p{Lu})|\n[ \t]*\n/u;
/** "2. Dezember", "15. März": a period between a day number and a month name is part of the date, not an end. */
const DAY_NUMBER_BEFORE = new RegExp(`${B}\\d{1,2}$`, 'u');
const MONTH_AFTER = new RegExp(`^\\.\\s+${MONTH_ALTERNATION}${E}`, 'iu');
/** This module's expressions, for warm-up.ts to compile ahead of the first scan. */
export const SEARCH_EXPRESSIONS: readonly RegExp[] = [MONTH_AFTER, DAY_NUMBER_BEFORE];

/** Cuts text at the end of its first sentence; leading whitespace (a label's line break) does not count. */
function firstSentence(text: string): string {
  const content = text.search(/\S/);
  if (content < 0) return '';
  const body = text.slice(content);
  for (const end of body.matchAll(new RegExp(SENTENCE_END.source, 'gu'))) {
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

export interface PromiseSearch {
  /**
   * Search only near these positions of the text (found numbers, shipment anchors): a promise is a trigger within
   * `reach` characters of one of them. Without, the whole text is searched.
   */
  around?: readonly number[];
  /** Characters on each side of a position in `around`; 1500 by default. */
  reach?: number;
}

/** Default reach of a windowed search: a shipping mail's promise sits within a screen of its number. */
const AROUND_REACH = 1500;

/** The first delivery promise in a piece of text (an e-mail, a shipment box, a page region), resolved. */
export function findDeliveryPromise(
  text: string,
  reference: DateReference,
  search: PromiseSearch = {},
): FoundPromise | undefined {
  if (!search.around) return findIn(text, reference);
  const reach = search.reach ?? AROUND_REACH;
  // Overlapping windows are searched once, in text order, so the first promise in the text still wins.
  const windows: [number, number][] = [];
  for (const at of [...search.around].sort((a, b) => a - b)) {
    const from = Math.max(0, at - reach);
    const to = Math.min(text.length, at + reach);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  for (const [from, to] of windows) {
    const found = findIn(text.slice(from, to), reference);
    if (found) return found;
  }
  return undefined;
}

function findIn(text: string, reference: DateReference): FoundPromise | undefined {
  for (const match of foldCase(text).matchAll(PROMISE_TRIGGER)) {
    // The date belongs to the trigger's own sentence: "Arriving soon. Ordered November 20" promises nothing.
    // Markup between a label and its value ("will arrive:" … "Friday, September 11") renders as runs of blank lines
    // and spaces: the reach starts where the value's text does.
    const triggerEnd = match.index + match[0].length;
    let valueStart = triggerEnd;
    while (
      valueStart < text.length &&
      valueStart - match.index < 2000 &&
      /[\s>]/.test(text[valueStart] ?? '')
    ) {
      valueStart++;
    }
    const tail = text.slice(valueStart, valueStart + PROMISE_REACH + 80);
    const after = firstSentence(tail);
    const term = firstDayIndex(after.slice(0, PROMISE_REACH + 20), reference);
    const leading = LEADING_DAY.exec(foldCase(after));
    const startsAt = Math.min(term ?? Number.POSITIVE_INFINITY, leading?.index ?? Number.POSITIVE_INFINITY);
    if (startsAt > PROMISE_REACH) continue;
    const gap = valueStart > triggerEnd ? ' ' : '';
    // The trigger as written (the match is in the folded text).
    const phraseText = `${text.slice(match.index, triggerEnd)}${gap}${after}`;
    const eta = resolveDeliveryPhrase(after, reference);
    if (!eta) continue;
    if (!eta.by) {
      // A headline ("Ihr Paket kommt morgen") is often followed by the detail ("morgen zwischen 10 und 14 Uhr").
      const detail = findIn(text.slice(triggerEnd, triggerEnd + 1000), reference);
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
