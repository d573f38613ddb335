import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { isWatched, lastNewsAt } from '../status/package-state';
import type { PackageRecord, StagedImportChunk } from './types';

export const DATABASE_NAME = 'doorstep';

/** Schema of each version, kept verbatim so tests can create a database exactly as an older release left it. */
export const SCHEMA_V1 = {
  packages: 'id, &number, [orderId+shipmentId], orderId, status, updatedAt, archivedAt',
} as const;

/**
 * v2: `[archived+updatedAt]` serves the popup's main query (active packages, newest first) and the sync copy's
 * priority order straight from an index; `deliveredAt` finds delivered packages due for auto-archive.
 */
export const SCHEMA_V2 = {
  packages:
    'id, &number, [orderId+shipmentId], orderId, status, updatedAt, archivedAt, [archived+updatedAt], deliveredAt',
} as const;

/**
 * v3: indexes that keep every per-change query proportional to what it looks for, not to the store (users keep tens
 * of thousands of delivered, archived packages): `[archived+status]` finds active packages of a few statuses (the
 * badge's out-for-delivery and problem packages, the popup's lists) and counts them from the index; `*arrivalDays`
 * (multi-entry) finds the active packages under way whose estimate includes a given day (the badge's "arriving
 * today"); `[archived+archivedAt]` pages the archive, most recently archived first.
 */
export const SCHEMA_V3 = {
  packages:
    'id, &number, [orderId+shipmentId], orderId, status, updatedAt, archivedAt, [archived+updatedAt], deliveredAt, ' +
    '[archived+status], *arrivalDays, [archived+archivedAt]',
} as const;

/**
 * v4: keys that let the badge read only the packages whose state can be a problem right now, however many are
 * active: `quietSince` (the last news of a watched package under way: stale once it is old enough), `lateFrom` (the
 * first instant, in any time zone, at which a package under way can be past its estimate); and `[archived+createdAt]`,
 * the sync copy's priority order (active first, most recently tracked first), so a sync round reads the records that
 * fit in the copy instead of the whole store.
 */
export const SCHEMA_V4 = {
  packages:
    'id, &number, [orderId+shipmentId], orderId, status, updatedAt, archivedAt, [archived+updatedAt], deliveredAt, ' +
    '[archived+status], *arrivalDays, [archived+archivedAt], quietSince, lateFrom, [archived+createdAt]',
} as const;

/**
 * v5: drops the indexes nothing reads any more (`status`, `updatedAt`, `archivedAt`, `deliveredAt`: the badge, the
 * popup and the archive read the compound and derived keys above, and the auto-archive reads the active list). Each
 * index costs a write per record on every put, and an archived package kept four entries nobody read: an import of
 * years of packages paid for them 50,000 times. Adds `importChunks`, where an extension page stages the records of
 * an import for the worker to take (utils/store/import-staging.ts): extension messaging copies a message through
 * JSON several times, which cost more than the import's own writes.
 */
export const SCHEMA_V5 = {
  packages:
    'id, &number, [orderId+shipmentId], orderId, [archived+updatedAt], [archived+status], *arrivalDays, ' +
    '[archived+archivedAt], quietSince, lateFrom, [archived+createdAt]',
  importChunks: 'id, stagedAt',
} as const;

export const CURRENT_VERSION = 5;

/**
 * The IndexedDB schema. Every change adds a new `version(n)` below the previous ones (never edits them), with an
 * `upgrade` that rewrites old records, so a user's packages survive every update. Tests open each old version.
 */
export class DoorstepDatabase extends Dexie {
  packages!: EntityTable<PackageRecord, 'id'>;
  importChunks!: EntityTable<StagedImportChunk, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
    // Only indexes dropped and a table added: no record changes, so no upgrade pass over the store.
    this.version(5).stores(SCHEMA_V5);

    // The index keys are derived here, on every write path (add, put, update, modify, bulk: Dexie turns each of
    // them into one `add` or `put` of whole records at its core), so no caller (the message handler, refresh,
    // import, sync) can forget one and make a package vanish from a list or the badge. A core middleware rather
    // than `creating`/`updating` hooks: hooks make Dexie read every record again before writing it and diff it
    // field by field, a second read per record on every bulk write (an import of 50,000, a big page's upsert).
    this.use({
      stack: 'dbcore',
      name: 'doorstep-index-keys',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'packages') return table;
          return {
            ...table,
            mutate: (request) => {
              if (request.type === 'add' || request.type === 'put') {
                // Every key always, from the record as it will be stored: a `put` of a copy without them must not
                // drop them, and a key that no longer applies is removed.
                for (const record of request.values) deriveIndexKeys(record as PackageRecord);
              }
              return table.mutate(request);
            },
          };
        },
      }),
    });
  }
}

