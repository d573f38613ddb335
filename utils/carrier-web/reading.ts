import { failure } from '../providers/http';
import { failOne, refreshOutcome, type StatusFacts } from '../providers/normalize';
import type { PackageOutcome } from '../providers/types';
import type { PackageRecord } from '../store/types';

/**
 * What a carrier's own tracking JSON says about one number, read the same way whether the answer was captured on
 * the carrier's page (capture on visit) or asked for from the background (keyless refresh).
 *
 * - `found`: the carrier answered for exactly this number; `facts` are ready for `refreshOutcome`.
 * - `not_found`: the carrier said explicitly that it has no record of the number (never inferred from an empty or
 *   odd answer).
 * - `unreadable`: anything else (empty, another number, a shape we do not know): "couldn't check", nothing stored.
 */
export type CarrierReading =
  | { kind: 'found'; number: string; facts: StatusFacts }
  | { kind: 'not_found'; number: string; detail?: string }
  | { kind: 'unreadable'; reason: string };

/** A carrier page's request and answer as the page-world hook saw them (hostile until read). */
export interface CapturedJson {
  /** URL the page requested. */
  url: string;
  /** Request body the page sent (UPS puts the numbers there). */
  requestBody?: string;
  /** Response text. */
  body: string;
}

/** What capture on visit needs of one carrier endpoint: the numbers its request asked about, the answer's reader. */
export interface CaptureReader {
  asked: (captured: CapturedJson) => string[];
  read: (json: unknown, asked: string, now: number) => CarrierReading;
}

/** Upper case without spaces or dashes: how carriers and Doorstep both spell a number for comparison. */
export function compactNumber(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{6,40}$/.test(compact) ? compact : undefined;
}

/** `2026-04-29` + `08:46:00` + `-0400` (or `-04:00`, or nothing for UTC) as epoch ms, or undefined. */
export function zonedInstant(date: unknown, time: unknown, offset: unknown): number | undefined {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const clock = typeof time === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(time) ? time : undefined;
  if (!clock) return undefined;
  let zone = 'Z';
  if (typeof offset === 'string' && offset.trim()) {
    const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
    if (!match) return undefined;
    zone = `${match[1]}${match[2]}:${match[3]}`;
  }
  const at = Date.parse(`${date}T${clock.length === 5 ? `${clock}:00` : clock}${zone}`);
  return Number.isNaN(at) ? undefined : at;
}

/** A reading as the refresh runner's outcome: found facts through the shared validation, the rest as failures. */
export function outcomeOf(
  pkg: PackageRecord,
  reading: CarrierReading,
  now: number,
  carrierName: string,
): PackageOutcome {
  if (reading.kind === 'not_found')
    return failOne(pkg, failure('not_found', carrierName, reading.detail ? { detail: reading.detail } : {}));
  if (reading.kind === 'unreadable')
    return failOne(pkg, failure('malformed', carrierName, { detail: `couldn't check: ${reading.reason}` }));
  return refreshOutcome(pkg, reading.facts, now, carrierName);
}
