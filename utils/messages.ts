import * as v from 'valibot';
import { PACKAGE_STATUSES, SOURCE_KINDS } from './store/types';

/**
 * Every message sent to the background, validated at the boundary. Content scripts run among hostile pages, so each
 * field is bounded: a malformed or oversized message is rejected whole and changes nothing.
 */

/** A normalised tracking number: upper case, no spaces; a hyphen only inside (LaserShip's "-1" piece suffix). */
export const TrackingNumberSchema = v.pipe(v.string(), v.regex(/^[A-Z0-9](?:[A-Z0-9-]{4,38})[A-Z0-9]$/));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^\d{2}:\d{2}$/;
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const identifier = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9-]{4,40}$/));
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
  v.url(),
);

export const EtaSchema = v.object({
  start: v.pipe(v.string(), v.regex(ISO_DATE)),
  end: v.optional(v.pipe(v.string(), v.regex(ISO_DATE))),
  by: v.optional(v.pipe(v.string(), v.regex(TIME_OF_DAY))),
  timeZone: v.optional(text(64)),
});

export const TrackingEventSchema = v.object({
  at: epochMs,
  status: v.picklist(PACKAGE_STATUSES),
  description: text(500),
  location: v.optional(text(200)),
});

export const DetectionSchema = v.pipe(
  v.object({
    number: v.optional(TrackingNumberSchema),
    carrier: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_]{2,32}$/))),
    orderId: v.optional(identifier),
    shipmentId: v.optional(identifier),
    merchant: v.optional(text(120)),
    itemTitles: v.optional(v.pipe(v.array(text(300)), v.maxLength(20))),
    status: v.optional(v.picklist(PACKAGE_STATUSES)),
    statusText: v.optional(text(300)),
    statusAt: v.optional(epochMs),
    eta: v.optional(EtaSchema),
    events: v.optional(v.pipe(v.array(TrackingEventSchema), v.maxLength(200))),
    trackUrl: v.optional(httpUrl),
    source: v.object({
      kind: v.picklist(SOURCE_KINDS),
      url: v.optional(httpUrl),
      seenAt: epochMs,
    }),
  }),
  v.check((d) => Boolean(d.number || d.orderId), 'a detection needs a tracking number or an order id'),
);

const packageId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** A whole stored package, as sent back for "undo delete" or read from an import file. */
export const PackageRecordSchema = v.object({
  id: packageId,
  number: v.optional(TrackingNumberSchema),
  carrier: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_]{2,32}$/))),
  orderId: v.optional(identifier),
  shipmentId: v.optional(identifier),
  merchant: v.optional(text(120)),
  itemTitles: v.pipe(v.array(text(300)), v.maxLength(20)),
  label: v.optional(text(120)),
  note: v.optional(text(2000)),
  status: v.picklist(PACKAGE_STATUSES),
  statusText: v.optional(text(300)),
  statusAt: v.optional(epochMs),
  eta: v.optional(EtaSchema),
  events: v.pipe(v.array(TrackingEventSchema), v.maxLength(200)),
  trackUrl: v.optional(httpUrl),
  sources: v.pipe(
    v.array(v.object({ kind: v.picklist(SOURCE_KINDS), url: v.optional(httpUrl), seenAt: epochMs })),
    v.maxLength(20),
  ),
  createdAt: epochMs,
  updatedAt: epochMs,
  deliveredAt: v.optional(epochMs),
  archivedAt: v.optional(epochMs),
  userEditedAt: v.optional(epochMs),
  lateNoticeFor: v.optional(v.pipe(v.string(), v.regex(ISO_DATE))),
  lastCheckedAt: v.optional(epochMs),
  lastError: v.optional(text(300)),
});

export const MessageSchema = v.variant('type', [
  /** Content script → background: what a page showed. */
  v.object({
    type: v.literal('detections'),
    detections: v.pipe(v.array(DetectionSchema), v.maxLength(500)),
  }),
  /** Popup/context menu → background: one or more pasted numbers (separated by lines, commas or spaces). */
  v.object({ type: v.literal('add-numbers'), input: text(4000) }),
  /** Popup: rename or annotate; an empty string clears. */
  v.object({
    type: v.literal('update-package'),
    id: packageId,
    label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120))),
    note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000))),
  }),
  v.object({ type: v.literal('archive'), id: packageId, archived: v.boolean() }),
  /** Deletes and replies with the deleted record, which the popup can send back with `restore` to undo. */
  v.object({ type: v.literal('delete'), id: packageId }),
  v.object({ type: v.literal('restore'), record: PackageRecordSchema }),
  /** Popup "refresh now": ask the status providers for these packages. */
  v.object({ type: v.literal('refresh'), ids: v.pipe(v.array(packageId), v.maxLength(1000)) }),
  /** Options import: records merged into the store, reported back. */
  v.object({ type: v.literal('import'), records: v.pipe(v.array(v.unknown()), v.maxLength(20_000)) }),
  /** Options "delete all data": empties the package store on this device. */
  v.object({ type: v.literal('delete-all') }),
  /**
   * Content script → background, read-only: which of these numbers and orders are already stored, so chips of
   * packages tracked earlier say "Tracked ✓". Replies `tracked: { numbers, orders: {orderId, shipmentId?}[] }`.
   */
  v.object({
    type: v.literal('tracked-numbers'),
    numbers: v.pipe(v.array(TrackingNumberSchema), v.maxLength(500)),
    orderIds: v.optional(v.pipe(v.array(identifier), v.maxLength(500))),
  }),
  v.object({ type: v.literal('ping') }),
  // ---- issue 12 (carrier tracking without a key); for the lead to port into the sender-kind protocol ----
  /**
   * Popup → background only (never a content script): open the carrier's tracking page for this package in a
   * background tab, let the page reader read it, close it. Replies like `refresh`.
   */
  v.object({ type: v.literal('check-carrier-page'), id: packageId }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;

export interface RejectedItem {
  /** Position in the input list. */
  index: number;
  reason: string;
}

/** Most reasons reported back for one import; the count covers all of them. */
const MAX_REASONS = 50;

/**
 * Validates import items one by one: a bad item is rejected with its reason while the good ones go through, so one
 * broken entry in a file does not lose the rest.
 */
export function parseRecords(items: unknown[]): {
  records: v.InferOutput<typeof PackageRecordSchema>[];
  rejected: number;
  reasons: RejectedItem[];
} {
  const records: v.InferOutput<typeof PackageRecordSchema>[] = [];
  const reasons: RejectedItem[] = [];
  let rejected = 0;
  for (const [index, item] of items.entries()) {
    const result = v.safeParse(PackageRecordSchema, item);
    if (result.success) {
      if (result.output.number || result.output.orderId) {
        records.push(result.output);
        continue;
      }
      rejected++;
      if (reasons.length < MAX_REASONS)
        reasons.push({ index, reason: 'needs a tracking number or an order id' });
      continue;
    }
    rejected++;
    if (reasons.length < MAX_REASONS) reasons.push({ index, reason: describeIssue(result.issues[0]) });
  }
  return { records, rejected, reasons };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

export type ParsedMessage = { ok: true; message: Message } | { ok: false; reason: string };

/** Validates an untrusted message; the reason names the first offending field. */
export function parseMessage(input: unknown): ParsedMessage {
  const result = v.safeParse(MessageSchema, input);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, reason: describeIssue(result.issues[0]) };
}
