import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { scaleRecords } from '../../../scripts/scale-data.mjs';
import { badgeState } from '../../../utils/badge';
import { viewClock } from '../../../utils/status/package-state';
import {
  CURRENT_VERSION,
  DoorstepDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  withIndexKeys,
} from '../../../utils/store/db';
import {
  countPackages,
  findTracked,
  listActivePackages,
  listArchivePage,
  listBadgeCandidates,
  listByCreation,
} from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const NOW = Date.UTC(2026, 11, 8, 12);
const t = (key: string, ...args: unknown[]) => [key, ...args].join(' ');

/** A database exactly as release 4 left it: schemas v1 to v4, every record with the keys its middleware derived. */
async function createV4Database(records: PackageRecord[]): Promise<string> {
  const name = `upgrade-v5-${crypto.randomUUID()}`;
  names.push(name);
  const v4 = new Dexie(name);
  v4.version(1).stores(SCHEMA_V1);
  v4.version(2).stores(SCHEMA_V2);
  v4.version(3).stores(SCHEMA_V3);
  v4.version(4).stores(SCHEMA_V4);
  await v4.table('packages').bulkAdd(records.map(withIndexKeys));
  v4.close();
  return name;
}

describe('schema upgrade from version 4', () => {
  it('keeps every record as it was, drops the unread indexes, adds the staging table, and the reads still answer', async () => {
    const records = scaleRecords(600, 150, NOW) as PackageRecord[];
    const name = await createV4Database(records);

    const db = new DoorstepDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Not one field of one record changed: v5 only drops indexes.
    expect(await db.packages.orderBy('id').toArray()).toEqual(
      records.map(withIndexKeys).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const indexes = db.packages.schema.indexes.map((index) => index.name).sort();
    expect(indexes).toEqual(
      [
        'number',
        '[orderId+shipmentId]',
        'orderId',
        '[archived+updatedAt]',
        '[archived+status]',
        'arrivalDays',
        '[archived+archivedAt]',
        'quietSince',
        'lateFrom',
        '[archived+createdAt]',
      ].sort(),
    );
    // The browser's own schema agrees with Dexie's: the dropped indexes are gone from IndexedDB itself.
    const store = db.backendDB().transaction('packages').objectStore('packages');
    expect([...store.indexNames].sort()).toEqual(indexes);
    expect(await db.importChunks.count()).toBe(0);

    const active = records.filter((r) => r.archivedAt === undefined);
    expect(await countPackages(db)).toEqual({ active: 150, archived: 450 });
    expect((await listActivePackages(db)).map((r) => r.id).sort()).toEqual(active.map((r) => r.id).sort());
    expect((await listArchivePage(db, 0, 5)).every((r) => r.archivedAt !== undefined)).toBe(true);
    expect((await listByCreation(db, 0, 10)).length).toBe(10);
    const numbers = records.slice(0, 20).flatMap((r) => (r.number ? [r.number] : []));
    expect((await findTracked(db, numbers)).numbers.sort()).toEqual([...numbers].sort());
    const clock = viewClock(new Date(NOW), { staleAfterDays: 5 });
    expect(badgeState(records, new Date(NOW), t).text).not.toBe('');
    expect(badgeState(await listBadgeCandidates(db, clock), new Date(NOW), t)).toEqual(
      badgeState(
        [...records].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)),
        new Date(NOW),
        t,
      ),
    );
    db.close();
  });
});
