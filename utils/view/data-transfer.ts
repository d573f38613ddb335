import type { ErrorReply, RejectedItem, ReplyTo } from '../messages';
import type { PackageRecord } from '../store/types';
import { encodeCsv } from './csv';

/**
 * Export and import of the user's packages. JSON is the lossless backup (every field, every event); CSV is for
 * people: one line per tracking event with the package's facts repeated, so it can serve as proof of delivery in a
 * dispute. Import reads our JSON (or a bare array of records) and sends its records in chunks; the background
 * validates each one, merges the valid ones and reports what it rejected and why.
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

/** A refused record: its position in the file, the field at fault and a problem code (worded by the view). */
export type RejectedRecord = RejectedItem;

export type ImportFileRead =
  | { ok: true; items: unknown[] }
  | { ok: false; error: 'not-json' | 'not-an-export' | 'too-many' | 'unsupported-version' };

/**
 * Most records one file may hold: a seller's years of packages (tens of thousands) with room to spare, while a
 * file of millions is refused before anything is sent.
 */
export const MAX_IMPORT_FILE_RECORDS = 200_000;

/**
 * Records per `import` message. The background validates and merges each message in one transaction, so a chunk
 * is the unit that is either stored whole or not at all, and the page can show progress between chunks; small
 * enough that one message's transport and transaction stay well under a second, large enough that the per-message
 * work (badge, sync queue) is paid rarely.
 */
export const IMPORT_CHUNK_RECORDS = 5_000;

/**
 * Messages in flight at once: while the background writes one chunk (IndexedDB works off its thread), the next one
 * is already on its way and validated. Two keep the order of the file: the background starts each message's
 * transaction in the order the messages arrive, and IndexedDB runs overlapping read-write transactions in order.
 */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Reads an import file's text: our own format of a version this release knows, or a bare list of records. The
 * records themselves are validated once, by the background, which must check them anyway (the trust boundary)
 * and reports each rejected one with its reason. Never throws.
 */
export function readImportFile(text: string): ImportFileRead {
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
  if (list.length > MAX_IMPORT_FILE_RECORDS) return { ok: false, error: 'too-many' };
  return { ok: true, items: list };
}

/** Most rejected records kept with their reason for the report; the count covers all of them. */
const KEPT_REASONS = 100;

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Every record the background refused (invalid, or neither a number nor an order id). */
  rejectedCount: number;
  /** The first rejected records with their position in the file and the reason. */
  rejected: RejectedRecord[];
  /** Records the background answered for (stored, merged or refused), and how many the file has. */
  done: number;
  total: number;
  /**
   * Why the import stopped before the end (the worker stopped, the store failed). The chunks answered before are
   * stored whole, the others not at all; importing the same file again finishes it, since records already stored
   * merge with themselves.
   */
  failure?: ErrorReply;
}

/**
 * Sends the file's records to the background in chunks (`IMPORT_CHUNK_RECORDS`, two in flight) and sums the
 * replies; `onProgress` hears after each chunk. Stops sending at the first failed chunk and says so.
 */
export async function sendImport(
  items: readonly unknown[],
  send: (records: unknown[]) => Promise<ReplyTo<'import' | 'import-staged'>>,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejectedCount: 0,
    rejected: [],
    done: 0,
    total: items.length,
  };
  const offsets = Array.from(
    { length: Math.ceil(items.length / IMPORT_CHUNK_RECORDS) },
    (_, i) => i * IMPORT_CHUNK_RECORDS,
  );
  const reasons: RejectedRecord[] = [];
  let next = 0;
  const worker = async () => {
    while (next < offsets.length && !outcome.failure) {
      const offset = offsets[next++] ?? 0;
      const chunk = items.slice(offset, offset + IMPORT_CHUNK_RECORDS);
      const reply = await send(chunk);
      if (!reply.ok) {
        outcome.failure ??= reply;
        return;
      }
      outcome.created += reply.created;
      outcome.updated += reply.updated;
      outcome.unchanged += reply.unchanged ?? 0;
      outcome.rejectedCount += reply.rejected;
      for (const r of reply.reasons)
        reasons.push({ index: offset + r.index, field: String(r.field ?? ''), problem: r.problem });
      outcome.done += chunk.length;
      onProgress?.(outcome.done, outcome.total);
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, worker));
  // Chunks answer in any order; the report lists records in file order.
  outcome.rejected = reasons.sort((a, b) => a.index - b.index).slice(0, KEPT_REASONS);
  return outcome;
}
