import { carrierFromHost, linkVouchesFor } from '../tracking/url';
import { clampDetection, clampRecord } from './clamp';
import { isFinished, isProblem, statusRank } from './status';
import type { Detection, PackageRecord, SourceKind, SourceRef, TrackingEvent } from './types';

const MAX_SOURCES = 10;
const MAX_EVENTS = 200;
const MAX_ITEM_TITLES = 10;

/** A new record for a package seen for the first time. */
export function createRecord(detection: Detection, id: string, now: number): PackageRecord {
  const empty: PackageRecord = {
    id,
    itemTitles: [],
    status: 'unknown',
    events: [],
    sources: [],
    createdAt: now,
    updatedAt: now,
  };
  return mergeDetection(empty, detection, now);
}

/**
 * Folds one detection into a record and returns the new record (the input is not modified).
 * Rules: identifiers are filled in, never erased; newer facts win; a status only replaces the current one when it is
 * at least as recent and does not move the package backwards without a newer timestamp; the user's label, note and
 * archive flag are never touched.
 */
export function mergeDetection(record: PackageRecord, sighting: Detection, now: number): PackageRecord {
  // Times from outside are bounded by this clock: a status dated years ahead must not freeze the package.
  const detection = clampDetection(sighting, now);
  return mergeFacts(record, detection, now, detection.statusAt !== undefined);
}

/** `dated`: whether the detection's status time is an event or e-mail time rather than when a page was seen. */
function mergeFacts(record: PackageRecord, detection: Detection, now: number, dated: boolean): PackageRecord {
  const next: PackageRecord = { ...record, updatedAt: now };
  // A sighting that tries to re-point the package somewhere off the carrier's site is not believed about its status,
  // estimate or events either: a lookalike "delivery attempted" mail must change nothing a user would act on.
  // Refreshes come from the providers the background itself asked, at their fixed hosts.
  const believed = detection.source.kind === 'refresh' || acceptsLink(record, detection);
  next.number = record.number ?? detection.number;
  next.carrier = pickCarrier(record, detection);
  next.orderId = record.orderId ?? detection.orderId;
  next.shipmentId = record.shipmentId ?? detection.shipmentId;
  next.merchant = record.merchant ?? detection.merchant;
  next.trackUrl = believed ? (detection.trackUrl ?? record.trackUrl) : record.trackUrl;
  next.itemTitles = unique([...record.itemTitles, ...(detection.itemTitles ?? [])]).slice(0, MAX_ITEM_TITLES);
  next.sources = appendSource(record.sources, detection.source);
  next.events = believed ? mergeEvents(record.events, detection.events ?? []) : record.events;
  if (!believed) return next;

  let statusAccepted = false;
  if (detection.status) {
    const statusAt = detection.statusAt ?? detection.source.seenAt;
    if (acceptsStatus(record, detection.status, statusAt, dated)) {
      statusAccepted = true;
      next.status = detection.status;
      next.statusText = detection.statusText;
      next.statusAt = statusAt;
      if (dated) {
        delete next.statusUndated;
        delete next.statusDatedAt;
      } else {
        next.statusUndated = true;
        const lastDatedAt =
          record.status === 'unknown'
            ? undefined
            : record.statusUndated
              ? record.statusDatedAt
              : record.statusAt;
        if (lastDatedAt === undefined) delete next.statusDatedAt;
        else next.statusDatedAt = lastDatedAt;
      }
      if (detection.status === 'delivered') next.deliveredAt = record.deliveredAt ?? statusAt;
    }
  }
  if (detection.eta && !isFinished(next.status)) {
    const etaIsCurrent =
      statusAccepted || (detection.statusAt ?? detection.source.seenAt) >= (record.statusAt ?? 0);
    if (etaIsCurrent || !record.eta) next.eta = detection.eta;
  }
  if (detection.source.kind === 'refresh') {
    next.lastCheckedAt = detection.source.seenAt;
    next.lastError = undefined;
  }
  return next;
}

