import { afterEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase } from '../../../utils/store/db';
import { deletePackage, editPackage, upsertDetections } from '../../../utils/store/repository';
import {
  buildPayload,
  changesAffectSync,
  entryOf,
  itemBytes,
  META_KEY,
  parsePayload,
  pickSyncedState,
  SYNC_BUDGET_BYTES,
  SYNC_MAX_ITEMS,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  type SyncEntry,
} from '../../../utils/sync/compact';
import {
  queueDeletions,
  type SyncArea,
  type SyncDeps,
  serialised,
  syncNow,
} from '../../../utils/sync/sync-store';
import { identifyTrackingNumber } from '../../../utils/tracking';

/** storage.sync as Chrome enforces it: per-item and total quotas, item count; writes are counted. */
class QuotaArea implements SyncArea {
  data: Record<string, unknown> = {};
  writes = 0;
  async get(): Promise<Record<string, unknown>> {
    return structuredClone(this.data);
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const next = { ...this.data, ...structuredClone(items) };
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA_BYTES_PER_ITEM) throw new Error(`QUOTA_BYTES_PER_ITEM ${key}`);
    }
    const total = Object.entries(next).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    if (total > SYNC_QUOTA_BYTES) throw new Error('QUOTA_BYTES');
    if (Object.keys(next).length > SYNC_MAX_ITEMS) throw new Error('MAX_ITEMS');
    this.data = next;
    this.writes++;
  }
  async remove(keys: string[]): Promise<void> {
    for (const key of keys) delete this.data[key];
    this.writes++;
  }
}

function memoryLocal() {
  const data: Record<string, unknown> = {};
  return {
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
    remove: async (key: string) => void delete data[key],
  };
}

const dbs: DoorstepDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function device(area: SyncArea, clock: { t: number }): SyncDeps {
  const db = new DoorstepDatabase(`sync-${crypto.randomUUID()}`);
  dbs.push(db);
  return { db, area, local: memoryLocal(), now: () => clock.t, identify: identifyTrackingNumber };
}

/** Runs rounds on both devices (as storage.onChanged would) until neither writes; fails if it never settles. */
async function settle(a: SyncDeps, b: SyncDeps): Promise<number> {
  for (let round = 1; round <= 6; round++) {
    const written = (await syncNow(a)).written + (await syncNow(b)).written;
    if (written === 0) return round;
  }
  throw new Error('sync did not settle');
}

const numbers = (db: DoorstepDatabase) =>
  db.packages.toArray().then((all) => all.map((p) => p.number).sort());
const source = (seenAt: number) => ({ kind: 'webmail' as const, seenAt });
const UPS = '1Z999AA10123456784';
const USPS = '9400111206206406260787';

describe('the compact sync copy', () => {
  const entries = (count: number): SyncEntry[] =>
    Array.from({ length: count }, (_, i) => ({
      n: `TBA${String(i).padStart(12, '0')}`,
      l: i % 2 ? `Label with ünïcödé ${'x'.repeat(i % 100)}` : undefined,
      ...(i % 3 === 0 && { a: 1 as const }),
      e: i,
      t: i * 1_000,
    }));

  it('fits the sync quotas with thousands of packages, active and newest first', () => {
    const payload = buildPayload(entries(5_000), [[UPS, 5]]);
    const sizes = Object.entries(payload.items).map(([k, v]) => itemBytes(k, v));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    expect(Object.keys(payload.items).length).toBeLessThanOrEqual(SYNC_MAX_ITEMS);
    expect(payload.stored + payload.dropped).toBe(5_000);
    expect(payload.dropped).toBeGreaterThan(0);
    const parsed = parsePayload(payload.items);
    expect(parsed.entries).toHaveLength(payload.stored);
    expect(parsed.tombstones).toEqual([[UPS, 5]]);
    // Short of room, the newest active packages are kept and archived ones go first.
    expect(parsed.entries.every((e) => e.a === undefined)).toBe(true);
    expect(parsed.entries[0]?.t).toBe(4_999_000);
    expect(parsed.entries.map((e) => e.t)).toEqual(parsed.entries.map((e) => e.t).sort((a, b) => b - a));
  });

  it('stores everything when it fits, active before archived', () => {
    const payload = buildPayload(entries(300), []);
    expect(payload.dropped).toBe(0);
    const parsed = parsePayload(payload.items).entries;
    const firstArchived = parsed.findIndex((e) => e.a === 1);
    expect(firstArchived).toBe(200);
    expect(parsed.slice(firstArchived).every((e) => e.a === 1)).toBe(true);
  });

  it('skips malformed or foreign items instead of applying them', () => {
    const parsed = parsePayload({
      [META_KEY]: { v: 1, chunks: 2 },
      'doorstep.sync.0': [{ n: UPS, t: 1 }, { n: 'lower', t: 1 }, { n: USPS, t: -5 }, '<script>'],
      'doorstep.sync.1': 'not a list',
      'doorstep.sync.deleted': [[UPS, 'yesterday']],
      unrelated: 1,
    });
    expect(parsed.entries).toEqual([{ n: UPS, t: 1 }]);
    expect(parsed.invalid).toBe(5);
    expect(parsePayload({ [META_KEY]: { v: 99, chunks: 1 } }).entries).toEqual([]);
  });

  it('picks the same winner whichever copy it looks at first', () => {
    const states = [
      { archived: false, editedAt: 5, label: 'a' },
      { archived: true, editedAt: 5, label: 'a' },
      { archived: false, editedAt: 5, label: 'b' },
      { archived: false, editedAt: 9 },
      { archived: true },
    ];
    for (const x of states) {
      for (const y of states) {
        const xy = pickSyncedState(x, y) === 'local' ? x : y;
        const yx = pickSyncedState(y, x) === 'local' ? y : x;
        expect(xy).toEqual(yx);
      }
    }
  });

  it('only changes to numbers, labels and archive flags need a sync round', () => {
    const record = {
      id: 'a',
      number: UPS,
      itemTitles: [],
      status: 'in_transit' as const,
      events: [],
      sources: [],
      createdAt: 1,
      updatedAt: 1,
    };
    expect(entryOf(record)).toEqual({ n: UPS, t: 1 });
    expect(
      changesAffectSync([{ before: record, after: { ...record, status: 'delivered', updatedAt: 2 } }]),
    ).toBe(false);
    expect(changesAffectSync([{ before: record, after: { ...record, label: 'Boots' } }])).toBe(true);
    expect(changesAffectSync([{ after: record }])).toBe(true);
    expect(changesAffectSync([{ before: record }])).toBe(true);
  });
});

