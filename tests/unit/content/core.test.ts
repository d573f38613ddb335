import { describe, expect, it } from 'vitest';
import {
  type Actions,
  accept,
  answer,
  changeMode,
  type Entry,
  type Findings,
  type Known,
  RETRIES,
  resendDelay,
  storedQuestion,
} from '@/utils/content/core';
import type { Detection } from '@/utils/store/types';

/**
 * The content script's decisions without a DOM: anchors and chips are plain objects that are, or are no longer, on
 * the page, as the browser's elements would be.
 */

interface Anchor {
  id: string;
  isConnected: boolean;
}
interface FakeChip {
  host: { isConnected: boolean };
}
type FakeEntry = Entry<Anchor, FakeChip>;

const UPS = '1Z999AA10123456784';
const FEDEX = '986578788855';
const source = { kind: 'page' as const, seenAt: 1 };
const detection = (number: string, facts: Partial<Detection> = {}): Detection => ({
  number,
  source,
  ...facts,
});
const anchor = (id: string, isConnected = true): Anchor => ({ id, isConnected });
const findings = (shipping: boolean, ...found: [Detection, Anchor?][]): Findings<Anchor> => ({
  shipping,
  found: found.map(([d, a]) => ({ detection: d, ...(a && { anchor: a }) })),
});
const actions = (): Actions<FakeEntry> => ({ toSend: [], toCheck: [], chips: [] });
const numbers = (entries: FakeEntry[]) => entries.map((e) => e.detection.number);

describe('accept: what a unit’s findings mean in each mode', () => {
  it('automatic mode sends a shipping document’s packages and asks about them before their first chip', () => {
    const known: Known<FakeEntry> = new Map();
    const next = actions();
    accept(known, findings(true, [detection(UPS), anchor('a')]), 'auto', next);
    expect(numbers(next.toSend)).toEqual([UPS]);
    expect(numbers(next.toCheck)).toEqual([UPS]);
    expect(next.chips).toEqual([]);
    expect(known.get(`n:${UPS}`)).toMatchObject({ tracked: false, checked: true, shipping: true });
  });

  it('automatic mode sends nothing from a document that is not about shipping: its packages get a chip, as in "ask"', () => {
    const next = actions();
    accept(new Map(), findings(false, [detection(UPS), anchor('a')]), 'auto', next);
    expect(next.toSend).toEqual([]);
    expect(numbers(next.toCheck)).toEqual([UPS]);
  });

  it('"ask" sends nothing; "off" neither sends, asks nor shows', () => {
    const ask = actions();
    accept(new Map(), findings(true, [detection(UPS), anchor('a')]), 'ask', ask);
    expect([ask.toSend.length, ask.toCheck.length]).toEqual([0, 1]);
    const off = actions();
    accept(new Map(), findings(true, [detection(UPS), anchor('a')]), 'off', off);
    expect(off).toEqual(actions());
  });

  it('the same news again is not resent; a package already asked about gets its chip once it has none', () => {
    const known: Known<FakeEntry> = new Map();
    accept(known, findings(true, [detection(UPS), anchor('a')]), 'auto', actions());
    const again = actions();
    accept(known, findings(true, [detection(UPS), anchor('a')]), 'auto', again);
    expect(again.toSend).toEqual([]);
    expect(numbers(again.chips)).toEqual([UPS]);
    const entry = known.get(`n:${UPS}`);
    if (entry) entry.chip = { host: { isConnected: true } };
    const shown = actions();
    accept(known, findings(true, [detection(UPS), anchor('a')]), 'auto', shown);
    expect(shown).toEqual(actions());
    expect(known.size).toBe(1);
  });

  it('a changed detection is sent again in automatic mode, and for a tracked package in any mode', () => {
    const known: Known<FakeEntry> = new Map();
    accept(known, findings(true, [detection(UPS), anchor('a')]), 'ask', actions());
    const untracked = actions();
    accept(known, findings(true, [detection(UPS, { status: 'in_transit' }), anchor('a')]), 'ask', untracked);
    expect(untracked.toSend).toEqual([]);
    const entry = known.get(`n:${UPS}`);
    if (entry) entry.tracked = true;
    const news = actions();
    accept(known, findings(true, [detection(UPS, { status: 'delivered' }), anchor('a')]), 'ask', news);
    expect(news.toSend.map((e) => e.detection.status)).toEqual(['delivered']);
  });

  it('moves to a replaced element only while no chip is shown, and never chips next to a removed one', () => {
    const known: Known<FakeEntry> = new Map();
    const first = actions();
    accept(known, findings(true, [detection(UPS), anchor('old', false)]), 'ask', first);
    expect(first).toEqual(actions());
    const replaced = anchor('new');
    const moved = actions();
    accept(known, findings(true, [detection(UPS), replaced]), 'ask', moved);
    expect(known.get(`n:${UPS}`)?.anchor).toBe(replaced);
    expect(numbers(moved.toCheck)).toEqual([UPS]);
    const entry = known.get(`n:${UPS}`);
    if (entry) entry.chip = { host: { isConnected: true } };
    accept(known, findings(true, [detection(UPS), anchor('third')]), 'ask', actions());
    expect(known.get(`n:${UPS}`)?.anchor).toBe(replaced);
  });

  it('a package once seen in a shipping document stays automatic when a later sighting is not', () => {
    const known: Known<FakeEntry> = new Map();
    accept(known, findings(true, [detection(UPS), anchor('a')]), 'ask', actions());
    const later = actions();
    accept(known, findings(false, [detection(UPS, { status: 'in_transit' }), anchor('a')]), 'auto', later);
    expect(numbers(later.toSend)).toEqual([UPS]);
  });
});

