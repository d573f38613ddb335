/**
 * Doorstep's tracking-number engine: finds parcel tracking numbers in text, identifies a pasted
 * number, and reads carrier tracking links.
 *
 * Pure TypeScript with explicit imports and no browser APIs, so the same code runs in Node, in
 * the content script and in the background. Format definitions are derived from the
 * tracking_number_data project (https://github.com/jkeen/tracking_number_data, MIT licence).
 *
 * How a number is found: one linear scan yields candidates (single tokens and spaced groups,
 * see scan.ts); each is tried against the formats of its length (shape, then check digit);
 * a number that fits is then weighed: how telling its format is on its own, plus what the
 * text says around it (a tracking label, a carrier link, the carrier's name) and minus what
 * says it is something else (an order, phone or card label; an id in a shop link).
 */
import {
  CARRIER_NEAR,
  CARRIER_WINDOW_AFTER,
  CARRIER_WINDOW_BEFORE,
  opensWithLabelWord,
  phoneShaped,
  readContext,
  type TextContext,
} from './context';
import {
  COURIERS,
  type FormatHit,
  MAX_NUMBER_LENGTH,
  MIN_NUMBER_LENGTH,
  matchFormats,
  mayMatch,
} from './format-table';
import { type Candidate, scanCandidates } from './scan';
import type { CarrierCode, Evidence, FindOptions, TrackingFormat, TrackingMatch } from './types';
import {
  carrierFromHost,
  type LinkInfo,
  linkAround,
  linkVouchesFor,
  type ParsedTrackingUrl,
  parseLink,
  trackingUrlFor,
  unwrapRedirects,
} from './url';

export * as checksums from './checksums';
export { ALL_FORMATS, COURIERS } from './format-table';
export type { CarrierCode, Evidence, FindOptions, Strength, TrackingFormat, TrackingMatch } from './types';
export type { ParsedTrackingUrl };
export { carrierFromHost, trackingUrlFor, unwrapRedirects };

/** Default threshold: what a user should see. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** What the shape of each strength of format is worth on its own. */
const BASE_SCORE = { strong: 0.85, medium: 0.3, weak: 0.15 } as const;

/** What each piece of evidence adds to (or takes from) the score. */
const WEIGHT = {
  trackingLabel: 0.45,
  /** A distinctive, checksummed shape outweighs a label such as "Item" or "Reference". */
  otherLabelOnStrong: -0.3,
  /** Lower case outside links: a typed or garbled number, accepted only with strong support. */
  lowerCase: -0.3,
  carrierLink: 0.6,
  trackingLink: 0.35,
  carrierNear: 0.4,
  carrierFar: 0.25,
  carrierAfter: 0.2,
  /** The document names the carrier outside the text (sender, subject, a carrier link elsewhere in the mail). */
  documentCarrier: 0.25,
  otherLabel: -0.6,
  phone: -0.6,
  foreignLink: -0.5,
  /** Grouped like a phone number ("555 010 4477"): needs a label, a link or its carrier beside it. */
  phoneShape: -0.15,
  /** A hyphen inside a number is how order and phone numbers are written, rarely tracking numbers. */
  hyphen: -0.15,
} as const;

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The evidence noted for the winning hit, in a reused buffer copied out at its exact size (an
 * array grown by push reserves room for 17 entries, for each of thousands of matches).
 */
const noted: Evidence[] = [];
let notedCount = 0;

/** Names and site hosts of each carrier, lower case: what naming a carrier in a text looks like. */
const NAMES_OF: ReadonlyMap<CarrierCode, readonly string[]> = new Map(
  COURIERS.map((c) => [c.code, [...c.aliases, ...c.hosts]]),
);

/**
 * Whether every hit is of a format that needs its carrier named and none of those carriers is named by the document
 * or in the window the context would read; or the number is printed in groups, as phone numbers are. A cheap first
 * look: the generic shapes (11, 16, 24 digits) fit many numbers of a page, and reading each one's full context is
 * most of what those formats cost.
 */
function onlyUnnamedCarriers(
  text: string,
  candidate: Candidate,
  hits: readonly FormatHit[],
  documentCarriers: readonly CarrierCode[] | undefined,
): boolean {
  for (const h of hits)
    if (!h.format.requiresCarrier || documentCarriers?.includes(h.format.carrier)) return false;
  // Printed in groups ("1-800-225-5345", "0049 171 2345678"), a generic shape is a phone number far more often.
  if (candidate.joined) return true;
  const from = Math.max(0, candidate.start - CARRIER_WINDOW_BEFORE);
  const to = Math.min(text.length, candidate.end + CARRIER_WINDOW_AFTER);
  for (const h of hits)
    for (const name of NAMES_OF.get(h.format.carrier) ?? []) if (occursIn(text, from, to, name)) return false;
  return true;
}

