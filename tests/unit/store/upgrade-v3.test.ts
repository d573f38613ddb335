import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeState, localDate } from '../../../utils/badge';
import { viewClock } from '../../../utils/status/package-state';
import {
  ANY_DAY,
  arrivalDaysOf,
  CURRENT_VERSION,
  DoorstepDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  stallKeysOf,
} from '../../../utils/store/db';
import { createRecord, mergeDetection } from '../../../utils/store/merge';
import {
  countPackages,
  listActivePackages,
  listArchivePage,
  listBadgeCandidates,
} from '../../../utils/store/repository';
import type { Detection, PackageRecord, PackageStatus } from '../../../utils/store/types';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const t = (key: string, ...args: unknown[]) => [key, ...args].join(' ');
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 15, 0);

/** Real tracking numbers of every carrier in the shared corpus (the valid ones, as a shopper would paste them). */
function corpusNumbers(): { number: string; carrier: string }[] {
  const url = new URL('../../../../shared/corpus/vectors.json', import.meta.url);
  const vectors = JSON.parse(readFileSync(url, 'utf8')) as {
    courier_code: string;
    number: string;
    valid: boolean;
  }[];
  const seen = new Set<string>();
  return vectors
    .filter((v) => v.valid)
    .map((v) => ({ number: v.number.replace(/\s+/g, '').toUpperCase(), carrier: v.courier_code }))
    .filter((v) => !seen.has(v.number) && seen.add(v.number));
}

/**
 * Records as release 2 stored them, made by the real merge code from detections of real numbers: each package seen
 * two or three times (mail, then carrier page), some Amazon shipments without a number, every status, estimates
 * around "today", a share archived by the user.
 */
function v2Records(): PackageRecord[] {
  const statuses: PackageStatus[] = [
    'info_received',
    'in_transit',
    'out_for_delivery',
    'delivered',
    'exception',
    'failed_attempt',
    'available_for_pickup',
    'returned',
    'expired',
    'unknown',
  ];
  const today = localDate(new Date(NOW));
  const day = (offset: number) => localDate(new Date(NOW + offset * DAY));
  const records: PackageRecord[] = [];
  const numbers = corpusNumbers();
  for (const [i, { number, carrier }] of numbers.entries()) {
    const mail: Detection = {
      number: i % 11 === 5 ? undefined : number,
      carrier,
      ...(i % 11 === 5 && { orderId: `112-${String(i).padStart(7, '0')}-1234567`, shipmentId: `Sh${i}` }),
      merchant: ['Amazon', 'Etsy', 'REI'][i % 3],
      itemTitles: [`Item ${i}`],
      status: 'in_transit',
      statusAt: NOW - 3 * DAY,
      eta:
        i % 4 === 0 ? undefined : { start: day((i % 5) - 2), ...(i % 3 === 0 && { end: day((i % 5) - 1) }) },
      source: { kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: NOW - 3 * DAY },
    };
    let record = createRecord(mail, `v2-${i}`, NOW - 3 * DAY);
    record = mergeDetection(
      record,
      {
        number: mail.number,
        orderId: mail.orderId,
        shipmentId: mail.shipmentId,
        status: statuses[i % statuses.length],
        statusAt: NOW - (i % 30) * 3_600_000,
        events: [
          {
            at: NOW - DAY,
            status: 'in_transit',
            description: 'Departed facility',
            location: 'Louisville, KY',
          },
        ],
        source: { kind: 'carrier', url: 'https://www.ups.com/track', seenAt: NOW - DAY },
      },
      NOW - DAY,
    );
    if (i % 3 === 1) record = { ...record, archivedAt: NOW - 2 * DAY, userEditedAt: NOW - 2 * DAY };
    if (i % 13 === 0) record = { ...record, label: `Gift ${i}`, note: 'leave at the door' };
    records.push(record);
  }
  expect(today).toBe(day(0));
  return records;
}

