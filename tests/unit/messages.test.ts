import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../utils/background/message-handler';
import { parseMessage, parseRecords } from '../../utils/messages';
import { createMessageClient } from '../../utils/messaging/client';
import { DoorstepDatabase } from '../../utils/store/db';
import { identifyTrackingNumber } from '../../utils/tracking';

const detection = { number: '1Z999AA10123456784', carrier: 'ups', source: { kind: 'webmail', seenAt: 1 } };

describe('parseMessage', () => {
  it('accepts a well-formed report', () => {
    expect(parseMessage({ type: 'detections', detections: [detection] })).toMatchObject({ ok: true });
  });

  it('accepts the engine’s LaserShip form with its "-1" piece suffix, not a leading or trailing hyphen', () => {
    const laser = { ...detection, number: '1LS7119013618127-1', carrier: 'lasership' };
    expect(parseMessage({ type: 'detections', detections: [laser] })).toMatchObject({ ok: true });
    const dangling = { ...detection, number: '1LS7119013618127-' };
    expect(parseMessage({ type: 'detections', detections: [dangling] })).toMatchObject({ ok: false });
  });

  it.each([
    ['unknown type', { type: 'drop-tables' }],
    ['not an object', 'detections'],
    ['lower-case number', { type: 'detections', detections: [{ ...detection, number: '1z999aa' }] }],
    ['script URL', { type: 'detections', detections: [{ ...detection, trackUrl: 'javascript:alert(1)' }] }],
    ['unknown status', { type: 'detections', detections: [{ ...detection, status: 'teleported' }] }],
    [
      'neither number nor order',
      { type: 'detections', detections: [{ carrier: 'ups', source: detection.source }] },
    ],
    ['too many', { type: 'detections', detections: Array.from({ length: 501 }, () => detection) }],
    ['huge title', { type: 'detections', detections: [{ ...detection, itemTitles: ['x'.repeat(301)] }] }],
  ])('rejects %s with a reason', (_name, message) => {
    const result = parseMessage(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});

describe('parseMessage: tracked-numbers', () => {
  it('accepts up to 500 normalised numbers and optional order ids', () => {
    const numbers = Array.from({ length: 500 }, () => '1Z999AA10123456784');
    expect(parseMessage({ type: 'tracked-numbers', numbers })).toMatchObject({ ok: true });
    expect(
      parseMessage({ type: 'tracked-numbers', numbers: [], orderIds: ['113-5838173-8241820'] }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ['501 numbers', { numbers: Array.from({ length: 501 }, () => '1Z999AA10123456784') }],
    ['a lower-case number', { numbers: ['1z999aa10123456784'] }],
    ['a number with spaces', { numbers: ['1Z 999 AA1 0123456784'] }],
    ['no number list', {}],
    ['an order id with a slash', { numbers: [], orderIds: ['113/5838173'] }],
    ['501 order ids', { numbers: [], orderIds: Array.from({ length: 501 }, () => '113-5838173-8241820') }],
  ])('rejects %s', (_name, fields) => {
    expect(parseMessage({ type: 'tracked-numbers', ...fields })).toMatchObject({ ok: false });
  });
});

describe('parseRecords (import files)', () => {
  const record = {
    id: 'r1',
    number: '1Z999AA10123456784',
    itemTitles: [],
    status: 'in_transit',
    events: [],
    sources: [],
    createdAt: 1,
    updatedAt: 2,
    userEditedAt: 2,
    lateNoticeFor: '2026-11-27',
  };

  it('keeps the valid records and names the position and field of each rejected one', () => {
    const result = parseRecords([
      record,
      { ...record, status: 'lost' },
      { ...record, lateNoticeFor: 'soon' },
      42,
    ]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ userEditedAt: 2, lateNoticeFor: '2026-11-27' });
    expect(result.rejected).toBe(3);
    // Coded, so the options page words them in the UI language (valibot's messages are English).
    expect(result.reasons).toEqual([
      { index: 1, field: 'status', problem: 'not-allowed' },
      { index: 2, field: 'lateNoticeFor', problem: 'invalid' },
      { index: 3, field: '', problem: 'wrong-type' },
    ]);
  });

  it('drops unknown fields, such as the database’s own index key', () => {
    const [parsed] = parseRecords([{ ...record, archived: 1, extra: '<script>' }]).records;
    expect(parsed).not.toHaveProperty('archived');
    expect(parsed).not.toHaveProperty('extra');
  });

  it('bounds the reasons it reports', () => {
    const result = parseRecords(Array.from({ length: 500 }, () => ({})));
    expect(result.rejected).toBe(500);
    expect(result.reasons).toHaveLength(50);
  });
});

describe('message client (popup, options)', () => {
  it('types each reply by its message, and turns every failure into an error code', async () => {
    const db = new DoorstepDatabase(`client-${crypto.randomUUID()}`);
    const handlerDeps = { db, now: () => 1_000, identify: identifyTrackingNumber, onChange: async () => {} };
    // The real handler behind the client, as the worker answers an extension page.
    const send = createMessageClient((message) => handleMessage(message, handlerDeps, 'extension'));
    const added = await send({ type: 'add-numbers', input: '1Z999AA10123456784' });
    // `added` is the add-numbers reply: its outcomes are typed, no cast.
    const id = added.ok ? added.added[0]?.id : undefined;
    expect(id).toEqual(expect.any(String));
    const deleted = await send({ type: 'delete', id: id ?? '' });
    expect(deleted.ok && deleted.record.number).toBe('1Z999AA10123456784');
    const again = await send({ type: 'delete', id: id ?? '' });
    expect(again).toMatchObject({ ok: false, code: 'not-found' });
    await db.delete();

    // No background, a closed port, or an answer that is not ours: `unavailable`, never a throw or undefined.
    const gone = createMessageClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await gone({ type: 'ping' })).toMatchObject({ ok: false, code: 'unavailable' });
    const silent = createMessageClient(async () => undefined);
    expect(await silent({ type: 'ping' })).toMatchObject({ ok: false, code: 'unavailable' });
    // An error without a code is not one of our replies.
    const foreign = createMessageClient(async () => ({ ok: false, error: 'from someone else' }));
    expect(await foreign({ type: 'ping' })).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('every reply the handler gives to a refused or failed message carries a code', async () => {
    const db = new DoorstepDatabase(`codes-${crypto.randomUUID()}`);
    const deps = { db, now: () => 1_000, identify: identifyTrackingNumber, onChange: async () => {} };
    const replies = await Promise.all([
      handleMessage({ type: 'delete-all' }, deps, 'content'),
      handleMessage({ type: 'nope' }, deps, 'extension'),
      handleMessage({ type: 'archive', id: 'missing', archived: true }, deps, 'extension'),
      handleMessage({ type: 'refresh', ids: ['a'] }, deps, 'extension'),
      handleMessage(
        { type: 'refresh', ids: ['a'] },
        { ...deps, refresh: async () => ({ refreshed: [], failed: [] }) },
        'extension',
      ),
      handleMessage({ type: 'check-carrier-page', id: 'missing' }, deps, 'extension'),
    ]);
    expect(replies.map((reply) => (reply.ok ? 'ok' : reply.code))).toEqual([
      'forbidden',
      'invalid',
      'not-found',
      'unavailable',
      'not-found',
      'unavailable',
    ]);
    await db.delete();
  });
});
