/**
 * What the text around a candidate says about it: the nearest field label before it
 * ("Tracking number", "Sendungsnummer", ... or "Order", "Phone", "UPC", ...), the carriers
 * named nearby, and signs of a phone number. Every lookup reads a bounded window, so the
 * cost per candidate is constant. The words are data (field-labels.ts and the couriers'
 * aliases), looked up through a trie (term-trie.ts).
 */
import { ADJACENT_TRACKING_LABELS, OTHER_LABELS, TRACKING_LABELS } from './field-labels';
import { COURIERS } from './format-table';
import { isWordCode, isWordStart, termTrie } from './term-trie';
import type { CarrierCode } from './types';

export type LabelKind = 'tracking' | 'other';

type Term =
  | { kind: 'label'; label: LabelKind; adjacent?: true }
  | { kind: 'carrier'; carriers: CarrierCode[] };

function termsOfLabelsAndCarriers(): Map<string, Term> {
  const terms = new Map<string, Term>();
  for (const l of OTHER_LABELS) terms.set(l, { kind: 'label', label: 'other' });
  for (const l of TRACKING_LABELS) terms.set(l, { kind: 'label', label: 'tracking' });
  for (const l of ADJACENT_TRACKING_LABELS)
    terms.set(l, { kind: 'label', label: 'tracking', adjacent: true });
  for (const courier of COURIERS)
    for (const alias of courier.aliases) {
      const term = terms.get(alias);
      // A name may stand for several carriers ("Canada Post" ships both its own and S10 numbers).
      if (term?.kind === 'carrier') term.carriers.push(courier.code);
      else if (!term) terms.set(alias, { kind: 'carrier', carriers: [courier.code] });
    }
  return terms;
}

/**
 * Carrier names must end at a word boundary ("ups", not "upstairs"), as must labels that count only right before the
 * number; other labels may run on ("track" reads "tracking").
 */
const TERMS = termTrie(
  termsOfLabelsAndCarriers(),
  (term) => term.kind === 'carrier' || (term.kind === 'label' && term.adjacent === true),
);

/** How far back a label may stand from its number (visible characters). */
export const LABEL_WINDOW = 100;
/** How far an adjacent-only label may stand from its number: a separator and a space ("PRO: 1234…", "PRO # 1234…"). */
const ADJACENT_WINDOW = 3;
/** How far a carrier name may stand before or after the number. */
export const CARRIER_WINDOW_BEFORE = 160;
export const CARRIER_WINDOW_AFTER = 60;
/** A carrier named this close (same table row, "Shipped with X (tracking N)") is strong evidence. */
export const CARRIER_NEAR = 45;

/**
 * Printed like a phone number (the text from `start` to `end`): digit groups ending in 3 + 4
 * digits ("555 010 4477", "1-800-225-5345"), the way few tracking numbers are grouped.
 */
export function phoneShaped(text: string, start: number, end: number): boolean {
  // Read in place: the lengths of the last two digit runs, and how many runs there are.
  let groups = 0;
  let last = 0;
  let prev = 0;
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run === 0) {
        groups++;
        prev = last;
      }
      last = ++run;
    } else if ((c | 32) >= 97 && (c | 32) <= 122) return false;
    else run = 0;
  }
  return groups >= 3 && last === 4 && prev === 3;
}

export interface TextContext {
  /** The nearest label before the number, and its distance in visible characters. */
  label: LabelKind | null;
  labelDistance: number;
  /** Nearest distance of each carrier named before (or after) the number. */
  carriersBefore: ReadonlyMap<CarrierCode, number>;
  carriersAfter: ReadonlyMap<CarrierCode, number>;
  /** "+44 20 ..." or "tel:" right before the number. */
  phoneLike: boolean;
}

/** Most numbers have no carrier named near: they share this empty table instead of allocating one each. */
const NO_CARRIERS: ReadonlyMap<CarrierCode, number> = new Map();

/**
 * Whether the text at [start, end) opens with a whole word that is a field label ("PRO 123456789", "AWB 1234 5678"):
 * such a word names the number that follows and is never part of it, so a candidate joined across it is not read.
 */
