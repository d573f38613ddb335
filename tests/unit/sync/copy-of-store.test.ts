import { afterEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';
import { buildPayload, entryOf, type SyncEntry } from '../../../utils/sync/compact';
import { type SyncArea, syncNow } from '../../../utils/sync/sync-store';

function memoryArea(): SyncArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async () => structuredClone(data),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (keys) => {
      for (const key of keys) delete data[key];
    },
  };
}

function memoryLocal() {
  const data: Record<string, unknown> = {};
  return {
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (key: string) => void delete data[key],
  };
}

const dbs: DoorstepDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A store larger than one read of the copy: many records created at the same instant, some without a number. */
function records(count: number, activeEvery: number): PackageRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `id-${String(i).padStart(5, '0')}`,
    ...(i % 17 !== 0 && { number: `1Z${String(i * 7919).padStart(16, '0')}` }),
    ...(i % 17 === 0 && { orderId: `111-${i}`, shipmentId: 's1' }),
    itemTitles: [],
    status: 'delivered' as const,
    events: [],
    sources: [],
    // Ties: ten records share each creation time.
    createdAt: 1_700_000_000_000 + Math.floor(i / 10) * 60_000,
    updatedAt: 1_700_000_000_000 + i,
    ...(i % 7 === 3 && { label: `Gift ${i}` }),
    ...(i % activeEvery !== 0 && { archivedAt: 1_700_000_000_000 + i }),
  }));
}

describe('the sync copy read through the index', () => {
  for (const [count, activeEvery] of [
    [3_500, 25],
    [2_600, 1],
    [300, 3],
  ] as const) {
    it(`equals the copy built from every record (${count} stored, 1 in ${activeEvery} active)`, async () => {
      const db = new DoorstepDatabase(`copy-${count}-${activeEvery}`);
      dbs.push(db);
      const all = records(count, activeEvery);
      await db.packages.bulkPut(all);
      const area = memoryArea();
      const report = await syncNow({
        db,
        area,
        local: memoryLocal(),
        now: () => 1_800_000_000_000,
        identify: () => ({ carrier: 'ups' }),
      });
      const expected = buildPayload(
        all.map(entryOf).filter((e): e is SyncEntry => e !== undefined),
        [],
      );
      expect(area.data).toEqual(expected.items);
      expect({ stored: report.stored, dropped: report.dropped }).toEqual({
        stored: expected.stored,
        dropped: expected.dropped,
      });
      if (count > 1_000) expect(expected.dropped).toBeGreaterThan(0);
      expect(report.created + report.updated + report.deleted).toBe(0);
    });
  }
});
