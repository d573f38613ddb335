import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  arrivalDaysOf,
  CURRENT_VERSION,
  DoorstepDatabase,
  SCHEMA_V1,
  stallKeysOf,
} from '../../../utils/store/db';
import { listActivePackages, listArchivedPackages } from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Records as release 1 wrote them: no `archived` key; one damaged record without its arrays. */
function v1Records(): PackageRecord[] {
  const records: PackageRecord[] = [];
  for (let i = 0; i < 40; i++) {
    records.push({
      id: `id-${i}`,
      number: i % 5 === 4 ? undefined : `1Z999AA1${String(i).padStart(10, '0')}`,
      carrier: 'ups',
      orderId: i % 5 === 4 ? `112-0000000-${String(i).padStart(7, '0')}` : undefined,
      shipmentId: i % 5 === 4 ? `Shp${i}xyz` : undefined,
      itemTitles: [`Item ${i}`],
      label: i % 7 === 0 ? `Label ${i}` : undefined,
      note: i % 9 === 0 ? 'leave at the door' : undefined,
      status: i % 3 === 0 ? 'delivered' : 'in_transit',
      statusAt: 1_000 + i,
      eta: { start: '2026-11-27', end: '2026-11-29', by: '20:00', timeZone: 'America/New_York' },
      events: [
        { at: 900 + i, status: 'in_transit', description: 'Departed facility', location: 'Louisville, KY' },
      ],
      sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: 1_000 + i }],
      createdAt: 500 + i,
      updatedAt: 1_000 + i,
      deliveredAt: i % 3 === 0 ? 1_000 + i : undefined,
      archivedAt: i % 4 === 0 ? 2_000 + i : undefined,
    });
  }
  return records;
}

async function createV1Database(records: unknown[]): Promise<string> {
  const name = `upgrade-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('packages').bulkAdd(records);
  v1.close();
  return name;
}

describe('schema upgrade from version 1', () => {
  it('keeps every record and field, and fills the new index key', async () => {
    const records = v1Records();
    const name = await createV1Database(records);

    const db = new DoorstepDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const upgraded = await db.packages.toArray();
    expect(upgraded).toHaveLength(records.length);
    for (const original of records) {
      const after = upgraded.find((r) => r.id === original.id);
      // Nothing lost or altered: the record is the original plus the derived index key.
      expect(after).toEqual({
        ...stripUndefined(original),
        archived: original.archivedAt === undefined ? 0 : 1,
        arrivalDays: arrivalDaysOf(original),
        ...stallKeysOf(original),
      });
    }
    const active = await listActivePackages(db);
    expect(active.map((p) => p.id).sort()).toEqual(
      records
        .filter((r) => r.archivedAt === undefined)
        .map((r) => r.id)
        .sort(),
    );
    expect(active.map((p) => p.updatedAt)).toEqual([...active.map((p) => p.updatedAt)].sort((a, b) => b - a));
    expect((await listArchivedPackages(db)).length).toBe(
      records.filter((r) => r.archivedAt !== undefined).length,
    );
    db.close();
  });

  it('repairs a v1 record that lacks its lists instead of dropping it', async () => {
    const name = await createV1Database([
      { id: 'bare', number: '9400111206206406260787', createdAt: 1, updatedAt: 1 },
    ]);
    const db = new DoorstepDatabase(name);
    const bare = await db.packages.get('bare');
    expect(bare).toMatchObject({
      number: '9400111206206406260787',
      itemTitles: [],
      events: [],
      sources: [],
      status: 'unknown',
      archived: 0,
    });
    db.close();
  });

  it('keeps the unique number index: a second record with the same number is refused after the upgrade', async () => {
    const [first] = v1Records();
    if (!first) throw new Error('fixture');
    const name = await createV1Database([first]);
    const db = new DoorstepDatabase(name);
    await expect(db.packages.add({ ...first, id: 'other' })).rejects.toThrow();
    db.close();
  });
});

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