/** A database exactly as release 2 left it: schemas v1 and v2, and the `archived` key its hooks wrote. */
async function createV2Database(records: PackageRecord[]): Promise<string> {
  const name = `upgrade-v3-${crypto.randomUUID()}`;
  names.push(name);
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  await v2
    .table('packages')
    .bulkAdd(records.map((r) => ({ ...r, archived: r.archivedAt === undefined ? 0 : 1 })));
  v2.close();
  return name;
}

describe('schema upgrade from version 2', () => {
  it('keeps every record and field, fills the arrival days, and the new queries answer as a full scan would', async () => {
    const records = v2Records();
    expect(records.length).toBeGreaterThan(100);
    const name = await createV2Database(records);

    const db = new DoorstepDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const upgraded = await db.packages.toArray();
    expect(upgraded).toHaveLength(records.length);
    for (const original of records) {
      const after = upgraded.find((r) => r.id === original.id);
      const { arrivalDays, ...rest } = after ?? ({} as PackageRecord);
      expect(rest).toEqual({
        ...stripUndefined(original),
        archived: original.archivedAt === undefined ? 0 : 1,
        ...stallKeysOf(original),
      });
      expect(arrivalDays).toEqual(arrivalDaysOf(original));
      // Only active packages under way are due on a day.
      if (original.archivedAt !== undefined || original.status === 'delivered')
        expect(arrivalDays).toEqual([]);
    }
    expect(upgraded.some((r) => (r.arrivalDays?.length ?? 0) > 1)).toBe(true);

    // The badge from its two indexes is the badge over every package.
    const now = new Date(NOW);
    const candidates = await listBadgeCandidates(db, viewClock(now, { staleAfterDays: 5 }));
    const newestFirst = [...upgraded].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
    expect(badgeState(candidates, now, t)).toEqual(badgeState(newestFirst, now, t));
    expect(badgeState(upgraded, now, t).text).not.toBe('');
    // …and reads no archived or delivered package.
    for (const c of candidates) {
      expect(c.archivedAt).toBeUndefined();
      expect(c.status).not.toBe('delivered');
    }

    const archived = records.filter((r) => r.archivedAt !== undefined);
    expect(await countPackages(db)).toEqual({
      active: records.length - archived.length,
      archived: archived.length,
    });
    const page = await listArchivePage(db, 0, 10);
    expect(page).toHaveLength(10);
    expect(page.every((p) => p.archivedAt !== undefined)).toBe(true);
    expect((await listActivePackages(db)).length).toBe(records.length - archived.length);
    db.close();
  });

  it('keeps the arrival days current on every write path', async () => {
    const [first] = v2Records();
    if (!first) throw new Error('fixture');
    const name = await createV2Database([]);
    const db = new DoorstepDatabase(name);
    const days = async () => (await db.packages.get(first.id))?.arrivalDays;
    const record = { ...first, status: 'in_transit' as const, archivedAt: undefined };
    await db.packages.add({ ...record, eta: { start: '2026-11-27', end: '2026-11-29' } });
    expect(await days()).toEqual(['2026-11-27', '2026-11-28', '2026-11-29']);
    await db.packages.update(first.id, { 'eta.end': '2026-12-02' } as Partial<PackageRecord>);
    expect(await days()).toEqual([
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    await db.packages.put({ ...record, eta: { start: '2026-12-05' } });
    expect(await days()).toEqual(['2026-12-05']);
    expect(await db.packages.where('arrivalDays').equals('2026-12-05').count()).toBe(1);
    await db.packages.update(first.id, { status: 'delivered' });
    expect(await days()).toEqual([]);
    await db.packages.update(first.id, { status: 'in_transit' });
    expect(await days()).toEqual(['2026-12-05']);
    await db.packages.update(first.id, { archivedAt: 5 });
    expect(await days()).toEqual([]);
    await db.packages.put({ ...record, eta: undefined });
    expect(await days()).toEqual([]);
    await db.packages.toCollection().modify((p) => {
      p.eta = { start: '2026-01-01', end: '2026-06-30' };
    });
    // A half-year window is read every day (and checked by the badge) rather than spelled out.
    expect(await days()).toEqual([ANY_DAY]);
    db.close();
  });
});

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