/** Whether `name` (lower case) starts in `text[from, to)`, ASCII letters in any case; allocates nothing. */
function occursIn(text: string, from: number, to: number, name: string): boolean {
  outer: for (let i = from; i < to; i++) {
    for (let k = 0; k < name.length; k++) {
      const a = text.charCodeAt(i + k);
      const b = name.charCodeAt(k);
      if (a !== b && ((a | 32) !== b || b < 97 || b > 122)) continue outer;
    }
    return true;
  }
  return false;
}

/** Whether the number's surroundings or its document name `format`'s carrier. */
function carrierNamed(
  format: TrackingFormat,
  link: LinkInfo | null,
  ctx: TextContext | null,
  documentCarriers: readonly CarrierCode[] | undefined,
): boolean {
  if (documentCarriers?.includes(format.carrier)) return true;
  if (link) return linkVouchesFor(link.carrier, format.carrier);
  return (
    ctx !== null &&
    ctx.label !== 'other' &&
    (ctx.carriersBefore.has(format.carrier) || ctx.carriersAfter.has(format.carrier))
  );
}

/**
 * Weighs one format hit for a candidate, given its surroundings, and notes why when `record` is
 * set. Hits are weighed without noting first: only the winner's evidence is kept.
 */
function weighHit(
  hit: FormatHit,
  candidate: Candidate,
  phoneGrouped: boolean,
  link: LinkInfo | null,
  ctx: TextContext | null,
  documentCarriers: readonly CarrierCode[] | undefined,
  record: boolean,
): number {
  const { format } = hit;
  let score: number = BASE_SCORE[format.strength];
  if (record && format.checksum) noted[notedCount++] = 'checksum';
  if (record && format.strength === 'strong' && !format.checksum) noted[notedCount++] = 'prefix';
  if (documentCarriers?.includes(format.carrier)) {
    score += WEIGHT.documentCarrier;
    if (record) noted[notedCount++] = 'document-carrier';
  }

  if (format.requiresCarrier && !carrierNamed(format, link, ctx, documentCarriers)) return 0;
  if (
    format.requiresLabel &&
    ctx?.label !== 'tracking' &&
    !(link && linkVouchesFor(link.carrier, format.carrier))
  )
    return 0;
  if (link) {
    if (linkVouchesFor(link.carrier, format.carrier)) {
      score += WEIGHT.carrierLink;
      if (record) noted[notedCount++] = 'carrier-link';
    } else if (link.tracking && link.carrier === null) {
      score += WEIGHT.trackingLink;
      if (record) noted[notedCount++] = 'tracking-link';
    } else {
      // An id in a shop, marketplace or other carrier's link.
      score += WEIGHT.foreignLink;
    }
  }
  if (ctx) {
    if (ctx.label === 'tracking') {
      score += WEIGHT.trackingLabel;
      if (record) noted[notedCount++] = 'label';
    } else if (ctx.label === 'other')
      score += format.strength === 'strong' ? WEIGHT.otherLabelOnStrong : WEIGHT.otherLabel;
    if (ctx.phoneLike) score += WEIGHT.phone;
    const before = ctx.carriersBefore.get(format.carrier);
    const after = ctx.carriersAfter.get(format.carrier);
    if (ctx.label !== 'other' && (before !== undefined || after !== undefined)) {
      if (before !== undefined) score += before <= CARRIER_NEAR ? WEIGHT.carrierNear : WEIGHT.carrierFar;
      else score += WEIGHT.carrierAfter;
      if (record) noted[notedCount++] = 'carrier-name';
    }
  }
  if (candidate.hyphenated && !format.display) score += WEIGHT.hyphen;
  if (candidate.hasLower && !link) score += WEIGHT.lowerCase;
  if (phoneGrouped && format.strength !== 'strong') score += WEIGHT.phoneShape;
  return round(clamp01(score));
}

/** Whether `a` beats `b`: more confident, else the carrier named nearest, else the preferred format. */
function beats(
  a: FormatHit,
  aConfidence: number,
  b: FormatHit,
  bConfidence: number,
  ctx: TextContext | null,
): boolean {
  if (aConfidence !== bConfidence) return aConfidence > bConfidence;
  const nearestA = ctx?.carriersBefore.get(a.format.carrier) ?? Number.POSITIVE_INFINITY;
  const nearestB = ctx?.carriersBefore.get(b.format.carrier) ?? Number.POSITIVE_INFINITY;
  if (nearestA !== nearestB) return nearestA < nearestB;
  return a.rank < b.rank;
}

