import * as v from 'valibot';
import type { CheckFailure } from './carrier-web/check-now';
import { CARRIER_CODES, type CarrierCode } from './carriers/codes';
import type { ContentSettings } from './settings';
import { PACKAGE_STATUSES, type PackageRecord, SOURCE_KINDS, type SourceKind } from './store/types';

/**
 * Every message sent to the background, validated at the boundary. Content scripts run among hostile pages, so each
 * field is bounded: a malformed or oversized message is rejected whole and changes nothing.
 */

/**
 * The engine's carrier codes (utils/carriers/codes.ts). A code from outside is looked up in this set, never as a key
 * of a plain object: a `constructor` or `__proto__` "carrier" would otherwise match an inherited property.
 */
export { CARRIER_CODES };

const CARRIER_SET: ReadonlySet<string> = new Set(CARRIER_CODES);
export const isCarrierCode = (value: unknown): value is CarrierCode =>
  typeof value === 'string' && CARRIER_SET.has(value);
const carrierCode = v.pipe(
  v.string(),
  v.check((s) => CARRIER_SET.has(s), 'unknown carrier'),
);

/**
 * An array checked for its length before any item is: a million-item message is refused at once instead of being
 * validated item by item first. Marked free of side effects so that a bundle using one schema of this file (a content
 * script) drops the others, which it cannot prove unused on its own.
 */
/* @__NO_SIDE_EFFECTS__ */
function boundedArray<TItem extends v.GenericSchema>(item: TItem, max: number) {
  return v.pipe(
    v.custom<unknown[]>(
      (input) => Array.isArray(input) && input.length <= max,
      `must be a list of at most ${max} items`,
    ),
    v.array(item),
  );
}

/** The most records one import message carries, inline or staged (the options page sends fewer per chunk). */
export const IMPORT_MESSAGE_RECORDS = 20_000;

/** A normalised tracking number: upper case, no spaces; a hyphen only inside (LaserShip's "-1" piece suffix). */
export const TrackingNumberSchema = v.pipe(v.string(), v.regex(/^[A-Z0-9](?:[A-Z0-9-]{4,38})[A-Z0-9]$/));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `YYYY-MM-DD` names a day of the calendar: 2026-02-30 and 2026-13-01 do not. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const calendarDate = v.pipe(v.string(), v.check(isCalendarDate, 'must be a calendar date YYYY-MM-DD'));
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
  start: calendarDate,
  end: v.optional(calendarDate),
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
    carrier: v.optional(carrierCode),
    orderId: v.optional(identifier),
    shipmentId: v.optional(identifier),
    merchant: v.optional(text(120)),
    itemTitles: v.optional(boundedArray(text(300), 20)),
    status: v.optional(v.picklist(PACKAGE_STATUSES)),
    statusText: v.optional(text(300)),
    statusAt: v.optional(epochMs),
    eta: v.optional(EtaSchema),
    events: v.optional(boundedArray(TrackingEventSchema, 200)),
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
  carrier: v.optional(carrierCode),
  orderId: v.optional(identifier),
  shipmentId: v.optional(identifier),
  merchant: v.optional(text(120)),
  itemTitles: boundedArray(text(300), 20),
  label: v.optional(text(120)),
  note: v.optional(text(2000)),
  status: v.picklist(PACKAGE_STATUSES),
  statusText: v.optional(text(300)),
  statusAt: v.optional(epochMs),
  eta: v.optional(EtaSchema),
  events: boundedArray(TrackingEventSchema, 200),
  trackUrl: v.optional(httpUrl),
  sources: boundedArray(
    v.object({ kind: v.picklist(SOURCE_KINDS), url: v.optional(httpUrl), seenAt: epochMs }),
    20,
  ),
  createdAt: epochMs,
  updatedAt: epochMs,
  deliveredAt: v.optional(epochMs),
  archivedAt: v.optional(epochMs),
  userEditedAt: v.optional(epochMs),
  lateNoticeFor: v.optional(calendarDate),
  lastCheckedAt: v.optional(epochMs),
  lastError: v.optional(text(300)),
});

