import * as v from 'valibot';
import { DetectionSchema } from '../messages';
import type { Detection, Eta, PackageRecord, PackageStatus, TrackingEvent } from '../store/types';
import { failure } from './http';
import type { PackageOutcome, ProviderFailure } from './types';

/**
 * Shared by every provider: API answers are hostile input, so text is cleaned and bounded, dates are checked, and
 * the finished detection is validated with the same schema that guards content-script messages before it can
 * reach the store.
 */

const MAX_EVENTS = 200;
/** Carrier clocks drift and some send local times without a zone: tolerate a little future, refuse more. */
const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Trimmed, single-spaced, control-free text of at most `max` characters, or undefined when empty or not text. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Epoch ms of an ISO 8601 instant (or epoch ms / s number), or undefined. Years outside 2000–2100 are refused. */
export function parseInstant(value: unknown): number | undefined {
  let at: number;
  if (typeof value === 'number' && Number.isFinite(value)) at = value < 1e11 ? value * 1000 : value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim()))
    at = Date.parse(value.trim());
  else return undefined;
  if (Number.isNaN(at)) return undefined;
  const year = new Date(at).getUTCFullYear();
  return year >= 2000 && year <= 2100 ? at : undefined;
}

/** `YYYY-MM-DD` as stated at the start of a date or date-time string (the carrier's own calendar day). */
export function statedDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso = date.toISOString().slice(0, 10);
  return iso === `${y}-${m}-${d}` ? iso : undefined;
}

/** `HH:MM` as stated in a date-time string (`…T18:00…`), when it has a time. */
export function statedTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, h, m] = match;
  return Number(h) < 24 && Number(m) < 60 ? `${h}:${m}` : undefined;
}

/** An estimate from a day or a window; the end is dropped when it equals or precedes the start. */
export function etaFrom(start: unknown, end?: unknown, by?: string): Eta | undefined {
  const first = statedDate(start) ?? statedDate(end);
  if (!first) return undefined;
  const eta: Eta = { start: first };
  const last = statedDate(end);
  if (last && last > first) eta.end = last;
  if (by && /^\d{2}:\d{2}$/.test(by)) eta.by = by;
  return eta;
}

export interface EventInput {
  at: number | undefined;
  status: PackageStatus;
  description: unknown;
  location?: unknown;
}

/** Valid events, newest first, deduplicated by time and text, bounded. */
export function cleanEvents(inputs: EventInput[], now: number): TrackingEvent[] {
  const byKey = new Map<string, TrackingEvent>();
  for (const input of inputs) {
    if (input.at === undefined || input.at > now + FUTURE_TOLERANCE_MS) continue;
    const description = cleanText(input.description, 500);
    if (!description) continue;
    const event: TrackingEvent = { at: input.at, status: input.status, description };
    const location = cleanText(input.location, 200);
    if (location) event.location = location;
    byKey.set(`${event.at}|${description}`, event);
  }
  return [...byKey.values()].sort((a, b) => b.at - a.at).slice(0, MAX_EVENTS);
}

/** "City, ST, 12345, US" from whichever parts are present. */
export function joinLocation(...parts: unknown[]): string | undefined {
  const cleaned = parts.map((p) => cleanText(p, 80)).filter((p): p is string => Boolean(p));
  return cleaned.length > 0 ? cleaned.join(', ') : undefined;
}

export interface StatusFacts {
  status: PackageStatus;
  statusText?: unknown;
  /** When the status became true (latest event); defaults to the newest event, then to now. */
  statusAt?: number;
  eta?: Eta;
  events?: TrackingEvent[];
  /** Identity facts a provider may reveal (Amazon: the carrier's tracking number). */
  number?: string;
  carrier?: string;
  trackUrl?: string;
  sourceUrl?: string;
}

/**
 * The detection a successful refresh produces for one package, validated with the message schema. A provider
 * answer that does not fit (bad number, oversized text, non-http link) becomes a `malformed` failure instead.
 */
export function refreshOutcome(
  pkg: PackageRecord,
  facts: StatusFacts,
  now: number,
  providerName: string,
): PackageOutcome {
  const events = facts.events ?? [];
  const newest = events[0]?.at;
  // A status time in the future would make this answer unbeatable by later evidence: clamp it to now.
  const statusAt = Math.min(facts.statusAt ?? newest ?? now, now);
  const detection: Detection = {
    status: facts.status,
    statusAt,
    source: { kind: 'refresh', seenAt: now },
  };
  const number = facts.number ?? pkg.number;
  if (number) detection.number = number;
  if (facts.carrier) detection.carrier = facts.carrier;
  if (pkg.orderId) detection.orderId = pkg.orderId;
  if (pkg.shipmentId) detection.shipmentId = pkg.shipmentId;
  const statusText = cleanText(facts.statusText, 300);
  if (statusText) detection.statusText = statusText;
  if (facts.eta) detection.eta = facts.eta;
  if (events.length > 0) detection.events = events;
  if (facts.trackUrl && /^https?:\/\//i.test(facts.trackUrl)) detection.trackUrl = facts.trackUrl;
  if (facts.sourceUrl) detection.source.url = facts.sourceUrl;
  const checked = v.safeParse(DetectionSchema, detection);
  if (!checked.success) {
    const issue = checked.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return failOne(pkg, failure('malformed', providerName, { detail: `bad ${path || 'field'}` }));
  }
  return { id: pkg.id, ok: true, detection: checked.output as Detection };
}

/** A package the provider could say nothing useful about. */
export function failOne(pkg: PackageRecord, f: ProviderFailure): PackageOutcome {
  return { id: pkg.id, ok: false, failure: f };
}

/** The same failure for every package of a batch (the request as a whole failed). */
export function failAll(packages: PackageRecord[], f: ProviderFailure): PackageOutcome[] {
  return packages.map((pkg) => failOne(pkg, f));
}
