import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeState } from '../../../utils/badge';
import { viewClock } from '../../../utils/status/package-state';
import { DoorstepDatabase } from '../../../utils/store/db';
import {
  countPackages,
  deletePackage,
  editPackage,
  importRecords,
  listActivePackages,
  listArchivedPackages,
  listArchivePage,
  listBadgeCandidates,
  restorePackage,
  upsertDetections,
} from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';

let db: DoorstepDatabase;
beforeEach(() => {
  db = new DoorstepDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const source = { kind: 'webmail' as const, seenAt: 1 };

describe('upsertDetections', () => {
  it('creates one record per number and merges repeats', async () => {
    const first = await upsertDetections(db, [{ number: '1Z999AA10123456784', carrier: 'ups', source }], 1);
    const second = await upsertDetections(
      db,
      [{ number: '1Z999AA10123456784', carrier: 'ups', status: 'in_transit', source }],
      2,
    );
    expect(first).toMatchObject({ created: 1, updated: 0 });
    expect(second).toMatchObject({ created: 0, updated: 1, ids: first.ids });
    expect(await db.packages.count()).toBe(1);
  });

  it('keeps an Amazon shipment and its later tracking number as one package', async () => {
    await upsertDetections(
      db,
      [{ orderId: '112-1234567-1234567', shipmentId: 'DcBa9876', carrier: 'amazon', source }],
      1,
    );
    await upsertDetections(
      db,
      [
        {
          orderId: '112-1234567-1234567',
          shipmentId: 'DcBa9876',
          number: 'TBA123456789012',
          carrier: 'amazon',
          source,
        },
      ],
      2,
    );
    const all = await db.packages.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ number: 'TBA123456789012', shipmentId: 'DcBa9876' });
  });

  it('produces one record when several tabs report the same package at once', async () => {
    const reports = Array.from({ length: 8 }, (_, i) =>
      upsertDetections(
        db,
        [{ number: '9400111206206406260787', carrier: 'usps', source: { ...source, seenAt: i } }],
        i,
      ),
    );
    await Promise.all(reports);
    expect(await db.packages.count()).toBe(1);
  });

  it('lists active packages newest first, without archived ones', async () => {
    await upsertDetections(db, [{ number: 'AAA111111', source }], 1);
    await upsertDetections(db, [{ number: 'BBB222222', source }], 2);
    const [newest] = await listActivePackages(db);
    expect(newest?.number).toBe('BBB222222');
    if (newest) await db.packages.update(newest.id, { archivedAt: 3 });
    expect((await listActivePackages(db)).map((p) => p.number)).toEqual(['AAA111111']);
  });
});

describe('one record per package', () => {
  it('folds a shipment stored without its number into the record stored under that number', async () => {
    // The carrier e-mail was read first, the Amazon order page (shipment only) second…
    await upsertDetections(
      db,
      [{ number: 'TBA123456789012', carrier: 'amazon', status: 'in_transit', source }],
      1,
    );
    await upsertDetections(
      db,
      [
        {
          orderId: '112-1234567-1234567',
          shipmentId: 'DcBa9876',
          itemTitles: ['Lamp'],
          source: { ...source, seenAt: 2 },
        },
      ],
      2,
    );
    expect(await db.packages.count()).toBe(2);
    await db.packages
      .filter((p) => p.shipmentId === 'DcBa9876')
      .modify({ label: 'Living room lamp', userEditedAt: 3 });
    // …then a page links the two.
    const result = await upsertDetections(
      db,
      [
        {
          orderId: '112-1234567-1234567',
          shipmentId: 'DcBa9876',
          number: 'TBA123456789012',
          carrier: 'amazon',
          source: { ...source, seenAt: 4 },
        },
      ],
      4,
    );
    const all = await db.packages.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      number: 'TBA123456789012',
      shipmentId: 'DcBa9876',
      itemTitles: ['Lamp'],
      label: 'Living room lamp',
      status: 'in_transit',
    });
    expect(result.changes.filter((c) => c.before && !c.after)).toHaveLength(1);
  });

  it('keeps two numbered shipments of the same order apart', async () => {
    await upsertDetections(
      db,
      [{ orderId: '112-1234567-1234567', shipmentId: 'S1abc', number: '1Z999AA10123456784', source }],
      1,
    );
    await upsertDetections(
      db,
      [{ orderId: '112-1234567-1234567', shipmentId: 'S1abc', number: 'TBA123456789012', source }],
      2,
    );
    expect(await db.packages.count()).toBe(2);
  });

  it('merges repeats inside one batch, and concurrent batches from several tabs', async () => {
    const numbers = ['1Z999AA10123456784', '9400111206206406260787', 'TBA123456789012'];
    const batch = (seenAt: number) =>
      numbers.flatMap((number) =>
        [number, number].map((n) => ({ number: n, source: { ...source, seenAt } })),
      );
    await Promise.all(Array.from({ length: 6 }, (_, i) => upsertDetections(db, batch(i), i)));
    expect((await db.packages.toArray()).map((p) => p.number).sort()).toEqual([...numbers].sort());
  });
});

