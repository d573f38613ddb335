import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type HandlerDeps,
  type HandlerReply,
  handleMessage,
} from '../../../utils/background/message-handler';
import { ALLOWED_SENDERS, type MessageType, type SenderKind, senderKindOf } from '../../../utils/messages';
import { DoorstepDatabase } from '../../../utils/store/db';
import { stageImportChunk } from '../../../utils/store/import-staging';
import type { PackageChange, PackageRecord } from '../../../utils/store/types';
import { identifyTrackingNumber } from '../../../utils/tracking';

// Attacks on the background boundary (issue 11, cases 1, 5 and 7): each must now be refused and change nothing.

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const UPS = '1Z999AA10123456784';
const USPS = '9400111206206406260787';

let db: DoorstepDatabase;
let changeBatches: PackageChange[][];
let deps: HandlerDeps;

beforeEach(async () => {
  db = new DoorstepDatabase(`security-${crypto.randomUUID()}`);
  changeBatches = [];
  deps = {
    db,
    now: () => 1_700_000_000_000,
    identify: identifyTrackingNumber,
    onChange: async (changes) => {
      changeBatches.push(changes);
    },
    refresh: async (ids) => ({ refreshed: ids, failed: [] }),
  };
  await handleMessage(
    {
      type: 'detections',
      detections: [{ number: UPS, carrier: 'ups', source: { kind: 'webmail', seenAt: 1_600_000_000_000 } }],
    },
    deps,
    'extension',
  );
  changeBatches = [];
});
afterEach(async () => {
  await db.delete();
});

const snapshot = (): Promise<PackageRecord[]> => db.packages.orderBy('id').toArray();
const storedId = async () => (await db.packages.toArray())[0]?.id ?? '';

/** A well-formed message of each popup/options-only type, aimed at the stored package. */
async function popupOnlyMessages(): Promise<unknown[]> {
  const id = await storedId();
  const [record] = await snapshot();
  return [
    { type: 'add-numbers', input: USPS },
    { type: 'update-package', id, label: 'phished' },
    { type: 'archive', id, archived: true },
    { type: 'delete', id },
    { type: 'restore', record: { ...record, label: 'overwritten' } },
    { type: 'refresh', ids: [id] },
    { type: 'import', records: [{ ...record, id: 'other', number: USPS, carrier: 'usps' }] },
    {
      type: 'import-staged',
      chunk: await stageImportChunk(db, [{ ...record, id: 'staged', number: USPS }], 1),
    },
    { type: 'delete-all' },
  ];
}

describe('who may send what', () => {
  it('lists content scripts only for detections, tracked-number queries, their settings and ping', () => {
    const forContent = (Object.keys(ALLOWED_SENDERS) as MessageType[]).filter((t) =>
      ALLOWED_SENDERS[t].includes('content'),
    );
    expect(forContent.sort()).toEqual(['content-settings', 'detections', 'ping', 'tracked-numbers']);
  });

  it('refuses every popup/options message from a content script: 0 accepted, store unchanged', async () => {
    const before = await snapshot();
    const messages = await popupOnlyMessages();
    expect(messages).toHaveLength(9);
    const replies: HandlerReply[] = [];
    for (const message of messages) replies.push(await handleMessage(message, deps, 'content'));
    expect(replies.filter((r) => r.ok)).toEqual([]);
    expect(replies.every((r) => !r.ok && r.code === 'forbidden')).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(changeBatches).toEqual([]);
  });

  it('still accepts detections, tracked-number queries and ping from a content script', async () => {
    const detections = {
      type: 'detections',
      detections: [{ number: USPS, carrier: 'usps', source: { kind: 'page', seenAt: 1_650_000_000_000 } }],
    };
    expect(await handleMessage(detections, deps, 'content')).toMatchObject({ ok: true, created: 1 });
    expect(await handleMessage({ type: 'tracked-numbers', numbers: [UPS] }, deps, 'content')).toMatchObject({
      ok: true,
      tracked: { numbers: [UPS] },
    });
    expect(await handleMessage({ type: 'ping' }, deps, 'content')).toEqual({ ok: true });
  });

  it('will not let a restore overwrite a live record, even from the popup', async () => {
    const before = await snapshot();
    const reply = await handleMessage(
      { type: 'restore', record: { ...before[0], label: 'x' } },
      deps,
      'extension',
    );
    expect(reply).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshot()).toEqual(before);
  });

  it('classifies senders by what the browser reports, never by the message', () => {
    const kind = (sender: object) => senderKindOf(sender, EXTENSION_ID, ORIGIN);
    expect(kind({ id: EXTENSION_ID, url: `${ORIGIN}popup.html` })).toBe('extension');
    // The popup opened in a tab (no action popup available) is still our page.
    expect(kind({ id: EXTENSION_ID, url: `${ORIGIN}popup.html`, tab: { id: 3 } })).toBe('extension');
    expect(kind({ id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } })).toBe(
      'content',
    );
    // A page spelling our origin in its path or query is still a page.
    expect(kind({ id: EXTENSION_ID, url: `https://evil.example/${ORIGIN}`, tab: { id: 3 } })).toBe('content');
    expect(kind({ id: 'another-extension', url: `${ORIGIN}popup.html` })).toBeUndefined();
    expect(kind({ id: EXTENSION_ID, url: 'https://mail.google.com/' })).toBeUndefined();
    expect(kind({ id: EXTENSION_ID, url: 'file:///tmp/x.html', tab: { id: 3 } })).toBeUndefined();
    expect(kind({ id: EXTENSION_ID })).toBeUndefined();
    expect(senderKindOf({ id: '', url: `${ORIGIN}x` }, '', ORIGIN)).toBeUndefined();
  });
});

