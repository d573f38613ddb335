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
 * badge's out-for-delivery and problem packages) and counts them from the index; `[archived+etaLastDay]` finds
 * active packages whose estimate has not ended yet (the badge's "arriving today"); `[archived+archivedAt]` pages the
 * archive, most recently archived first, and counts it.
 */
export const SCHEMA_V3 = {
  packages:
    'id, &number, [orderId+shipmentId], orderId, status, updatedAt, archivedAt, [archived+updatedAt], deliveredAt, ' +
    '[archived+status], [archived+etaLastDay], [archived+archivedAt]',
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
      record.archived = archivedFlag(record.archivedAt);
      setEtaLastDay(record, record.eta);
    });
    this.packages.hook('updating', (mods, _key, record) => {
      const changes = mods as Record<string, unknown>;
      const archivedAt = 'archivedAt' in changes ? changes.archivedAt : record.archivedAt;
      const derived: Partial<PackageRecord> = { archived: archivedFlag(archivedAt as number | undefined) };
      // `eta` replaced whole (put, update) or one of its fields changed by key path (`update(id, {'eta.end': …})`).
      const etaChanged = Object.keys(changes).some((key) => key === 'eta' || key.startsWith('eta.'));
      if (etaChanged) {
        const after = Dexie.deepClone(record);
        for (const [key, value] of Object.entries(changes)) Dexie.setByKeyPath(after, key, value);
        derived.etaLastDay = etaLastDayOf(after.eta);
      } else if (record.etaLastDay !== etaLastDayOf(record.eta)) {
        derived.etaLastDay = etaLastDayOf(record.eta);
      }
      return derived;
    });
  }
}

function archivedFlag(archivedAt: number | undefined): 0 | 1 {
  return archivedAt === undefined ? 0 : 1;
}

/** The last day an estimate covers (`end` of a window, else its only day); absent without an estimate. */
export function etaLastDayOf(eta: PackageRecord['eta']): string | undefined {
  const day = eta?.end ?? eta?.start;
  return typeof day === 'string' && day.length > 0 ? day : undefined;
}

function setEtaLastDay(record: PackageRecord, eta: PackageRecord['eta']): void {
  const day = etaLastDayOf(eta);
  // Absent, not undefined-valued: IndexedDB leaves a record out of an index whose key it lacks.
  if (day === undefined) delete record.etaLastDay;
  else record.etaLastDay = day;
}

/** Fills the new index key and repairs fields a v1 record might lack, without dropping anything it has. */
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

/** Fills the v3 index key of every stored record; nothing else changes. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('packages')
    .toCollection()
    .modify((record: PackageRecord) => {
      record.archived = archivedFlag(record.archivedAt);
      setEtaLastDay(record, record.eta);
    });
}

let shared: DoorstepDatabase | undefined;

/** The database of this extension context, opened lazily. */
export function getDatabase(): DoorstepDatabase {
  shared ??= new DoorstepDatabase();
  return shared;
}