describe('user edits, delete and restore', () => {
  it('stamps edits, and archiving moves a package between the active and archived lists', async () => {
    const { ids } = await upsertDetections(db, [{ number: 'AAA111111', source }], 1);
    const id = ids[0] ?? '';
    const labelled = await editPackage(db, id, { label: 'Boots', note: '' }, 5);
    expect(labelled?.after).toMatchObject({ label: 'Boots', userEditedAt: 5, updatedAt: 5 });
    expect(labelled?.after?.note).toBeUndefined();
    await editPackage(db, id, { archived: true }, 6);
    expect(await listActivePackages(db)).toHaveLength(0);
    expect((await listArchivedPackages(db)).map((p) => p.id)).toEqual([id]);
    // A later detection neither un-archives nor renames it.
    await upsertDetections(
      db,
      [{ number: 'AAA111111', status: 'delivered', itemTitles: ['Boots, size 42'], source }],
      7,
    );
    expect(await db.packages.get(id)).toMatchObject({ archivedAt: 6, label: 'Boots', archived: 1 });
    await editPackage(db, id, { archived: false }, 8);
    expect((await listActivePackages(db)).map((p) => p.id)).toEqual([id]);
    expect(await editPackage(db, 'missing', { label: 'x' }, 9)).toBeUndefined();
  });

  it('restores a deleted record, unless its number is tracked again', async () => {
    const { ids } = await upsertDetections(db, [{ number: 'AAA111111', source }], 1);
    const deleted = await deletePackage(db, ids[0] ?? '');
    if (!deleted) throw new Error('not deleted');
    expect(await db.packages.count()).toBe(0);
    const restored = await restorePackage(db, deleted);
    expect(restored.ok).toBe(true);
    expect(await listActivePackages(db)).toHaveLength(1);
    await deletePackage(db, deleted.id);
    await upsertDetections(db, [{ number: 'AAA111111', source }], 2);
    expect(await restorePackage(db, deleted)).toEqual({
      ok: false,
      error: 'this package is tracked again already',
    });
    expect(await db.packages.count()).toBe(1);
  });
});

describe('importRecords', () => {
  const exported = (over: Partial<PackageRecord>): PackageRecord => ({
    id: 'exported-1',
    number: '1Z999AA10123456784',
    carrier: 'ups',
    itemTitles: ['Boots'],
    status: 'in_transit',
    statusAt: 100,
    events: [],
    sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: 100 }],
    createdAt: 50,
    updatedAt: 100,
    ...over,
  });

  it('creates missing packages and reports an identical second import as unchanged', async () => {
    const first = await importRecords(db, [exported({})], 1_000);
    expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const second = await importRecords(db, [exported({})], 2_000);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const [stored] = await db.packages.toArray();
    expect(stored).toMatchObject({ id: 'exported-1', itemTitles: ['Boots'], archived: 0 });
    expect(stored?.sources.map((s) => s.kind)).toEqual(['webmail', 'import']);
  });

  it('never lets older data overwrite the user’s fields or move the status back', async () => {
    await upsertDetections(
      db,
      [{ number: '1Z999AA10123456784', status: 'delivered', statusAt: 500, source }],
      500,
    );
    const [local] = await db.packages.toArray();
    await editPackage(db, local?.id ?? '', { label: 'Mine' }, 600);
    const result = await importRecords(
      db,
      [exported({ label: 'From an old backup', userEditedAt: 200, archivedAt: 200, itemTitles: ['Boots'] })],
      1_000,
    );
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const [after] = await db.packages.toArray();
    expect(after).toMatchObject({ label: 'Mine', status: 'delivered', itemTitles: ['Boots'] });
    expect(after?.archivedAt).toBeUndefined();
    // A newer edit in the file wins.
    await importRecords(db, [exported({ label: 'Renamed elsewhere', userEditedAt: 900 })], 1_100);
    expect((await db.packages.toArray())[0]).toMatchObject({
      label: 'Renamed elsewhere',
      status: 'delivered',
    });
  });

  it('gives a new id to an imported record whose id belongs to another package', async () => {
    await importRecords(db, [exported({ id: 'same', number: 'AAA111111' })], 1);
    const result = await importRecords(db, [exported({ id: 'same', number: 'BBB222222' })], 2);
    expect(result.created).toBe(1);
    expect(new Set((await db.packages.toArray()).map((p) => p.id)).size).toBe(2);
  });
});