/**
 * Whether a reported status may replace the record's. Older evidence never does. Moving forward is fine at the same
 * age or newer. Moving back needs strictly newer *dated* evidence (an event or e-mail time): an undated report only
 * says when the page was seen, and an old "shipped" e-mail reopened after delivery is seen "now" too. The exception
 * is a problem (failed attempt, exception, return) reported while the package is still under way: it is believed,
 * because hiding a problem is worse than showing one that a later event clears.
 * An undated sighting ("Arriving Tuesday" on an order list, seen now) is only as old as the dated evidence before it
 * when dated evidence arrives later: a dated event further along (out for delivery at 09:12) wins over it even though
 * it was seen later, and the result is the same whichever of the two arrives first.
 */
function acceptsStatus(
  record: PackageRecord,
  status: PackageRecord['status'],
  statusAt: number,
  dated: boolean,
): boolean {
  if (record.status === 'unknown' || record.statusAt === undefined) return true;
  if (dated && record.statusUndated) {
    // Dated evidence is measured against the last dated status; when older than the sighting it must be further along.
    if (record.statusDatedAt !== undefined && statusAt < record.statusDatedAt) return false;
    if (statusAt < record.statusAt) return statusRank(status) > statusRank(record.status);
  }
  if (statusAt < record.statusAt) return false;
  if (statusRank(status) >= statusRank(record.status)) return true;
  if (statusAt === record.statusAt) return false;
  return dated || (isProblem(status) && !isFinished(record.status));
}

/** The host of an http(s) URL, lower case, or undefined. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.hostname.toLowerCase()
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `url` is on a site of the package's carrier (its tracking site or a domain it mails from). */
export function isCarrierHost(url: string | undefined, carrier: string | undefined): boolean {
  const host = hostOf(url);
  if (!host || !carrier) return false;
  const linkCarrier = carrierFromHost(host);
  // `linkVouchesFor` compares codes only; an unknown carrier string simply never matches.
  return linkVouchesFor(linkCarrier, carrier as Parameters<typeof linkVouchesFor>[1]);
}

/**
 * Whether a later sighting may re-point the package's tracking link. The first link is taken as found; after that
 * only to the carrier's own site, to a link read on the carrier's own page, or within the host the link is on
 * already (an Amazon tracker page for the same shipment). A lookalike e-mail ("ups-delivery-help.example") naming
 * an already tracked number cannot swap the link for its own page.
 */
export function acceptsLink(record: PackageRecord, detection: Detection): boolean {
  const link = detection.trackUrl;
  if (!link || link === record.trackUrl || !record.trackUrl) return true;
  const carrier = record.carrier ?? detection.carrier;
  if (isCarrierHost(link, carrier) || isCarrierHost(detection.source.url, carrier)) return true;
  const host = hostOf(link);
  return host !== undefined && host === hostOf(record.trackUrl);
}

function pickCarrier(record: PackageRecord, detection: Detection): string | undefined {
  // Amazon shipments often start as "amazon" and are later revealed as a UPS/USPS number: the number's carrier wins.
  if (detection.number && detection.carrier && (!record.number || record.number === detection.number)) {
    return detection.carrier;
  }
  return record.carrier ?? detection.carrier;
}

function appendSource(sources: SourceRef[], source: SourceRef): SourceRef[] {
  const withoutSame = sources.filter((s) => !(s.kind === source.kind && s.url === source.url));
  return [...withoutSame, source].slice(-MAX_SOURCES);
}