/** Whether every hit is a strong format of one carrier. */
function singleStrongCarrier(hits: readonly FormatHit[]): boolean {
  const carrier = hits[0]?.format.carrier;
  for (const h of hits) if (h.format.strength !== 'strong' || h.format.carrier !== carrier) return false;
  return true;
}

/**
 * Whether a number may be reported as `format`'s carrier in a document that names `documentCarriers`: when the
 * document names its carrier, a generic shape of another carrier is a coincidence unless the text itself names that
 * carrier or a link of that carrier carries the number (reads the evidence just noted for the winning hit).
 */
function documentVouches(format: TrackingFormat, documentCarriers: readonly CarrierCode[]): boolean {
  if (format.strength === 'strong' || documentCarriers.includes(format.carrier)) return true;
  for (let i = 0; i < notedCount; i++) {
    const e = noted[i];
    if (e === 'carrier-name' || e === 'carrier-link') return true;
  }
  return false;
}

function displayNumber(format: TrackingFormat, normalised: string): string {
  return format.display ? format.display(normalised) : normalised;
}

/**
 * Every tracking number in a text, once per position, best first within overlapping spans.
 * By default only what a user should see; pass a lower `minConfidence` for weaker candidates.
 */
export function findTrackingNumbers(text: string, options: FindOptions = {}): TrackingMatch[] {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (typeof text !== 'string' || text.length === 0) return [];
  const documentCarriers =
    options.documentCarriers && options.documentCarriers.length > 0 ? options.documentCarriers : undefined;
  const found: TrackingMatch[] = [];
  scanCandidates(text, MIN_NUMBER_LENGTH, MAX_NUMBER_LENGTH, mayMatch, (candidate) => {
    const hits = matchFormats(candidate.normalised);
    if (hits.length === 0) return;
    const link = linkAround(text, candidate.start);
    if (!link && onlyUnnamedCarriers(text, candidate, hits, documentCarriers)) return;
    // "PRO 123456789" is a label and its number, not the number "PRO123456789" (a Purolator shape).
    if (candidate.joined && opensWithLabelWord(text, candidate.start, candidate.end)) return;
    // A strong format of a single carrier stands on its own: the surroundings could neither
    // reject it nor change its carrier, so they are only read when they can matter.
    const settled = !candidate.hasLower && singleStrongCarrier(hits);
    const ctx =
      link || settled
        ? null
        : readContext(
            text,
            candidate.start,
            candidate.end,
            hits.map((h) => h.format.carrier),
          );
    // Only weak and medium formats pay for phone-like grouping, and a settled number has none.
    const phoneGrouped = candidate.joined && !settled && phoneShaped(text, candidate.start, candidate.end);
    // Plain loops: this runs for every hit of a large page, and sorting or mapping allocates.
    let best: FormatHit | undefined;
    let bestConfidence = -1;
    let bestTier = -1;
    for (const hit of hits) {
      const confidence = weighHit(hit, candidate, phoneGrouped, link, ctx, documentCarriers, false);
      // Evidence beats shape: a reading whose carrier is named (beside the number, by its link or by the document)
      // wins over one that only fits another carrier's generic shape; a strong shape still stands on its own.
      const tier =
        hits.length > 1 &&
        confidence >= minConfidence &&
        (hit.format.strength === 'strong' || carrierNamed(hit.format, link, ctx, documentCarriers))
          ? 1
          : 0;
      if (
        !best ||
        tier > bestTier ||
        (tier === bestTier && beats(hit, confidence, best, bestConfidence, ctx))
      ) {
        best = hit;
        bestConfidence = confidence;
        bestTier = tier;
      }
    }
    if (!best || bestConfidence < minConfidence) return;
    notedCount = 0;
    weighHit(best, candidate, phoneGrouped, link, ctx, documentCarriers, true);
    if (documentCarriers && !documentVouches(best.format, documentCarriers)) return;
    found.push({
      number: displayNumber(best.format, candidate.normalised),
      carrier: best.format.carrier,
      formatId: best.format.id,
      start: candidate.start,
      end: candidate.end,
      confidence: bestConfidence,
      evidence: noted.slice(0, notedCount),
    });
  });
  return resolveOverlaps(found);
}

/**
 * Longest first (a number is never reported as a piece of a longer one it is part of), then
 * most confident.
 */
const byPreference = (a: TrackingMatch, b: TrackingMatch) =>
  b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start;

const byStart = (a: TrackingMatch, b: TrackingMatch) => a.start - b.start;