function archivedFlag(archivedAt: number | undefined): 0 | 1 {
  return archivedAt === undefined ? 0 : 1;
}

/** Longer estimates than this are not spelled out day by day; they are listed under `ANY_DAY` instead. */
const MAX_WINDOW_DAYS = 31;
/** The `arrivalDays` entry of an active package with a very long estimate: read on every day, checked by the badge. */
export const ANY_DAY = '*';
const FINISHED = new Set(['delivered', 'returned', 'expired']);

/**
 * The local days (`YYYY-MM-DD`) on which an active, unfinished package is due by its estimate: every day of the
 * window `start`…`end`. None for an archived or finished package, or one without an estimate.
 */
export function arrivalDaysOf(record: Pick<PackageRecord, 'archivedAt' | 'status' | 'eta'>): string[] {
  const { eta } = record;
  if (record.archivedAt !== undefined || FINISHED.has(record.status) || !eta) return [];
  const start = parseDay(eta.start);
  const end = parseDay(eta.end ?? eta.start);
  if (start === undefined || end === undefined || end < start) return eta.start ? [eta.start] : [];
  const span = Math.round((end - start) / 86_400_000);
  if (span >= MAX_WINDOW_DAYS) return [ANY_DAY];
  return Array.from({ length: span + 1 }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

function parseDay(day: string | undefined): number | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The latest UTC offset in use (UTC+14): a local day starts at the earliest 14 h before it starts in UTC. */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/**
 * The badge's time-dependent keys (v4) of an active, unfinished package; the derivation in
 * utils/status/package-state.ts still decides, these only pre-select: `quietSince` its last news when something is
 * watching it (only a watched package can go stale), `lateFrom` the first instant its estimate can have passed in
 * any time zone (0 for an estimate that is not a plain day: always checked).
 */
export function stallKeysOf(record: PackageRecord): { quietSince?: number; lateFrom?: number } {
  if (record.archivedAt !== undefined || FINISHED.has(record.status)) return {};
  const keys: { quietSince?: number; lateFrom?: number } = {};
  if (isWatched(record)) keys.quietSince = lastNewsAt(record);
  if (record.eta) {
    const last = parseDay(record.eta.end ?? record.eta.start);
    keys.lateFrom = last === undefined ? 0 : Math.max(0, last + 86_400_000 - EARLIEST_ZONE_MS);
  }
  return keys;
}

function deriveIndexKeys(record: PackageRecord): void {
  record.archived = archivedFlag(record.archivedAt);
  record.arrivalDays = arrivalDaysOf(record);
  const { quietSince, lateFrom } = stallKeysOf(record);
  // Absent, not undefined-valued, when there is none: IndexedDB leaves the record out of that index.
  if (quietSince === undefined) delete record.quietSince;
  else record.quietSince = quietSince;
  if (lateFrom === undefined) delete record.lateFrom;
  else record.lateFrom = lateFrom;
}

/** A copy with the index keys the hooks would add, for writers that bypass Dexie (tests and demos seeding raw). */
export function withIndexKeys(record: PackageRecord): PackageRecord {
  const copy = { ...record };
  deriveIndexKeys(copy);
  return copy;
}

/** Fills the v1 → v2 index key and repairs fields a v1 record might lack, without dropping anything it has. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('packages')
    .toCollection()
    .modify((record: PackageRecord) => {
      record.archived = archivedFlag(record.archivedAt);
      record.itemTitles ??= [];
      record.events ??= [];
      record.sources ??= [];
      record.status ??= 'unknown';
    });
}

/** Fills the v3 index keys of every stored record; nothing else changes. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('packages')
    .toCollection()
    .modify((record: PackageRecord) => {
      deriveIndexKeys(record);
    });
}

/** Fills the v4 index keys of every stored record; nothing else changes. */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('packages')
    .toCollection()
    .modify((record: PackageRecord) => {
      deriveIndexKeys(record);
    });
}

let shared: DoorstepDatabase | undefined;

/** The database of this extension context, opened lazily. */
export function getDatabase(): DoorstepDatabase {
  shared ??= new DoorstepDatabase();
  return shared;
}
