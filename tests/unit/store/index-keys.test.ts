import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase, withIndexKeys } from '../../../utils/store/db';
import { importRecords, upsertDetections } from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';

/**
 * The v2–v4 index keys are derived on every write path by one core middleware (utils/store/db.ts), without
 * reading a record back before writing it: a bulk write of N records costs N writes, not N reads and N writes.
 */
let db: DoorstepDatabase;
let readsBeforeWrite: number;

beforeEach(() => {
  db = new DoorstepDatabase(`test-${crypto.randomUUID()}`);
  readsBeforeWrite = 0;
  // Level 0: below Dexie's own middlewares, so it sees every record read that reaches IndexedDB.
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    level: 0,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          getMany: (request) => {
            readsBeforeWrite += request.keys.length;
            return table.getMany(request);
          },
        };
      },
    }),
  });
});
afterEach(async () => {
  await db.delete();
});

const DAY = 86_400_000;
const now = Date.parse('2026-03-10T12:00:00Z');

function record(i: number, extra: Partial<PackageRecord> = {}): PackageRecord {
  return {
    id: `r-${i}`,
    number: `1Z${String(i).padStart(16, '0')}`,
    carrier: 'ups',
    itemTitles: [],
    status: 'in_transit',
    statusAt: now - DAY,
    eta: { start: '2026-03-11' },
    events: [],
    sources: [{ kind: 'webmail', seenAt: now - DAY }],
    createdAt: now - 2 * DAY,
    updatedAt: now - DAY,
    ...extra,
  };
}

describe('index keys', () => {
  it('are derived on add, put, update by key path and modify, and removed when they no longer apply', async () => {
    await db.packages.add(record(1));
    expect(await db.packages.get('r-1')).toMatchObject({ archived: 0, arrivalDays: ['2026-03-11'] });
    expect((await db.packages.get('r-1'))?.lateFrom).toBeGreaterThan(0);

    await db.packages.update('r-1', { 'eta.end': '2026-03-12' } as Partial<PackageRecord>);
    expect((await db.packages.get('r-1'))?.arrivalDays).toEqual(['2026-03-11', '2026-03-12']);

    await db.packages.where('id').equals('r-1').modify({ status: 'delivered', archivedAt: now });
    const archived = await db.packages.get('r-1');
    expect(archived).toMatchObject({ archived: 1, arrivalDays: [] });
    expect(archived && 'lateFrom' in archived).toBe(false);
    expect(archived && 'quietSince' in archived).toBe(false);

    // A put of a copy without the keys (as an older writer or an import would send it) still gets them.
    const { archived: _a, arrivalDays: _d, ...bare } = record(2);
    await db.packages.put(bare as PackageRecord);
    expect(await db.packages.get('r-2')).toEqual(withIndexKeys(record(2)));
  });

  it('cost no read of the stored records on a bulk write: an import reads once (the working set), then writes', async () => {
    const records = Array.from({ length: 300 }, (_, i) => record(i));
    await db.packages.bulkPut(records);
    expect(readsBeforeWrite).toBe(0);

    // Re-importing changed copies: the identity rules read the working set by key ranges (number, id), and the
    // write reads nothing back: no per-record get at all.
    const changed = records.map((r) => ({ ...r, statusText: 'On the way', userEditedAt: now }));
    const result = await importRecords(db, changed, now);
    expect(result.updated).toBe(300);
    expect(readsBeforeWrite).toBe(0);
    expect((await db.packages.get('r-7'))?.arrivalDays).toEqual(['2026-03-11']);

    readsBeforeWrite = 0;
    const detections = records.slice(0, 50).map((r) => ({
      number: r.number ?? '',
      carrier: 'ups',
      status: 'out_for_delivery' as const,
      source: { kind: 'webmail' as const, seenAt: now },
    }));
    await upsertDetections(db, detections, now);
    // Found through the number index (a cursor read, not getMany), written without reading them again.
    expect(readsBeforeWrite).toBe(0);
    expect(await db.packages.where('[archived+status]').equals([0, 'out_for_delivery']).count()).toBe(50);
  });
});