export const MessageSchema = v.variant('type', [
  /** Content script → background: what a page showed. */
  v.object({
    type: v.literal('detections'),
    detections: boundedArray(DetectionSchema, 500),
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
  v.object({ type: v.literal('refresh'), ids: boundedArray(packageId, 1000) }),
  /** Options import: records merged into the store, reported back. */
  v.object({ type: v.literal('import'), records: boundedArray(v.unknown(), IMPORT_MESSAGE_RECORDS) }),
  /**
   * Options import of a big file: the records of one chunk, staged in the database by the page
   * (utils/store/import-staging.ts); the worker takes, validates and merges them exactly as `import`'s.
   */
  v.object({ type: v.literal('import-staged'), chunk: identifier }),
  /** Options "delete all data": empties the package store on this device. */
  v.object({ type: v.literal('delete-all') }),
  /**
   * Content script → background, read-only: which of these numbers and orders are already stored, so chips of
   * packages tracked earlier say "Tracked ✓". Replies `tracked: { numbers, orders: {orderId, shipmentId?}[] }`.
   */
  v.object({
    type: v.literal('tracked-numbers'),
    numbers: boundedArray(TrackingNumberSchema, 500),
    orderIds: v.optional(boundedArray(identifier, 500)),
  }),
  v.object({ type: v.literal('ping') }),
  /**
   * Content script → background, read-only: its detection modes and the override of its own site. Content scripts
   * cannot read `storage.local` (provider keys live there), so they ask.
   */
  v.object({ type: v.literal('content-settings'), host: v.pipe(v.string(), v.maxLength(253)) }),
  // ---- issue 12 (carrier tracking without a key); for the lead to port into the sender-kind protocol ----
  /**
   * Popup → background only (never a content script): open the carrier's tracking page for this package in a
   * background tab, let the page reader read it, close it. Replies like `refresh`.
   */
  v.object({ type: v.literal('check-carrier-page'), id: packageId }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<v.InferInput<typeof MessageSchema>, { type: T }>;

/**
 * Who sent a message, decided by the browser (never by the message): `content` is one of our content scripts in a
 * web page (a tab, an http(s) page), `extension` is one of our own pages (popup, options, offscreen document), which
 * run only our code.
 */
export type SenderKind = 'content' | 'extension';

/**
 * Where a content script may say it saw a package: pages only. "Typed by hand", "import", "sync" or "refresh" are
 * the background's own kinds; a page-facing script claiming one would borrow the trust they carry (a `refresh`
 * sighting may re-point a link).
 */
export const PAGE_SOURCE_KINDS: ReadonlySet<SourceKind> = new Set<SourceKind>([
  'webmail',
  'amazon',
  'carrier',
  'shop',
  'page',
]);

/**
 * Who may send each message. Content scripts live among hostile pages, so a compromised or tricked one may only
 * report what it saw, ask which numbers are stored, read its two settings and ping: nothing that deletes, edits,
 * restores, imports or spends provider quota.
 */
export const ALLOWED_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  detections: ['content', 'extension'],
  'tracked-numbers': ['content', 'extension'],
  ping: ['content', 'extension'],
  'content-settings': ['content', 'extension'],
  'add-numbers': ['extension'],
  'update-package': ['extension'],
  archive: ['extension'],
  delete: ['extension'],
  restore: ['extension'],
  refresh: ['extension'],
  import: ['extension'],
  'import-staged': ['extension'],
  'delete-all': ['extension'],
  'check-carrier-page': ['extension'],
};

/** What a browser tells about a message's sender (`runtime.MessageSender`), the fields used here. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Classifies a sender, or undefined for one that may send nothing (another extension, a web page through
 * `externally_connectable`, a sandboxed frame). Our own pages have our origin in `url` even when opened in a tab;
 * a content script's `url` is the page's, and it always has a `tab`.
 */
export function senderKindOf(
  sender: MessageSenderInfo,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | undefined {
  if (!extensionId || sender.id !== extensionId || typeof sender.url !== 'string') return undefined;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  if (sender.url.startsWith(origin)) return 'extension';
  if (sender.tab && /^https?:\/\//i.test(sender.url)) return 'content';
  return undefined;
}

/**
 * Why a message was refused or failed. Replies carry codes, never sentences: the popup and options word each code in
 * the UI language (utils/i18n/error-words.ts), so a German user never reads the background's English.
 */
export const ERROR_CODES = [
  'invalid',
  'forbidden',
  'not-found',
  'conflict',
  'not-tracking-number',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AddNumbersOutcome {
  input: string;
  number?: string;
  carrier?: string;
  id?: string;
  /** Set when this piece of the input is not a tracking number. */
  error?: 'not-tracking-number';
}

/** Which of the asked numbers and orders are stored (archived ones included: the package is known either way). */
export interface TrackedReply {
  numbers: string[];
  orders: { orderId: string; shipmentId?: string }[];
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged?: number;
  /** The records written or matched. */
  ids?: string[];
  rejected: number;
  reasons: RejectedItem[];
}

/** The body of each message's successful reply. */
export interface ReplyBodies {
  detections: { created: number; updated: number; unchanged?: number; ids: string[] };
  'tracked-numbers': { tracked: TrackedReply };
  ping: Record<never, never>;
  'content-settings': { settings: ContentSettings };
  'add-numbers': { added: AddNumbersOutcome[] };
  'update-package': Record<never, never>;
  archive: Record<never, never>;
  delete: { record: PackageRecord };
  restore: { ids: string[] };
  refresh: { created?: number; updated?: number; unchanged?: number; ids?: string[] };
  import: ImportCounts;
  'import-staged': ImportCounts;
  'delete-all': { updated: number };
  'check-carrier-page': { created?: number; updated?: number; unchanged?: number; ids?: string[] };
}

export interface ErrorReply {
  ok: false;
  /** What callers act on and the view words in the UI language. */
  code: ErrorCode;
  /**
   * `refresh`: why the first package was not refreshed, in the stored form of a record's `lastError`
   * (`code:<code>;<provider>;<http status>`, utils/refresh/failure-code.ts), and how many were not.
   */
  refreshError?: string;
  failed?: number;
  /** `check-carrier-page`: why the carrier's page was not checked. */
  checkFailure?: CheckFailure;
  /** Free text for logs only (`deps.log`, the console): never shown, it is English and may quote an exception. */
  detail?: string;
  /** `refresh`: the packages that were refreshed when others were not. */
  ids?: string[];
  added?: AddNumbersOutcome[];
  rejected?: number;
  reasons?: RejectedItem[];
}

/** The reply to a message of type `T`: its own success body, or an error with a code. */
export type ReplyTo<T extends MessageType> = ({ ok: true } & ReplyBodies[T]) | ErrorReply;
/** A reply to some message: what the runtime listener hands back. */
export type AnyReply = { [T in MessageType]: ReplyTo<T> }[MessageType];

export function errorReply(code: ErrorCode, detail?: string, extra: Partial<ErrorReply> = {}): ErrorReply {
  return { ...extra, ok: false, code, ...(detail !== undefined && { detail }) };
}

/**
 * What is wrong with a refused import record, as a code the view words in the UI language (valibot's messages are
 * English): a field missing, of the wrong type, with a value Doorstep does not know, too long, too short or
 * otherwise not valid, or a record with neither a tracking number nor an order id.
 */
export type RejectionProblem =
  | 'missing'
  | 'wrong-type'
  | 'not-allowed'
  | 'too-long'
  | 'too-short'
  | 'invalid'
  | 'no-number-or-order';

export interface RejectedItem {
  /** Position in the input list. */
  index: number;
  /** The field at fault as the file writes it ("eta.start", "events.2.at"); "" for the record as a whole. */
  field: string;
  problem: RejectionProblem;
}

/** The types of value a schema checks first: a record failing one has a field of the wrong type. */
const TYPE_CHECKS = new Set([
  'string',
  'number',
  'boolean',
  'array',
  'object',
  'strict_object',
  'loose_object',
  'record',
  'tuple',
  'date',
  'null',
]);

/** The dotted path of the field an issue is about ("eta.start"); "" for the value as a whole. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((p) => String(p.key)).join('.') ?? '';
}

/** Sorts one validator issue into a problem code, by its type ("max_length", "picklist", ...). */
function problemOf(issue: { type: string; received: string }): RejectionProblem {
  if (issue.received === 'undefined') return 'missing';
  if (TYPE_CHECKS.has(issue.type)) return 'wrong-type';
  if (
    issue.type === 'picklist' ||
    issue.type === 'literal' ||
    issue.type === 'enum' ||
    issue.type === 'union'
  )
    return 'not-allowed';
  if (issue.type.startsWith('max_')) return 'too-long';
  if (issue.type.startsWith('min_') || issue.type === 'non_empty') return 'too-short';
  return 'invalid';
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
      if (reasons.length < MAX_REASONS) reasons.push({ index, field: '', problem: 'no-number-or-order' });
      continue;
    }
    rejected++;
    if (reasons.length < MAX_REASONS) {
      const issue = result.issues[0];
      reasons.push({
        index,
        field: issue.path?.map((p) => String(p.key)).join('.') ?? '',
        problem: problemOf(issue),
      });
    }
  }
  return { records, rejected, reasons };
}

export type ParsedMessage = { ok: true; message: Message } | { ok: false; reason: string };

/** "path: message" of a validation issue, for logs only (English). */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = fieldOf(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Validates an untrusted message; the reason names the first offending field. */
export function parseMessage(input: unknown): ParsedMessage {
  const result = v.safeParse(MessageSchema, input);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, reason: describeIssue(result.issues[0]) };
}
