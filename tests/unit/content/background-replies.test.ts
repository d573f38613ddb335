import { describe, expect, it } from 'vitest';
import { contentClient } from '@/utils/content/background-link';
import type { Entry } from '@/utils/content/core';
import { readContentSettings } from '@/utils/content/detection-mode';
import { createOutbox } from '@/utils/content/outbox';
import { askStored } from '@/utils/content/tracked-query';
import type { Detection } from '@/utils/store/types';

/**
 * The content side sends through the typed client, but a reply is still hostile input: an older or compromised
 * background, a closed port or an answer of another shape must leave the page as if there had been no answer, never
 * throw, never mark a package tracked that the background did not confirm.
 */

const UPS = '1Z999AA10123456784';
const entry = (detection: Partial<Detection> = {}): Entry => ({
  detection: { number: UPS, source: { kind: 'page', seenAt: 1 }, ...detection },
  fingerprint: '',
  shipping: true,
  tracked: false,
});
/** A client whose background answers every message with `reply` (or throws it when it is an Error). */
const answering = (reply: unknown) => {
  const sent: unknown[] = [];
  const send = contentClient(async (message) => {
    sent.push(message);
    if (reply instanceof Error) throw reply;
    return reply;
  });
  return { send, sent };
};

describe('"already stored?" replies', () => {
  it('reads the numbers and orders of a well-formed reply, and asks with the batch’s keys once each', async () => {
    const { send, sent } = answering({
      ok: true,
      tracked: { numbers: [UPS], orders: [{ orderId: '113-1234567-1234567' }] },
    });
    const stored = await askStored(send, [entry(), entry({ orderId: '113-1234567-1234567' })]);
    expect(sent).toEqual([{ type: 'tracked-numbers', numbers: [UPS], orderIds: ['113-1234567-1234567'] }]);
    expect(stored?.numbers.has(UPS)).toBe(true);
    expect(stored?.orders).toEqual([{ orderId: '113-1234567-1234567' }]);
  });

  it.each([
    ['an error reply', { ok: false, code: 'forbidden' }],
    ['no answer (no listener)', undefined],
    ['an answer not shaped like a reply', 'tracked'],
    ['a success without its body', { ok: true }],
    ['a thrown error (worker gone)', new Error('Could not establish connection')],
  ])('is no answer for %s', async (_, reply) => {
    expect(await askStored(answering(reply).send, [entry()])).toBeUndefined();
  });

  it('keeps only lists, and only objects as orders, from a malformed body', async () => {
    const { send } = answering({
      ok: true,
      tracked: { numbers: 'ABC', orders: [null, 7, { orderId: 'X' }] },
    });
    const stored = await askStored(send, [entry()]);
    expect(stored && [...stored.numbers]).toEqual([]);
    expect(stored?.orders).toEqual([{ orderId: 'X' }]);
  });
});

describe('settings replies', () => {
  it('hands the settings on for field-by-field reading, and nothing for a failed or foreign answer', async () => {
    const settings = { detection: { webmail: 'off' } };
    const { send, sent } = answering({ ok: true, settings });
    expect(await readContentSettings(send, 'mail.google.com')).toEqual(settings);
    expect(sent).toEqual([{ type: 'content-settings', host: 'mail.google.com' }]);
    expect(
      await readContentSettings(answering({ ok: false, code: 'internal' }).send, 'x.test'),
    ).toBeUndefined();
    expect(await readContentSettings(answering(new Error('closed')).send, 'x.test')).toBeUndefined();
  });
});

describe('detection replies', () => {
  const deliver = async (reply: unknown) => {
    const { send, sent } = answering(reply);
    const retries: number[] = [];
    let stored = 0;
    const outbox = createOutbox(
      send,
      new AbortController().signal,
      (_task, ms) => retries.push(ms),
      (count) => {
        stored += count;
      },
    );
    const sending = entry();
    await outbox([sending]);
    return { sent, retries, stored, tracked: sending.tracked };
  };

  it('counts a package tracked only on `ok: true`', async () => {
    expect(await deliver({ ok: true, created: 1, updated: 0, ids: ['a'] })).toMatchObject({
      retries: [],
      stored: 1,
      tracked: true,
    });
  });

  it.each([
    ['an error reply', { ok: false, code: 'invalid' }],
    ['a truthy `ok` that is not true', { ok: 'yes' }],
    ['a closed port', new Error('The message port closed before a response was received.')],
  ])('resends after %s, the package not tracked', async (_, reply) => {
    const result = await deliver(reply);
    expect(result.sent).toHaveLength(1);
    expect(result).toMatchObject({ retries: [300], stored: 0, tracked: false });
  });
});