describe('answer and changeMode', () => {
  it('asks each number and order once, and marks stored packages by number, or by order and shipment', () => {
    const order = (orderId: string, shipmentId: string): Detection => ({ orderId, shipmentId, source });
    const known: Known<FakeEntry> = new Map();
    const first = actions();
    accept(
      known,
      findings(
        true,
        [detection(UPS), anchor('a')],
        [detection(FEDEX), anchor('b')],
        [order('111-1', 'S1'), anchor('c')],
        [order('111-1', 'S2'), anchor('d')],
      ),
      'ask',
      first,
    );
    expect(storedQuestion(first.toCheck)).toEqual({ numbers: [UPS, FEDEX], orderIds: ['111-1'] });
    const next = actions();
    answer(
      first.toCheck,
      { numbers: new Set([FEDEX]), orders: [{ orderId: '111-1', shipmentId: 'S2' }] },
      'ask',
      next,
    );
    expect(first.toCheck.map((e) => e.tracked)).toEqual([false, true, false, true]);
    expect(next.chips).toHaveLength(4);
    expect(next.toCheck).toEqual([]);
  });

  it('no answer (a failed or malformed reply) marks nothing and still shows "Track" chips', () => {
    const first = actions();
    accept(new Map(), findings(true, [detection(UPS), anchor('a')]), 'ask', first);
    const next = actions();
    answer(first.toCheck, undefined, 'ask', next);
    expect(next.chips.map((e) => e.tracked)).toEqual([false]);
  });

  it('switching to automatic sends the untracked shipping packages and redoes every chip', () => {
    const known: Known<FakeEntry> = new Map();
    const first = actions();
    accept(
      known,
      findings(true, [detection(UPS), anchor('a')], [detection(FEDEX), anchor('b')]),
      'ask',
      first,
    );
    answer(first.toCheck, { numbers: new Set([FEDEX]), orders: [] }, 'ask', actions());
    const next = actions();
    changeMode(known, 'auto', next);
    expect(numbers(next.toSend)).toEqual([UPS]);
    expect(numbers(next.chips)).toEqual([UPS, FEDEX]);
  });
});

describe('resending what the background did not confirm', () => {
  it('waits 0.3, 0.9, 2.7, 8.1 and 24.3 s, then gives up; a delivery never waits', () => {
    const waits = Array.from({ length: RETRIES + 1 }, (_, round) => resendDelay(false, round));
    expect(waits).toEqual([300, 900, 2_700, 8_100, 24_300, undefined]);
    expect(resendDelay(true, 0)).toBeUndefined();
  });
});