describe('sync between two devices', () => {
  it('merges both sets of numbers and labels, then stops writing', async () => {
    const area = new QuotaArea();
    const clock = { t: 1_000 };
    const laptop = device(area, clock);
    const phone = device(area, clock);
    await upsertDetections(
      laptop.db,
      [{ number: UPS, carrier: 'ups', status: 'in_transit', source: source(1) }],
      1_000,
    );
    await upsertDetections(phone.db, [{ number: USPS, carrier: 'usps', source: source(2) }], 1_000);
    const [ups] = await laptop.db.packages.toArray();
    await editPackage(laptop.db, ups?.id ?? '', { label: 'Boots' }, 1_100);

    await settle(laptop, phone);
    expect(await numbers(laptop.db)).toEqual([UPS, USPS].sort());
    expect(await numbers(phone.db)).toEqual([UPS, USPS].sort());
    const onPhone = await phone.db.packages.where('number').equals(UPS).first();
    expect(onPhone).toMatchObject({ label: 'Boots', carrier: 'ups', status: 'unknown', userEditedAt: 1_100 });
    expect(onPhone?.sources.map((s) => s.kind)).toEqual(['sync']);
    // The laptop keeps its own facts: sync carries no status.
    expect((await laptop.db.packages.where('number').equals(UPS).first())?.status).toBe('in_transit');

    const writes = area.writes;
    expect((await syncNow(laptop)).written).toBe(0);
    expect((await syncNow(phone)).written).toBe(0);
    expect(area.writes).toBe(writes);
  });

  it('applies the newer of two edits on both devices, archive included', async () => {
    const area = new QuotaArea();
    const clock = { t: 1_000 };
    const laptop = device(area, clock);
    const phone = device(area, clock);
    await upsertDetections(laptop.db, [{ number: UPS, source: source(1) }], 1_000);
    await settle(laptop, phone);
    const onLaptop = await laptop.db.packages.where('number').equals(UPS).first();
    const onPhone = await phone.db.packages.where('number').equals(UPS).first();
    await editPackage(laptop.db, onLaptop?.id ?? '', { label: 'Older name' }, 2_000);
    await editPackage(phone.db, onPhone?.id ?? '', { label: 'Newer name', archived: true }, 3_000);
    clock.t = 4_000;
    await settle(laptop, phone);
    for (const d of [laptop, phone]) {
      const record = await d.db.packages.where('number').equals(UPS).first();
      expect(record).toMatchObject({ label: 'Newer name', archived: 1 });
    }
  });

  it('a deletion reaches the other device and is not brought back by it', async () => {
    const area = new QuotaArea();
    const clock = { t: 1_000 };
    const laptop = device(area, clock);
    const phone = device(area, clock);
    await upsertDetections(
      laptop.db,
      [
        { number: UPS, source: source(1) },
        { number: USPS, source: source(1) },
      ],
      1_000,
    );
    await settle(laptop, phone);
    clock.t = 2_000;
    const deleted = await deletePackage(
      laptop.db,
      (await laptop.db.packages.where('number').equals(UPS).first())?.id ?? '',
    );
    await queueDeletions(laptop.local, [{ before: deleted, deletedByUser: true }], clock.t);
    // The phone writes first (an unrelated change) before the laptop's round: the deletion must still win.
    await syncNow(phone);
    await settle(laptop, phone);
    expect(await numbers(laptop.db)).toEqual([USPS]);
    expect(await numbers(phone.db)).toEqual([USPS]);
  });

  it('keeps a deleted number that the other device saw again after the deletion', async () => {
    const area = new QuotaArea();
    const clock = { t: 1_000 };
    const laptop = device(area, clock);
    const phone = device(area, clock);
    await upsertDetections(laptop.db, [{ number: UPS, source: source(1) }], 1_000);
    await settle(laptop, phone);
    clock.t = 2_000;
    const deleted = await deletePackage(laptop.db, (await laptop.db.packages.toArray())[0]?.id ?? '');
    await queueDeletions(laptop.local, [{ before: deleted, deletedByUser: true }], 2_000);
    await upsertDetections(
      phone.db,
      [{ number: UPS, status: 'out_for_delivery', source: source(3_000) }],
      3_000,
    );
    clock.t = 3_500;
    await settle(laptop, phone);
    expect(await numbers(phone.db)).toEqual([UPS]);
  });

  it('serialises rounds so they never interleave', async () => {
    const order: string[] = [];
    const run = serialised(async (name: string) => {
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`end ${name}`);
      if (name === 'b') throw new Error('round failed');
    });
    await Promise.allSettled([run('a'), run('b'), run('c')]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