describe('carrier codes and lengths', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'acme'])(
    'refuses the carrier code %s in detections and restores',
    async (carrier) => {
      const before = await snapshot();
      const detection = { number: USPS, carrier, source: { kind: 'page', seenAt: 1 } };
      for (const sender of ['content', 'extension'] as const)
        expect(
          await handleMessage({ type: 'detections', detections: [detection] }, deps, sender),
        ).toMatchObject({
          ok: false,
          code: 'invalid',
        });
      const restore = { type: 'restore', record: { ...before[0], id: 'gone', number: USPS, carrier } };
      expect(await handleMessage(restore, deps, 'extension')).toMatchObject({ ok: false, code: 'invalid' });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a million-item message on its length without reading a single item', async () => {
    let itemReads = 0;
    const huge = new Proxy(new Array(1_000_000).fill(0), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) itemReads++;
        return Reflect.get(target, key, receiver);
      },
    });
    for (const [type, field] of [
      ['detections', 'detections'],
      ['tracked-numbers', 'numbers'],
      ['import', 'records'],
      ['refresh', 'ids'],
    ] as const) {
      const reply = await handleMessage({ type, [field]: huge }, deps, 'extension');
      expect(reply).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(itemReads).toBe(0);
  });
});

/** A small deterministic generator (mulberry32), so a failing fuzz case is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_VALUES: unknown[] = [
  null,
  undefined,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1.5,
  '',
  'x'.repeat(5000),
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  {},
  [],
  [null],
  true,
  { __proto__: { ok: true } },
];

/** A present field with one of these is always wrong (an absent optional field is not). */
const BAD_FIELD_VALUES = BAD_VALUES.filter((b) => b !== undefined);

/** Malformed messages: each breaks a rule every sender must obey (shape, bound, type), whatever the sender. */
function malformedMessages(count: number, seed: number): unknown[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const detection = () => ({ number: UPS, carrier: 'ups', source: { kind: 'page', seenAt: 1 } });
  const makers: (() => unknown)[] = [
    () => pick(BAD_VALUES),
    () => ({
      type: pick(['drop-tables', '__proto__', 'constructor', 'toString', '', 'DELETE-ALL', 7, null]),
    }),
    () => ({ type: 'detections', detections: pick(BAD_VALUES.filter((b) => !Array.isArray(b))) }),
    () => ({ type: 'detections', detections: [{ ...detection(), number: pick(BAD_FIELD_VALUES) }] }),
    () => ({ type: 'detections', detections: [{ ...detection(), carrier: pick(BAD_FIELD_VALUES) }] }),
    () => ({
      type: 'detections',
      detections: [{ ...detection(), source: { kind: pick(BAD_FIELD_VALUES), seenAt: 1 } }],
    }),
    () => ({
      type: 'detections',
      detections: [
        { ...detection(), source: { kind: 'page', seenAt: pick([-1, Number.NaN, '1', 1.5, 1e20]) } },
      ],
    }),
    () => ({
      type: 'detections',
      detections: [{ ...detection(), trackUrl: pick(['javascript:x', 'ftp://a', 5]) }],
    }),
    () => ({
      type: 'detections',
      detections: Array.from({ length: 501 + Math.floor(rand() * 100) }, detection),
    }),
    () => ({ type: 'detections', detections: [{ source: { kind: 'page', seenAt: 1 } }] }),
    () => ({ type: 'tracked-numbers', numbers: pick([null, 'x', [5], ['lower case'], {}]) }),
    () => ({ type: 'tracked-numbers', numbers: Array.from({ length: 501 }, () => UPS) }),
    () => ({ type: 'add-numbers', input: pick([null, 5, {}, 'x'.repeat(4001)]) }),
    () => ({ type: 'update-package', id: pick(['', 'x'.repeat(65), null, 5]), label: 'x' }),
    () => ({ type: 'archive', id: 'x', archived: pick(['yes', 1, null]) }),
    () => ({ type: 'delete', id: pick(['', null, {}, 'x'.repeat(65)]) }),
    () => ({ type: 'restore', record: pick([null, {}, { id: 'x', status: 'teleported' }]) }),
    () => ({ type: 'refresh', ids: pick([null, 'x', [''], Array.from({ length: 1001 }, () => 'a')]) }),
    () => ({ type: 'import', records: pick([null, 'x', {}]) }),
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

describe('fuzz: malformed messages from each sender kind', () => {
  it.each(['content', 'extension'] as SenderKind[])(
    '600 malformed messages from a %s sender: 0 accepted, store unchanged, the handler still answers',
    async (sender) => {
      const before = await snapshot();
      const messages = malformedMessages(600, sender === 'content' ? 11 : 12);
      // From a content script, every well-formed popup/options message counts as an attack too.
      if (sender === 'content') messages.push(...(await popupOnlyMessages()));
      let accepted = 0;
      for (const message of messages) {
        const reply = await handleMessage(message, deps, sender);
        if (reply.ok || !reply.code) accepted++;
      }
      expect(accepted).toBe(0);
      expect(await snapshot()).toEqual(before);
      expect(changeBatches).toEqual([]);
      expect(await handleMessage({ type: 'ping' }, deps, sender)).toEqual({ ok: true });
    },
  );
});
