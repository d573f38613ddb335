import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase } from '../../../utils/store/db';
import {
  autoArchiveDelivered,
  deletePackage,
  editPackage,
  importRecords,
  listActivePackages,
  listArchivedPackages,
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

  it('auto-archives delivered packages after the configured days, not others', async () => {
    const day = 24 * 60 * 60 * 1000;
    await upsertDetections(db, [{ number: 'OLD111111', status: 'delivered', statusAt: 1, source }], 1);
    await upsertDetections(
      db,
      [{ number: 'NEW222222', status: 'delivered', statusAt: 10 * day, source }],
      10 * day,
    );
    await upsertDetections(db, [{ number: 'MOV333333', status: 'in_transit', statusAt: 1, source }], 1);
    const changes = await autoArchiveDelivered(db, 7, 12 * day);
    expect(changes.map((c) => c.after?.number)).toEqual(['OLD111111']);
    expect((await listActivePackages(db)).map((p) => p.number).sort()).toEqual(['MOV333333', 'NEW222222']);
    expect(await autoArchiveDelivered(db, 0, 100 * day)).toEqual([]);
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
  it('reads active packages still under way or returned, not delivered, expired or archived ones', async () => {
    const statuses = [
      'in_transit',
      'out_for_delivery',
      'returned',
      'delivered',
      'expired',
      'exception',
    ] as const;
    await upsertDetections(
      db,
      statuses.map((status, i) => ({ number: `PKG00000${i}`, status, source })),
      1,
    );
    await upsertDetections(db, [{ number: 'ARCHIVED1', status: 'in_transit', source }], 1);
    const [archived] = await db.packages.where('number').equals('ARCHIVED1').toArray();
    await editPackage(db, archived?.id ?? '', { archived: true }, 2);
    const candidates = await listBadgeCandidates(db);
    expect(candidates.map((p) => p.status).sort()).toEqual([
      'exception',
      'in_transit',
      'out_for_delivery',
      'returned',
    ]);
  });
});
