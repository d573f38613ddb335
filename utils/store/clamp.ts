import type { Detection, PackageRecord, TrackingEvent } from './types';

/**
 * Timestamps from outside (page messages, imports, other devices, providers) are bounded by this device's clock. A
 * date far in the future would otherwise win every "newer" comparison forever: a status dated 2243 freezes the
 * package, an edit dated 2243 reverts every rename the user makes, a deletion dated 2243 never expires.
 */

/** How far ahead of this device's clock an outside time may be: clock skew between devices or a mail server. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/** `at`, or now plus the tolerance when it is later than that. */
export function clampTime(at: number, now: number): number {
  return Math.min(at, now + FUTURE_TOLERANCE_MS);
}

/** Whether a time from outside is later than this clock allows: a claim about the future, evidence of nothing. */
export function isFuture(at: number | undefined, now: number): boolean {
  return at !== undefined && at > now + FUTURE_TOLERANCE_MS;
}

function clampEvents(events: TrackingEvent[], now: number): TrackingEvent[] {
  const limit = now + FUTURE_TOLERANCE_MS;
  return events.some((e) => e.at > limit)
    ? events.map((e) => (e.at > limit ? { ...e, at: limit } : e))
    : events;
}

/**
 * A detection with its times bounded. A status dated in the future loses its date (it counts as seen now, undated,
 * so it cannot move a package backwards, and a later dated event still wins); sighting and event times are clamped.
 * Clamping alone would not do for the status: the same mail read again tomorrow would be "now" again.
 */
export function clampDetection(detection: Detection, now: number): Detection {
  const next: Detection = { ...detection, source: { ...detection.source } };
  next.source.seenAt = clampTime(detection.source.seenAt, now);
  if (isFuture(detection.statusAt, now)) delete next.statusAt;
  if (detection.events) next.events = clampEvents(detection.events, now);
  return next;
}

/**
 * A whole record from outside (an import, an undo, another device) with its times bounded. Times that are claims
 * about the future count for nothing: an edit "made" in 2243 is no edit (it would beat every rename the user makes,
 * on every import of the same file), a status or delivery dated then is undated; creation, change and archive times
 * are clamped, since the record needs them.
 */
export function clampRecord(record: PackageRecord, now: number): PackageRecord {
  const createdAt = clampTime(record.createdAt, now);
  const next: PackageRecord = {
    ...record,
    createdAt,
    updatedAt: isFuture(record.updatedAt, now) ? createdAt : record.updatedAt,
    events: clampEvents(record.events, now),
    sources: record.sources.map((s) => ({ ...s, seenAt: clampTime(s.seenAt, now) })),
  };
  if (record.archivedAt !== undefined) next.archivedAt = clampTime(record.archivedAt, now);
  for (const key of ['statusAt', 'deliveredAt', 'userEditedAt', 'lastCheckedAt'] as const)
    if (isFuture(record[key], now)) delete next[key];
  return next;
}
