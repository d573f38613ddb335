import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { PackageRecord } from './types';

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

export const CURRENT_VERSION = 3;

/**
 * The IndexedDB schema. Every change adds a new `version(n)` below the previous ones (never edits them), with an
 * `upgrade` that rewrites old records, so a user's packages survive every update. Tests open each old version.
 */
export class DoorstepDatabase extends Dexie {
  packages!: EntityTable<PackageRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);

    // The index keys are derived here, on every write path (add, put, update, modify, bulk), so no caller (the
    // message handler, refresh, import, sync) can forget one and make a package vanish from a list or the badge.
    this.packages.hook('creating', (_key, record) => {
      deriveIndexKeys(record);
    });
    this.packages.hook('updating', (mods, _key, record) => {
      const changes = mods as Record<string, unknown>;
      // The record as it will be stored: fields replaced whole (put, update) or by key path ('eta.end').
      const after: PackageRecord = Object.keys(changes).some((key) => key.includes('.'))
        ? Dexie.deepClone(record)
        : { ...record };
      for (const [key, value] of Object.entries(changes)) Dexie.setByKeyPath(after, key, value);
      deriveIndexKeys(after);
      // Both keys always: a `put` of a copy without them must not drop them.
      return { archived: after.archived, arrivalDays: after.arrivalDays };
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

function deriveIndexKeys(record: PackageRecord): void {
  record.archived = archivedFlag(record.archivedAt);
  record.arrivalDays = arrivalDaysOf(record);
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

let shared: DoorstepDatabase | undefined;

/** The database of this extension context, opened lazily. */
export function getDatabase(): DoorstepDatabase {
  shared ??= new DoorstepDatabase();
  return shared;
}