describe('listBadgeCandidates', () => {
  const today = '2026-11-27';
  it('reads the active packages that can count today: badge statuses, due today, late or quiet; no archived one', async () => {
    // Seen on the morning of that day: nothing is quiet yet.
    const seenAt = new Date(2026, 10, 27, 9).getTime();
    const detections = [
      { number: 'PKG000001', status: 'in_transit' as const, eta: { start: '2026-11-26', end: '2026-11-28' } },
      { number: 'PKG000002', status: 'in_transit' as const, eta: { start: '2026-11-20' } },
      { number: 'PKG000003', status: 'in_transit' as const },
      { number: 'PKG000004', status: 'out_for_delivery' as const },
      { number: 'PKG000005', status: 'returned' as const },
      { number: 'PKG000006', status: 'delivered' as const, eta: { start: '2026-11-20' } },
      { number: 'PKG000007', status: 'expired' as const },
      { number: 'PKG000008', status: 'exception' as const },
      { number: 'PKG000009', status: 'failed_attempt' as const },
      { number: 'PKG000010', status: 'info_received' as const, eta: { start: '2026-11-27' } },
      { number: 'PKG000011', status: 'in_transit' as const, eta: { start: '2026-12-01' } },
    ];
    await upsertDetections(
      db,
      detections.map((d) => ({ ...d, source: { ...source, seenAt } })),
      seenAt,
    );
    await upsertDetections(
      db,
      [{ number: 'ARCHIVED1', status: 'exception', eta: { start: today }, source: { ...source, seenAt } }],
      seenAt,
    );
    const [archived] = await db.packages.where('number').equals('ARCHIVED1').toArray();
    await editPackage(db, archived?.id ?? '', { archived: true }, seenAt + 1);
    const clock = viewClock(new Date(2026, 10, 27, 12), { staleAfterDays: 5 });
    const candidates = await listBadgeCandidates(db, clock);
    // Not PKG000003 (in transit, news an instant ago), PKG000011 (due later), the delivered and returned ones.
    expect(candidates.map((p) => p.number).sort()).toEqual([
      'PKG000001',
      'PKG000002',
      'PKG000004',
      'PKG000007',
      'PKG000008',
      'PKG000009',
      'PKG000010',
    ]);
    // Quiet for longer than the stale setting: PKG000003 and PKG000011 can be stale now.
    const later = viewClock(new Date(2026, 10, 27, 12), { staleAfterDays: 1 });
    const afterYears = { ...later, now: Date.UTC(2030, 0, 1) };
    const quiet = (await listBadgeCandidates(db, afterYears)).map((p) => p.number);
    expect(quiet).toContain('PKG000003');
    expect(quiet).toContain('PKG000011');
  });

  it('gives the badge every package badgeState counts, for random stores and days', async () => {
    const statuses = [
      'unknown',
      'info_received',
      'in_transit',
      'out_for_delivery',
      'available_for_pickup',
      'delivered',
      'exception',
      'failed_attempt',
      'returned',
      'expired',
    ] as const;
    const day = (n: number) => `2026-11-${String(20 + (n % 10)).padStart(2, '0')}`;
    const sourceKinds = ['webmail', 'manual', 'amazon', 'import'] as const;
    const records: PackageRecord[] = Array.from({ length: 400 }, (_, i) => ({
      id: `r${i}`,
      number: `RND${String(i).padStart(6, '0')}`,
      itemTitles: [],
      status: statuses[(i * 7) % statuses.length] ?? 'unknown',
      statusAt: Date.UTC(2026, 10, 12 + (i % 18), (i * 5) % 24),
      eta:
        i % 4 === 0
          ? undefined
          : i % 37 === 0
            ? { start: 'soon' }
            : { start: day(i), ...(i % 3 === 0 && { end: day(i + (i % 4)) }) },
      events:
        i % 6 === 0
          ? [{ at: Date.UTC(2026, 10, 10 + (i % 20), 8), status: 'in_transit', description: 'Scanned' }]
          : [],
      sources: [{ kind: sourceKinds[i % sourceKinds.length] ?? 'manual', seenAt: 1 }],
      createdAt: Date.UTC(2026, 10, 1),
      updatedAt: 1 + i,
      ...(i % 11 === 0 && { lastCheckedAt: Date.UTC(2026, 10, 25) }),
      archivedAt: i % 5 === 0 ? 10 : undefined,
    }));
    await db.packages.bulkPut(records);
    const all = byNewest(await db.packages.toArray());
    const t = (key: string, ...args: unknown[]) => [key, ...args].join(' ');
    let problems = 0;
    for (let d = 18; d <= 31; d++) {
      for (const [hour, staleAfterDays] of [
        [1, 1],
        [12, 5],
        [23, 14],
      ] as const) {
        const now = new Date(2026, 10, d, hour);
        const settings = { staleAfterDays, autoArchiveDays: 14 };
        const candidates = await listBadgeCandidates(db, viewClock(now, settings));
        const expected = badgeState(all, now, t, undefined, settings);
        expect(badgeState(candidates, now, t, undefined, settings)).toEqual(expected);
        if (expected.color !== badgeState([], now, t).color) problems++;
      }
    }
    // The comparison saw red badges, not only empty ones.
    expect(problems).toBeGreaterThan(0);
  });
});