/** Whether `m` overlaps one of `matches` (a loop: a closure per match would allocate). */
function overlapsAny(matches: readonly TrackingMatch[], m: TrackingMatch): boolean {
  for (const c of matches) if (c.start < m.end && m.start < c.end) return true;
  return false;
}

/**
 * Keeps the preferred match where matches overlap. `matches` arrive sorted by start, so the
 * overlapping ones form short runs ("clusters") that are settled one at a time.
 */
function resolveOverlaps(matches: TrackingMatch[]): TrackingMatch[] {
  const kept: TrackingMatch[] = [];
  const cluster: TrackingMatch[] = [];
  let clusterEnd = -1;
  const settle = () => {
    const only = cluster.length === 1 ? cluster[0] : undefined;
    if (only) kept.push(only);
    else if (cluster.length > 1) {
      const chosen: TrackingMatch[] = [];
      for (const m of cluster.sort(byPreference)) if (!overlapsAny(chosen, m)) chosen.push(m);
      for (const m of chosen.sort(byStart)) kept.push(m);
    }
    // Reused: most clusters hold a single match.
    cluster.length = 0;
  };
  for (const m of matches) {
    if (m.start >= clusterEnd) settle();
    cluster.push(m);
    clusterEnd = Math.max(clusterEnd, m.end);
  }
  settle();
  return kept;
}

export interface IdentifiedNumber {
  number: string;
  carrier: CarrierCode;
  formatId: string;
  /** The number carries a check digit that verified. */
  checksum: boolean;
  /** Other carriers/formats the same number also fits, most likely first. */
  alternatives: { carrier: CarrierCode; formatId: string }[];
  trackingUrl: string | null;
}

const STRENGTH_ORDER = { strong: 0, medium: 1, weak: 2 } as const;

/** Upper case without separators; null when the input cannot be a number. */
function normaliseInput(input: string): string | null {
  const compact = input.replace(/[\s\u00a0\u2009\u202f-]+/g, '').toUpperCase();
  return /^[0-9A-Z]+$/.test(compact) && compact.length <= MAX_NUMBER_LENGTH ? compact : null;
}

function identifyNormalised(normalised: string, preferred: CarrierCode | null): IdentifiedNumber | null {
  const hits = [...matchFormats(normalised)].sort(
    (a, b) =>
      Number(b.format.carrier === preferred) - Number(a.format.carrier === preferred) ||
      Number(a.format.requiresCarrier === true) - Number(b.format.requiresCarrier === true) ||
      STRENGTH_ORDER[a.format.strength] - STRENGTH_ORDER[b.format.strength] ||
      Number(b.format.checksum) - Number(a.format.checksum) ||
      a.rank - b.rank,
  );
  const best = hits[0];
  // A shape that needs its carrier named (11 digits for GLS...) says nothing alone: only with its carrier's link.
  if (!best || (best.format.requiresCarrier && best.format.carrier !== preferred)) return null;
  const number = displayNumber(best.format, normalised);
  const alternatives = hits
    .slice(1)
    .filter((h, i, all) => all.findIndex((o) => o.format.id === h.format.id) === i)
    .map((h) => ({ carrier: h.format.carrier, formatId: h.format.id }));
  return {
    number,
    carrier: best.format.carrier,
    formatId: best.format.id,
    checksum: best.format.checksum,
    alternatives,
    trackingUrl: trackingUrlFor(best.format.carrier, number),
  };
}

/**
 * What a single pasted number (or tracking link) is, for manual add; null when it is none.
 * Spaces and hyphens are ignored; a number that fits several carriers lists the others.
 */
export function identifyTrackingNumber(input: string): IdentifiedNumber | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const parsed = parseTrackingUrl(trimmed);
    const first = parsed?.numbers[0];
    return first ? identifyNormalised(first.replace(/-/g, ''), parsed?.carrier ?? null) : null;
  }
  const normalised = normaliseInput(trimmed);
  return normalised ? identifyNormalised(normalised, null) : null;
}

/**
 * The carrier and number(s) in a carrier tracking link, after unwrapping e-mail redirectors
 * (Google `/url?q=`, Outlook Safe Links `?url=`, Amazon `/gp/r.html?U=`, ...). Null for
 * links that are not tracking links.
 */
export function parseTrackingUrl(url: string): ParsedTrackingUrl | null {
  if (typeof url !== 'string') return null;
  return parseLink(url, (value, carrier) => {
    const normalised = normaliseInput(value);
    if (!normalised) return null;
    const hit = identifyNormalised(normalised, carrier);
    if (!hit) return null;
    // On a carrier's own site only its formats count; on a universal tracker any format does.
    if (carrier && !linkVouchesFor(carrier, hit.carrier)) return null;
    return { number: hit.number, carrier: hit.carrier };
  });
}
