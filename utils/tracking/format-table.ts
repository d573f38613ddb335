/**
 * The engine's table of formats: every carrier's formats (utils/carriers/formats.ts) indexed by length and first
 * character, and the matcher that tries a normalised candidate against them.
 */
import { COURIERS } from '../carriers/formats';
import type { CarrierCode, Courier, TrackingFormat } from './types';

export { COURIERS };

export const COURIER_BY_CODE: ReadonlyMap<CarrierCode, Courier> = new Map(COURIERS.map((c) => [c.code, c]));

export const ALL_FORMATS: readonly TrackingFormat[] = COURIERS.flatMap((c) => c.formats);

/** Longest normalised number any format accepts. */
export const MAX_NUMBER_LENGTH = Math.max(...ALL_FORMATS.flatMap((f) => f.lengths));
export const MIN_NUMBER_LENGTH = Math.min(...ALL_FORMATS.flatMap((f) => f.lengths));

/** Formats indexed by normalised length, so a candidate is only tried against formats of its length. */
export const FORMATS_BY_LENGTH: readonly (readonly TrackingFormat[])[] = (() => {
  const table: TrackingFormat[][] = Array.from({ length: MAX_NUMBER_LENGTH + 1 }, () => []);
  for (const format of ALL_FORMATS) for (const len of format.lengths) table[len]?.push(format);
  return table;
})();

export interface FormatHit {
  readonly format: TrackingFormat;
  /** Index of the format in ALL_FORMATS order (lower is preferred on ties). */
  readonly rank: number;
}

/** The characters a normalised number is made of, in the order of the lead tables' columns. */
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Column of a normalised number's first character (upper-case letter or digit), or -1. */
function leadColumn(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  return c >= 65 && c <= 90 ? c - 55 : -1;
}

/**
 * The characters a format's anchored pattern may begin with, read from its first token (a
 * character, a class, or a group of alternatives); every character when it is anything else.
 * Lets a candidate meet only the formats that can start with its first character.
 */
export function leadingChars(pattern: RegExp): string {
  const source = pattern.source;
  const group = /^\^\(\?:([^()]*)\)(?![?*]|\{0)/.exec(source);
  const alternatives = group ? (group[1] ?? '').split('|') : [source.slice(1)];
  const firsts = alternatives.map((a) => /^(?:\[[^\]^\\]*\]|[0-9A-Z])(?![?*]|\{0)/.exec(a)?.[0]);
  if (!source.startsWith('^') || pattern.ignoreCase || firsts.some((f) => f === undefined))
    return ALPHANUMERIC;
  const lead = new RegExp(`^(?:${firsts.join('|')})`);
  return [...ALPHANUMERIC].filter((c) => lead.test(c)).join('');
}

/**
 * Per length and first character (`length * 36 + column`), the hit each format that may match
 * reports, in ALL_FORMATS order (shared: hits are read-only).
 */
const HITS_BY_LENGTH_AND_LEAD: readonly (readonly SoleHit[])[] = FORMATS_BY_LENGTH.flatMap((formats) => {
  const hits = formats.map((format) => ({
    format,
    rank: ALL_FORMATS.indexOf(format),
    lead: leadingChars(format.pattern),
  }));
  return [...ALPHANUMERIC].map((c) =>
    hits.filter((h) => h.lead.includes(c)).map(({ format, rank }) => hitOf(format, rank)),
  );
});

/** A format hit that also holds the one-hit list matchFormats returns when it matches alone. */
interface SoleHit extends FormatHit {
  readonly alone: readonly FormatHit[];
}

function hitOf(format: TrackingFormat, rank: number): SoleHit {
  const alone: FormatHit[] = [];
  const hit = { format, rank, alone };
  alone.push(hit);
  return hit;
}

const NO_HITS: readonly SoleHit[] = [];

function hitsFor(length: number, first: number): readonly SoleHit[] {
  const column = leadColumn(first);
  return (column >= 0 && HITS_BY_LENGTH_AND_LEAD[length * ALPHANUMERIC.length + column]) || NO_HITS;
}

/**
 * Whether some format takes numbers of this length that start with this character (its code,
 * upper case): a candidate that fails is rejected before its string is built.
 */
export function mayMatch(length: number, first: number): boolean {
  return hitsFor(length, first).length > 0;
}

/**
 * Every format a normalised candidate (upper case, no separators) satisfies, checksum included
 * (do not mutate). Each format's own pattern is tried: short anchored patterns are cheaper to
 * run one by one than merged into one alternation.
 */
export function matchFormats(normalised: string): readonly FormatHit[] {
  // Most numbers fit one format: its shared one-hit list saves an array per number.
  let sole: SoleHit | null = null;
  let hits: FormatHit[] | null = null;
  for (const hit of hitsFor(normalised.length, normalised.charCodeAt(0))) {
    const { format } = hit;
    if (!format.pattern.test(normalised)) continue;
    if (format.validate && !format.validate(normalised)) continue;
    if (!sole) sole = hit;
    else if (!hits) hits = [sole, hit];
    else hits.push(hit);
  }
  return hits ?? sole?.alone ?? NO_HITS;
}