describe('countPackages and listArchivePage', () => {
  it('counts both lists from the index and pages the archive, most recently archived first', async () => {
    await upsertDetections(
      db,
      Array.from({ length: 12 }, (_, i) => ({ number: `CNT${String(i).padStart(6, '0')}`, source })),
      1,
    );
    const stored = await db.packages.orderBy('number').toArray();
    for (const [i, p] of stored.slice(0, 7).entries())
      await editPackage(db, p.id, { archived: true }, 10 + i);
    expect(await countPackages(db)).toEqual({ active: 5, archived: 7 });
    const first = await listArchivePage(db, 0, 4);
    const second = await listArchivePage(db, 4, 4);
    expect([...first, ...second].map((p) => p.archivedAt)).toEqual([16, 15, 14, 13, 12, 11, 10]);
  });
});

/** The badge lists packages most recently changed first; a full scan sorted the same way reads the same. */
function byNewest(records: PackageRecord[]): PackageRecord[] {
  return [...records].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}

/** Counts the requests the store sends to IndexedDB (Dexie's lowest layer), to prove work is done in bulk. */
function countRequests(database: DoorstepDatabase): { count: number } {
  const counter = { count: 0 };
  database.use({
    stack: 'dbcore',
    name: 'request-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => {
            counter.count++;
            return table.get(req);
          },
          getMany: (req) => {
            counter.count++;
            return table.getMany(req);
          },
          query: (req) => {
            counter.count++;
            return table.query(req);
          },
          openCursor: (req) => {
            counter.count++;
            return table.openCursor(req);
          },
          mutate: (req) => {
            counter.count++;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return counter;
}

describe('importRecords in bulk', () => {
  const file = (count: number, from = 0): PackageRecord[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `file-${from + i}`,
      number: `IMP${String(from + i).padStart(8, '0')}`,
      itemTitles: [`Thing ${from + i}`],
      status: 'delivered',
      events: [],
      sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: 100 }],
      createdAt: 50,
      updatedAt: 100,
      statusAt: 90,
      deliveredAt: 90,
      archivedAt: 200,
    }));

  it('sends the same few requests for 20 records as for 600, new or merged', async () => {
    await importRecords(db, file(300), 1_000);
    const small = new DoorstepDatabase(db.name);
    const smallCounter = countRequests(small);
    await importRecords(small, file(20, 290), 2_000);
    small.close();
    const large = new DoorstepDatabase(db.name);
    const largeCounter = countRequests(large);
    const result = await importRecords(large, file(600), 3_000);
    large.close();
    expect(result).toMatchObject({ created: 290, updated: 0, unchanged: 310 });
    expect(largeCounter.count).toBeLessThanOrEqual(8);
    expect(largeCounter.count).toBe(smallCounter.count);
    expect(await db.packages.count()).toBe(600);
  });

  it('merges repeats inside one file into one record, and folds a number-less shipment into its number', async () => {
    const shipment: PackageRecord = {
      id: 'shipment',
      orderId: '112-1234567-7654321',
      shipmentId: 'ShAbc',
      itemTitles: ['Lamp'],
      status: 'in_transit',
      events: [],
      sources: [],
      createdAt: 10,
      updatedAt: 10,
    };
    await importRecords(db, [shipment], 100);
    const [a, b] = file(2);
    if (!a || !b) throw new Error('fixture');
    const revealed = { ...a, id: 'revealed', orderId: shipment.orderId, shipmentId: shipment.shipmentId };
    const result = await importRecords(
      db,
      [a, { ...a, id: 'copy', label: 'Mine', userEditedAt: 300 }, revealed, b],
      1_000,
    );
    const stored = await db.packages.toArray();
    expect(stored.map((p) => p.number).sort()).toEqual([a.number, b.number]);
    const merged = stored.find((p) => p.number === a.number);
    expect(merged).toMatchObject({
      id: a.id,
      label: 'Mine',
      orderId: shipment.orderId,
      itemTitles: ['Thing 0', 'Lamp'],
    });
    expect(result.created).toBe(2);
    expect(result.changes.some((c) => c.before?.id === 'shipment' && !c.after)).toBe(true);
  });
});
