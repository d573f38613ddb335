import * as v from 'valibot';
import { PackageRecordSchema } from '../messages';
import type { PackageRecord } from '../store/types';
import { encodeCsv } from './csv';

/**
 * Export and import of the user's packages. JSON is the lossless backup (every field, every event); CSV is for
 * people: one line per tracking event with the package's facts repeated, so it can serve as proof of delivery in a
 * dispute. Import reads our JSON (or a bare array of records), validates every record with the same schema the
 * background applies, and reports what it rejected and why; the background then merges the valid ones.
 */

export const EXPORT_FORMAT = 'doorstep-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  packages: PackageRecord[];
}

export function exportJson(packages: readonly PackageRecord[], now: Date): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    packages: [...packages],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'package_id',
  'label',
  'items',
  'merchant',
  'carrier',
  'tracking_number',
  'order_id',
  'shipment_id',
  'status',
  'status_text',
  'eta_start',
  'eta_end',
  'eta_by',
  'delivered_at',
  'archived_at',
  'tracking_url',
  'note',
  'event_time',
  'event_status',
  'event_description',
  'event_location',
] as const;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** One row per event, oldest first within a package; a package without events still gets one row. */
export function exportCsv(packages: readonly PackageRecord[]): string {
  const rows: (string | number | undefined)[][] = [[...CSV_COLUMNS]];
  for (const pkg of packages) {
    const facts = [
      pkg.id,
      pkg.label,
      pkg.itemTitles.join(' | '),
      pkg.merchant,
      pkg.carrier,
      pkg.number,
      pkg.orderId,
      pkg.shipmentId,
      pkg.status,
      pkg.statusText,
      pkg.eta?.start,
      pkg.eta?.end,
      pkg.eta?.by,
      iso(pkg.deliveredAt),
      iso(pkg.archivedAt),
      pkg.trackUrl,
      pkg.note,
    ];
    const events = [...pkg.events].sort((a, b) => a.at - b.at);
    if (events.length === 0) rows.push([...facts, '', '', '', '']);
    for (const event of events)
      rows.push([...facts, iso(event.at), event.status, event.description, event.location]);
  }
  // A UTF-8 byte order mark: without it Excel reads the file as the system's code page and garbles umlauts
  // ("MÃ¼nchen"); every other reader of CSV skips it.
  return `\uFEFF${encodeCsv(rows)}`;
}

/**
 * What is wrong with a refused record, as a code the view words in the UI language (the validator's own messages
 * are English): a field that is missing, of the wrong type, with a value Doorstep does not know, too long or too
 * short, or otherwise not valid.
 */
export type RejectionProblem =
  | 'missing'
  | 'wrong-type'
  | 'not-allowed'
  | 'too-long'
  | 'too-short'
  | 'invalid';

export interface RejectedRecord {
  /** Position in the file, from 0. */
  index: number;
  /** The field at fault as written in the file ("eta.start", "events.2.at"); "" for the record as a whole. */
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

/** Sorts one validator issue into a problem code, by its kind and its type ("max_length", "picklist", ...). */
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

export type ImportParse =
  | { ok: true; records: PackageRecord[]; rejected: RejectedRecord[] }
  | { ok: false; error: 'not-json' | 'not-an-export' | 'too-many' | 'unsupported-version' };

/** The background accepts at most this many records per import message. */
export const MAX_IMPORT_RECORDS = 20_000;

/** Validates an import file's text. Never throws: a broken file or record becomes a coded problem in the result. */
export function parseImportFile(text: string): ImportParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  let list: unknown[] | undefined;
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object') {
    // Our file says what it is: another app's JSON with a `packages` list is not read as ours, and a file of a
    // newer format (which this version cannot read faithfully) is refused whole rather than half understood.
    const file = data as { format?: unknown; version?: unknown; packages?: unknown };
    if (file.format !== EXPORT_FORMAT || !Array.isArray(file.packages))
      return { ok: false, error: 'not-an-export' };
    if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
      return { ok: false, error: 'not-an-export' };
    if (file.version > EXPORT_VERSION) return { ok: false, error: 'unsupported-version' };
    list = file.packages;
  }
  if (!list) return { ok: false, error: 'not-an-export' };
  if (list.length > MAX_IMPORT_RECORDS) return { ok: false, error: 'too-many' };
  const records: PackageRecord[] = [];
  const rejected: RejectedRecord[] = [];
  list.forEach((item, index) => {
    const result = v.safeParse(PackageRecordSchema, item);
    if (result.success) {
      records.push(result.output as PackageRecord);
      return;
    }
    const issue = result.issues[0];
    const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    rejected.push({ index, field, problem: problemOf(issue) });
  });
  return { ok: true, records, rejected };
}
