/**
 * The package model shared by the background, the popup and the tests.
 * Times are epoch milliseconds; calendar dates are ISO `YYYY-MM-DD` strings in the zone they were stated in.
 */

export const PACKAGE_STATUSES = [
  'unknown',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'failed_attempt',
  'exception',
  'returned',
  'expired',
] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

export const SOURCE_KINDS = [
  'webmail',
  'amazon',
  'carrier',
  'shop',
  'page',
  'manual',
  'context_menu',
  'import',
  'sync',
  'refresh',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** An estimated delivery: one day or a window, optionally "by HH:MM", in the time zone it was stated in. */
export interface Eta {
  /** First possible day, `YYYY-MM-DD`. */
  start: string;
  /** Last possible day of a window, `YYYY-MM-DD`; absent for a single day. */
  end?: string;
  /** Latest time of day, `HH:MM` (24 h), e.g. "by 10 PM" → `22:00`. */
  by?: string;
  /** IANA zone the date was stated in, when known. */
  timeZone?: string;
}

export interface TrackingEvent {
  /** When the event happened (epoch ms). */
  at: number;
  status: PackageStatus;
  description: string;
  location?: string;
}

export interface SourceRef {
  kind: SourceKind;
  url?: string;
  seenAt: number;
}

/** One fact set about a package, as found on a page, typed by hand or returned by a provider. */
export interface Detection {
  number?: string;
  carrier?: string;
  orderId?: string;
  shipmentId?: string;
  merchant?: string;
  itemTitles?: string[];
  status?: PackageStatus;
  statusText?: string;
  /** When the status was true (an e-mail's date, an event time); defaults to when it was seen. */
  statusAt?: number;
  eta?: Eta;
  events?: TrackingEvent[];
  trackUrl?: string;
  source: SourceRef;
}

export interface PackageRecord {
  id: string;
  number?: string;
  carrier?: string;
  orderId?: string;
  shipmentId?: string;
  merchant?: string;
  itemTitles: string[];
  label?: string;
  note?: string;
  status: PackageStatus;
  statusText?: string;
  statusAt?: number;
  /** The status rests only on when a page was seen (no event or e-mail time): see acceptsStatus in merge.ts. */
  statusUndated?: true;
  /** While the status is undated: the time of the dated status before it, which older dated evidence cannot beat. */
  statusDatedAt?: number;
  eta?: Eta;
  events: TrackingEvent[];
  trackUrl?: string;
  sources: SourceRef[];
  createdAt: number;
  updatedAt: number;
  deliveredAt?: number;
  archivedAt?: number;
  /** When the user last changed the label, note or archive flag: imports and sync apply the newer of two edits. */
  userEditedAt?: number;
  /** The estimate (`end` or `start` day) a "late" notification was already shown for, so it is shown once. */
  lateNoticeFor?: string;
  lastCheckedAt?: number;
  lastError?: string;
  /**
   * Index helper kept by the database itself (hooks in db.ts): 1 when archived, else 0. IndexedDB does not index
   * missing values, so "active, newest first" needs a key that is present on every record.
   */
  archived?: 0 | 1;
  /**
   * Index helper kept by the database (db.ts): the days of the estimate while the package is active and under way
   * (empty otherwise), so the badge reads only the packages due today.
   */
  arrivalDays?: string[];
  /** Index helpers kept by the database (db.ts `stallKeysOf`): when a package under way may turn stale or late. */
  quietSince?: number;
  lateFrom?: number;
}

/**
 * Records of an import file on their way to the worker (db.ts v5 `importChunks`): staged by the options page, taken
 * (read and deleted) by the worker, which validates them like any outside input. Unvalidated, hence `unknown`.
 */
export interface StagedImportChunk {
  id: string;
  records: unknown[];
  stagedAt: number;
}

/** One stored package before and after a change; `before` is absent for a new one, `after` for a deleted one. */
export interface PackageChange {
  before?: PackageRecord;
  after?: PackageRecord;
  /** Set when the user deleted the package (not when a duplicate was folded into another record). */
  deletedByUser?: boolean;
}