function mergeEvents(current: TrackingEvent[], incoming: TrackingEvent[]): TrackingEvent[] {
  if (incoming.length === 0) return current;
  const byKey = new Map<string, TrackingEvent>();
  for (const event of [...current, ...incoming]) byKey.set(`${event.at}|${event.description}`, event);
  return [...byKey.values()].sort((a, b) => b.at - a.at).slice(0, MAX_EVENTS);
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** The facts of a whole record as one detection, so records from an import, sync or a duplicate merge by the same rules. */
export function detectionFromRecord(record: PackageRecord, kind: SourceKind, seenAt: number): Detection {
  return {
    number: record.number,
    carrier: record.carrier,
    orderId: record.orderId,
    shipmentId: record.shipmentId,
    merchant: record.merchant,
    itemTitles: record.itemTitles,
    // A status without its own time is as old as the record's last change, never "now".
    status: record.status === 'unknown' ? undefined : record.status,
    statusText: record.statusText,
    statusAt: record.status === 'unknown' ? undefined : (record.statusAt ?? record.updatedAt),
    eta: record.eta,
    events: record.events,
    trackUrl: record.trackUrl,
    source: { kind, seenAt },
  };
}

/**
 * The user's own fields (label, note, archive) of two copies of a package: the more recent edit wins whole (so a
 * label cleared on purpose stays cleared); a copy that was never edited only fills what the other lacks.
 */
export function mergeUserFields(local: PackageRecord, incoming: PackageRecord): PackageRecord {
  const next = { ...local };
  if ((incoming.userEditedAt ?? -1) > (local.userEditedAt ?? -1)) {
    next.label = incoming.label;
    next.note = incoming.note;
    next.archivedAt = incoming.archivedAt;
    next.userEditedAt = incoming.userEditedAt;
  } else if (local.userEditedAt === undefined) {
    next.label ??= incoming.label;
    next.note ??= incoming.note;
    next.archivedAt ??= incoming.archivedAt;
  }
  return next;
}

/**
 * Folds another copy of the same package into `target`: facts by the detection rules (so nothing older wins), every
 * source and event kept, the earliest creation and delivery times, and the user's fields by `mergeUserFields`.
 */
export function mergeRecords(
  target: PackageRecord,
  other: PackageRecord,
  now: number,
  addedSource?: SourceRef,
): PackageRecord {
  other = clampRecord(other, now);
  const detection = clampDetection(detectionFromRecord(other, 'import', now), now);
  // The other copy's status keeps its kind: a sighting stays a sighting, so it cannot outrank a dated event here.
  const facts = mergeFacts(target, detection, now, !other.statusUndated && detection.statusAt !== undefined);
  const merged = mergeUserFields(facts, other);
  merged.sources = unionSources([...target.sources, ...other.sources, ...(addedSource ? [addedSource] : [])]);
  merged.createdAt = Math.min(target.createdAt, other.createdAt);
  const [newer, older] = other.updatedAt > target.updatedAt ? [other, target] : [target, other];
  merged.trackUrl = newer.trackUrl ?? older.trackUrl;
  // The re-pointing rule of a sighting holds for another copy too (an import file, a duplicate record).
  if (
    target.trackUrl &&
    !acceptsLink(target, { trackUrl: merged.trackUrl, source: { kind: 'import', seenAt: now } })
  )
    merged.trackUrl = target.trackUrl;
  if (merged.status === 'delivered') {
    const times = [target.deliveredAt, other.deliveredAt, merged.deliveredAt].filter((t) => t !== undefined);
    merged.deliveredAt = times.length > 0 ? Math.min(...times) : undefined;
  }
  merged.lastCheckedAt = maxDefined(target.lastCheckedAt, other.lastCheckedAt);
  return merged;
}

export function unionSources(sources: SourceRef[]): SourceRef[] {
  const byKey = new Map<string, SourceRef>();
  for (const source of [...sources].sort((a, b) => a.seenAt - b.seenAt)) {
    byKey.delete(`${source.kind}|${source.url ?? ''}`);
    byKey.set(`${source.kind}|${source.url ?? ''}`, source);
  }
  return [...byKey.values()].slice(-MAX_SOURCES);
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
