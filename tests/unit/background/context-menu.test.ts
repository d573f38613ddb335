import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  selectionFeedback,
  TRACK_SELECTION_MENU_ID,
  type TrackSelectionDeps,
  trackSelection,
  trackSelectionMenu,
} from '../../../utils/context-menu/track-selection';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageChange } from '../../../utils/store/types';
import { findTrackingNumbers, identifyTrackingNumber } from '../../../utils/tracking';
import { translatorFor } from '../components/catalog';

const en = translatorFor('en');

let db: DoorstepDatabase;
let batches: PackageChange[][];
let deps: TrackSelectionDeps;
beforeEach(() => {
  db = new DoorstepDatabase(`menu-${crypto.randomUUID()}`);
  batches = [];
  deps = {
    db,
    now: () => 5_000,
    identify: identifyTrackingNumber,
    find: (text) => findTrackingNumbers(text),
    onChange: async (changes) => {
      batches.push(changes);
    },
  };
});
afterEach(async () => {
  await db.delete();
});

describe('"Track with Doorstep" on selected text', () => {
  it('adds a selected number, spaces and all, with the page it came from', async () => {
    const outcome = await trackSelection(' 1Z 999 AA1 0123 4567 84 ', 'https://shop.example/order/7', deps);
    expect(outcome).toMatchObject({
      kind: 'added',
      packages: [{ number: '1Z999AA10123456784', carrier: 'ups', isNew: true }],
    });
    const [stored] = await db.packages.toArray();
    expect(stored?.sources).toEqual([
      { kind: 'context_menu', url: 'https://shop.example/order/7', seenAt: 5_000 },
    ]);
    expect(batches).toHaveLength(1);
    expect(selectionFeedback(outcome, en)).toEqual({
      title: 'Tracking with Doorstep',
      message: 'UPS 1Z999AA10123456784',
    });
  });

  it('finds the numbers inside a longer selection, and says which were already tracked', async () => {
    await trackSelection('1Z999AA10123456784', undefined, deps);
    const outcome = await trackSelection(
      'Your UPS tracking number is 1Z999AA10123456784. USPS tracking: 9400 1112 0620 6406 2607 87',
      undefined,
      deps,
    );
    expect(outcome.kind).toBe('added');
    if (outcome.kind === 'added') {
      expect(outcome.packages.map((p) => [p.number, p.isNew])).toEqual([
        ['1Z999AA10123456784', false],
        ['9400111206206406260787', true],
      ]);
    }
    expect(selectionFeedback(outcome, en).message).toContain('(already tracked)');
    expect(await db.packages.count()).toBe(2);
  });

  it.each([
    ['an order number', 'Order #112-1234567-1234567'],
    ['a phone number', 'Call us at 1-800-742-5877'],
    ['a number with a wrong check digit', '1Z999AA10123456785'],
    ['plain words', 'see you tomorrow'],
    ['nothing', '   '],
  ])('stores nothing for %s and says so clearly', async (_name, selection) => {
    const outcome = await trackSelection(selection, 'https://shop.example/', deps);
    expect(outcome.kind).toBe('not-a-number');
    expect(await db.packages.count()).toBe(0);
    expect(batches).toEqual([]);
    const feedback = selectionFeedback(outcome, en);
    expect(feedback.title).toBe('Not a tracking number');
    expect(feedback.message).toMatch(/Nothing was added\.$/);
  });

  it('keeps a non-http page address out of the record', async () => {
    await trackSelection('1Z999AA10123456784', 'file:///home/me/secret.html', deps);
    expect((await db.packages.toArray())[0]?.sources[0]?.url).toBeUndefined();
  });

  it('quotes a long selection briefly', () => {
    const { message } = selectionFeedback({ kind: 'not-a-number', selection: 'word '.repeat(100) }, en);
    expect(message.length).toBeLessThan(140);
  });

  it('answers in the UI language, one and many apart', () => {
    const one = {
      kind: 'added' as const,
      packages: [{ number: '1Z999AA10123456784', carrier: 'ups', id: 'a', isNew: true }],
    };
    const two = {
      kind: 'added' as const,
      packages: [
        { number: '1Z999AA10123456784', carrier: 'ups', id: 'a', isNew: false },
        { number: '9400111206206406260787', carrier: 'usps', id: 'b', isNew: true },
      ],
    };
    expect(selectionFeedback(two, en)).toEqual({
      title: 'Tracking 2 packages',
      message: 'UPS 1Z999AA10123456784 (already tracked), USPS 9400111206206406260787',
    });
    expect(selectionFeedback({ kind: 'not-a-number', selection: 'Order #112' }, en)).toEqual({
      title: 'Not a tracking number',
      message: 'Doorstep did not recognise “Order #112” as a tracking number. Nothing was added.',
    });
    expect(selectionFeedback({ kind: 'not-a-number', selection: '' }, en).message).toBe(
      'Select a tracking number first. Nothing was added.',
    );
    const de = translatorFor('de');
    expect(selectionFeedback(one, de).title).toBe('Wird mit Doorstep verfolgt');
    expect(selectionFeedback(two, de)).toEqual({
      title: '2 Pakete werden verfolgt',
      message: 'UPS 1Z999AA10123456784 (schon in der Liste), USPS 9400111206206406260787',
    });
    expect(selectionFeedback({ kind: 'not-a-number', selection: 'Order #112' }, translatorFor('fr'))).toEqual(
      {
        title: 'Pas un numéro de suivi',
        message: 'Doorstep n’a pas reconnu « Order #112 » comme numéro de suivi. Rien n’a été ajouté.',
      },
    );
  });

  it('titles the menu item in the UI language', () => {
    expect(trackSelectionMenu(en)).toEqual({
      id: TRACK_SELECTION_MENU_ID,
      title: 'Track with Doorstep',
      contexts: ['selection'],
    });
    expect(trackSelectionMenu(translatorFor('es')).title).toBe('Seguir con Doorstep');
  });
});
