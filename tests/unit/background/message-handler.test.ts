import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HandlerDeps, handleMessage } from '../../../utils/background/message-handler';
import type { ReplyTo } from '../../../utils/messages';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageChange, PackageRecord } from '../../../utils/store/types';
import { identifyTrackingNumber } from '../../../utils/tracking';

let db: DoorstepDatabase;
let logged: string[];
let changeBatches: PackageChange[][];
let deps: HandlerDeps;
let clock: number;

beforeEach(() => {
  db = new DoorstepDatabase(`handler-${crypto.randomUUID()}`);
  logged = [];
  changeBatches = [];
  clock = 1_000;
  deps = {
    db,
    now: () => clock,
    identify: identifyTrackingNumber,
    onChange: async (changes) => {
      changeBatches.push(changes);
    },
    log: (message) => logged.push(message),
  };
});
afterEach(async () => {
  await db.delete();
});

const UPS = '1Z999AA10123456784';
const detection = { number: UPS, carrier: 'ups', source: { kind: 'webmail', seenAt: 1 } };

async function snapshot(): Promise<PackageRecord[]> {
  return db.packages.orderBy('id').toArray();
}

describe('handleMessage: the background boundary', () => {
  it.each([
    ['an unknown type', { type: 'drop-tables' }],
    [
      'a prototype-polluting payload',
      JSON.parse('{"type":"detections","detections":[{"__proto__":{"x":1}}]}'),
    ],
    [
      'a script URL as a source',
      {
        type: 'detections',
        detections: [{ ...detection, source: { kind: 'page', url: 'javascript:alert(1)', seenAt: 1 } }],
      },
    ],
    ['an oversized batch', { type: 'detections', detections: Array.from({ length: 501 }, () => detection) }],
    [
      'a negative time',
      { type: 'detections', detections: [{ ...detection, source: { kind: 'page', seenAt: -1 } }] },
    ],
    ['an archive flag that is not a boolean', { type: 'archive', id: 'x', archived: 'yes' }],
    ['a restore with a forged status', { type: 'restore', record: { id: 'x', status: 'teleported' } }],
    ['null', null],
  ])('rejects %s with a logged reason and changes nothing', async (_name, message) => {
    await handleMessage({ type: 'detections', detections: [detection] }, deps, 'extension');
    const before = await snapshot();
    changeBatches = [];
    const reply = await handleMessage(message, deps, 'extension');
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply).toMatchObject({ code: 'invalid', detail: expect.stringMatching(/^invalid message: /) });
    expect(logged.at(-1)).toMatch(/^Doorstep: rejected message \(.+\)$/);
    expect(await snapshot()).toEqual(before);
    expect(changeBatches).toEqual([]);
  });

  it('stores detections and reports the change once', async () => {
    const reply = await handleMessage({ type: 'detections', detections: [detection] }, deps, 'extension');
    expect(reply).toMatchObject({ ok: true, created: 1, updated: 0 });
    expect(changeBatches).toHaveLength(1);
    expect(changeBatches[0]?.[0]?.after?.number).toBe(UPS);
  });

  it('adds pasted numbers with the engine and names the pieces that are not numbers', async () => {
    const reply = (await handleMessage(
      { type: 'add-numbers', input: `1Z 999 AA1 0123 4567 84\nhello, ${UPS}` },
      deps,
      'extension',
    )) as ReplyTo<'add-numbers'>;
    expect(reply.ok).toBe(false);
    expect(reply.added?.map((o) => [o.input, o.number ?? o.error])).toEqual([
      ['1Z 999 AA1 0123 4567 84', UPS],
      ['hello', 'not-tracking-number'],
      [UPS, UPS],
    ]);
    expect(await db.packages.count()).toBe(1);
    expect((await db.packages.toArray())[0]?.sources[0]?.kind).toBe('manual');
  });

  it('labels, archives, deletes and restores with the popup’s message shapes', async () => {
    const created = (await handleMessage(
      { type: 'detections', detections: [detection] },
      deps,
      'extension',
    )) as ReplyTo<'detections'>;
    const id = created.ok ? (created.ids?.[0] ?? '') : '';
    clock = 2_000;
    expect(
      await handleMessage({ type: 'update-package', id, label: '  Boots  ' }, deps, 'extension'),
    ).toEqual({
      ok: true,
    });
    expect(await db.packages.get(id)).toMatchObject({ label: 'Boots', userEditedAt: 2_000 });
    expect(await handleMessage({ type: 'archive', id, archived: true }, deps, 'extension')).toEqual({
      ok: true,
    });
    expect((await db.packages.get(id))?.archived).toBe(1);
    const deleted = (await handleMessage({ type: 'delete', id }, deps, 'extension')) as ReplyTo<'delete'>;
    expect(deleted.ok && deleted.record?.label).toBe('Boots');
    expect(changeBatches.at(-1)?.[0]).toMatchObject({ deletedByUser: true });
    expect(await db.packages.count()).toBe(0);
    const restored = await handleMessage(
      { type: 'restore', record: deleted.ok ? deleted.record : undefined },
      deps,
      'extension',
    );
    expect(restored).toEqual({ ok: true, ids: [id] });
    expect(await db.packages.get(id)).toMatchObject({ label: 'Boots', archived: 1 });
    expect(
      await handleMessage({ type: 'archive', id: 'missing', archived: true }, deps, 'extension'),
    ).toEqual({
      ok: false,
      code: 'not-found',
      detail: 'no such package',
    });
  });

  it('imports valid records, rejects the rest with reasons, and merges by the same rules', async () => {
    await handleMessage(
      { type: 'detections', detections: [{ ...detection, status: 'delivered', statusAt: 900 }] },
      deps,
      'extension',
    );
    const good = {
      id: 'file-1',
      number: '9400111206206406260787',
      carrier: 'usps',
      itemTitles: ['Lamp'],
      status: 'in_transit',
      events: [],
      sources: [],
      createdAt: 1,
      updatedAt: 2,
    };
    const olderCopyOfLocal = {
      ...good,
      id: 'file-2',
      number: UPS,
      carrier: 'ups',
      status: 'in_transit',
      statusAt: 100,
    };
    const reply = (await handleMessage(
      {
        type: 'import',
        records: [
          good,
          olderCopyOfLocal,
          { ...good, id: 'file-3', number: 'lowercase' },
          { ...good, id: 'file-4', trackUrl: 'javascript:alert(1)' },
          { ...good, id: 'file-5', number: undefined },
          'not a record',
        ],
      },
      deps,
      'extension',
    )) as ReplyTo<'import'>;
    expect(reply).toMatchObject({ ok: true, created: 1, updated: 1, rejected: 4 });
    if (reply.ok) {
      expect(reply.reasons?.map((r) => r.index)).toEqual([2, 3, 4, 5]);
      expect(reply.reasons?.[0]?.field).toBe('number');
      expect(reply.reasons?.[2]).toEqual({ index: 4, field: '', problem: 'no-number-or-order' });
    }
    const ups = await db.packages.where('number').equals(UPS).first();
    expect(ups?.status).toBe('delivered');
    expect(logged.some((l) => l.includes('import rejected 4 of 6'))).toBe(true);
  });

  it('deletes all packages on this device and reports each removal without marking it for other devices', async () => {
    await handleMessage({ type: 'detections', detections: [detection] }, deps, 'extension');
    changeBatches = [];
    await expect(handleMessage({ type: 'delete-all' }, deps, 'extension')).resolves.toMatchObject({
      ok: true,
      updated: 1,
    });
    expect(await snapshot()).toEqual([]);
    expect(changeBatches).toHaveLength(1);
    expect(changeBatches[0]?.[0]).toMatchObject({ before: { number: UPS } });
    expect(changeBatches[0]?.[0]?.deletedByUser).toBeUndefined();
  });

  it('replies "internal error" and logs when the database fails, without throwing', async () => {
    db.close();
    const reply = await handleMessage({ type: 'detections', detections: [detection] }, deps, 'extension');
    expect(reply).toEqual({ ok: false, code: 'internal', detail: 'internal error' });
    expect(logged.at(-1)).toMatch(/^Doorstep: detections failed: /);
  });

  it('answers which numbers and orders are already stored, read-only, in one query per index', async () => {
    const amazon = {
      orderId: '113-5838173-8241820',
      shipmentId: 'DxdffwBQ0',
      source: { kind: 'amazon', seenAt: 1 },
    };
    const usps = { number: '9400111899223856925540', carrier: 'usps', source: { kind: 'page', seenAt: 1 } };
    await handleMessage({ type: 'detections', detections: [detection, amazon, usps] }, deps, 'extension');
    const stored = await handleMessage(
      { type: 'delete', id: (await snapshot()).find((p) => p.number === usps.number)?.id ?? '' },
      deps,
      'extension',
    );
    expect(stored.ok).toBe(true);
    const before = await snapshot();
    changeBatches = [];

    const reply = await handleMessage(
      {
        type: 'tracked-numbers',
        numbers: [UPS, usps.number, '1Z879E930346834440', UPS],
        orderIds: ['113-5838173-8241820', '302-4417781-6650713'],
      },
      deps,
      'extension',
    );
    expect(reply).toEqual({
      ok: true,
      // The deleted USPS package is no longer tracked; unknown numbers and orders are simply absent.
      tracked: { numbers: [UPS], orders: [{ orderId: '113-5838173-8241820', shipmentId: 'DxdffwBQ0' }] },
    });
    expect(await handleMessage({ type: 'tracked-numbers', numbers: [] }, deps, 'extension')).toEqual({
      ok: true,
      tracked: { numbers: [], orders: [] },
    });
    expect(await snapshot()).toEqual(before);
    expect(changeBatches).toEqual([]);
    const tooMany = Array.from({ length: 501 }, () => UPS);
    expect(
      await handleMessage({ type: 'tracked-numbers', numbers: tooMany }, deps, 'extension'),
    ).toMatchObject({
      ok: false,
    });
  });

  it('hands refresh to the provider feature when it is wired', async () => {
    expect(await handleMessage({ type: 'refresh', ids: ['a'] }, deps, 'extension')).toMatchObject({
      ok: false,
    });
    const asked: string[][] = [];
    const wired = {
      ...deps,
      refresh: async (ids: string[]) => {
        asked.push(ids);
        return { refreshed: ids, failed: [] };
      },
    };
    expect(await handleMessage({ type: 'refresh', ids: ['a', 'b'] }, wired, 'extension')).toEqual({
      ok: true,
      updated: 2,
      ids: ['a', 'b'],
    });
    expect(asked).toEqual([['a', 'b']]);
  });
});
