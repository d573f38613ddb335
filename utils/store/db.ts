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

export const CURRENT_VERSION = 2;

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

    // The `archived` index key is derived here, on every write path (add, put, update, modify, bulk), so no caller
    // (the message handler, refresh, import, sync) can forget it and make a package vanish from the active list.
    this.packages.hook('creating', (_key, record) => {
      record.archived = archivedFlag(record.archivedAt);
    });
    this.packages.hook('updating', (mods, _key, record) => {
      const changes = mods as Partial<PackageRecord>;
      const archivedAt = 'archivedAt' in changes ? changes.archivedAt : record.archivedAt;
      return { archived: archivedFlag(archivedAt) };
    });
  }
}

function archivedFlag(archivedAt: number | undefined): 0 | 1 {
  return archivedAt === undefined ? 0 : 1;
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

let shared: DoorstepDatabase | undefined;

/** The database of this extension context, opened lazily. */
export function getDatabase(): DoorstepDatabase {
  shared ??= new DoorstepDatabase();
  return shared;
}
