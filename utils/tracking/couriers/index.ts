/**
 * Every carrier the engine knows, with its number formats.
 *
 * The format definitions (shapes, check-digit schemes, lookups, tracking URLs) are derived from
 * the tracking_number_data project by Jeff Keen (https://github.com/jkeen/tracking_number_data,
 * MIT licence, commit b79ce4b); the code is this project's own.
 */
import type { CarrierCode, Courier, TrackingFormat } from '../types';
import { amazon } from './amazon';
import { canadaPost } from './canada-post';
import { canpar } from './canpar';
import { dhl } from './dhl';
import { dpd } from './dpd';
import { fedex } from './fedex';
import { gofo } from './gofo';
import { landmark } from './landmark';
import { lasership } from './lasership';
import { oldDominion } from './old-dominion';
import { ontrac } from './ontrac';
import { purolator } from './purolator';
import { s10 } from './s10';
import { speedee } from './speedee';
import { ups } from './ups';
import { usps } from './usps';
import { yodel } from './yodel';
import { yunexpress } from './yunexpress';

/**
 * In order of preference when a number fits several carriers and nothing else decides: a
 * format with a fixed prefix and a check digit (Old Dominion) before a bare one (DHL Express).
 */
export const COURIERS: readonly Courier[] = [
  ups,
  usps,
  fedex,
  oldDominion,
  dhl,
  amazon,
  s10,
  ontrac,
  lasership,
  canadaPost,
  canpar,
  dpd,
  gofo,
  landmark,
  purolator,
  speedee,
  yodel,
  yunexpress,
];

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

/** Per length, the hit each format of that length reports (shared: hits are read-only). */
const HITS_BY_LENGTH: readonly (readonly FormatHit[])[] = FORMATS_BY_LENGTH.map((formats) =>
  formats.map((format) => ({ format, rank: ALL_FORMATS.indexOf(format) })),
);

const NO_HITS: FormatHit[] = [];

/**
 * Every format a normalised candidate (upper case, no separators) satisfies, checksum included
 * (do not mutate). Each format's own pattern is tried: short anchored patterns are cheaper to
 * run one by one than merged into one alternation.
 */
export function matchFormats(normalised: string): FormatHit[] {
  const candidates = HITS_BY_LENGTH[normalised.length];
  if (!candidates) return NO_HITS;
  let hits: FormatHit[] | null = null;
  for (const hit of candidates) {
    const { format } = hit;
    if (!format.pattern.test(normalised)) continue;
    if (format.validate && !format.validate(normalised)) continue;
    hits ??= [];
    hits.push(hit);
  }
  return hits ?? NO_HITS;
}

export {
  amazon,
  canadaPost,
  canpar,
  dhl,
  dpd,
  fedex,
  gofo,
  landmark,
  lasership,
  oldDominion,
  ontrac,
  purolator,
  s10,
  speedee,
  ups,
  usps,
  yodel,
  yunexpress,
};