export function opensWithLabelWord(text: string, start: number, end: number): boolean {
  const head = text.slice(start, Math.min(end, start + 24)).toLowerCase();
  const m = TERMS.longestAt(head, 0);
  return m !== null && m.term.kind === 'label' && m.end < head.length && !isWordCode(head.charCodeAt(m.end));
}

/** Whether position `at` of `s` lies inside an HTML tag (attribute names and values are not labels). */
function insideTag(s: string, at: number): boolean {
  const open = s.lastIndexOf('<', at);
  return open >= 0 && open > s.lastIndexOf('>', at);
}

/** Characters of `s` between `from` and its end that are not inside HTML tags. */
function visibleLength(s: string, from: number): number {
  let n = 0;
  let inTag = false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 60) inTag = true;
    else if (c === 62 && inTag) inTag = false;
    else if (!inTag) n++;
  }
  return n;
}

/** How far past the nearest label to look for a longer phrase containing it ("track your order"). */
const PHRASE_REACH = 30;

/**
 * Reads the surroundings of the number at [start, end), into a result of its own. The text before it is read
 * backwards, nearest word first, and only as far as needed: until the nearest label is settled and one of the
 * `carriers` the number could belong to has been named (or the window ends).
 */
export function readContext(
  text: string,
  start: number,
  end: number,
  carriers: readonly CarrierCode[],
): TextContext {
  const from = Math.max(0, start - CARRIER_WINDOW_BEFORE);
  const before = text.slice(from, start).toLowerCase();
  const html = before.includes('<');
  let label: LabelKind | null = null;
  let labelDistance = Number.POSITIVE_INFINITY;
  let carriersBefore: Map<CarrierCode, number> | undefined;
  const distanceFrom = (to: number) => (html ? visibleLength(before, to) : before.length - to);
  let labelStart = -1;
  let relevantCarrierSeen = false;
  for (let p = before.length - 1; p >= 0; p--) {
    if (!isWordStart(before, p)) continue;
    const labelSettled =
      labelStart >= 0 ? p < labelStart - PHRASE_REACH : before.length - p > LABEL_WINDOW + PHRASE_REACH;
    // Carriers only count beside a tracking label or none, so an "other" label ends the search.
    if (labelSettled && (relevantCarrierSeen || label === 'other')) break;
    const m = TERMS.longestAt(before, p);
    if (!m || (html && insideTag(before, p))) continue;
    const { term } = m;
    if (term.kind === 'carrier') {
      carriersBefore ??= new Map();
      for (const c of term.carriers) {
        if (!carriersBefore.has(c)) carriersBefore.set(c, distanceFrom(m.end));
        if (carriers.includes(c)) relevantCarrierSeen = true;
      }
    } else if (labelStart < 0) {
      const distance = distanceFrom(m.end);
      if (distance <= (term.adjacent ? ADJACENT_WINDOW : LABEL_WINDOW)) {
        label = term.label;
        labelDistance = distance;
        labelStart = p;
      }
    } else if (m.end > labelStart) {
      // A longer phrase that contains the label found first ("track your order" over "order").
      label = term.label;
      labelStart = p;
    }
  }
  // A carrier named after the number only counts when none it could belong to is named before.
  let carriersAfter: Map<CarrierCode, number> | undefined;
  if (!relevantCarrierSeen) {
    const after = text.slice(end, end + CARRIER_WINDOW_AFTER).toLowerCase();
    const htmlAfter = after.includes('<');
    TERMS.forEach(after, (term, at) => {
      if (term.kind !== 'carrier' || (htmlAfter && insideTag(after, at))) return;
      carriersAfter ??= new Map();
      for (const c of term.carriers) if (!carriersAfter.has(c)) carriersAfter.set(c, at);
    });
  }
  return {
    label,
    labelDistance,
    carriersBefore: carriersBefore ?? NO_CARRIERS,
    carriersAfter: carriersAfter ?? NO_CARRIERS,
    phoneLike: /(?:\+|tel:|\(0\))\s?$/.test(before.slice(-6)),
  };
}
