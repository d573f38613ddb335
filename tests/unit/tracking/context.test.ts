import { describe, expect, it } from 'vitest';
import { phoneShaped, readContext } from '@/utils/tracking/context';
import { OTHER_LABELS, TRACKING_LABELS } from '@/utils/tracking/field-labels';
import { isWordStart, termTrie } from '@/utils/tracking/term-trie';

describe('TermTrie', () => {
  const trie = termTrie(
    [
      ['track', 'label'],
      ['track your order', 'phrase'],
      ['ups', 'carrier'],
    ] as const,
    (term) => term === 'carrier',
  );

  it('finds the longest term at a position and where it ends', () => {
    expect(trie.longestAt('track your order 1z', 0)).toEqual({ term: 'phrase', end: 16 });
    expect(trie.longestAt('track your parcel', 0)).toEqual({ term: 'label', end: 5 });
    expect(trie.longestAt('tracking', 0)).toEqual({ term: 'label', end: 5 });
    expect(trie.longestAt('xtrack', 0)).toBeNull();
  });

  it('ends whole-word terms at a word boundary only', () => {
    expect(trie.longestAt('ups ground', 0)).toEqual({ term: 'carrier', end: 3 });
    expect(trie.longestAt('upstairs', 0)).toBeNull();
    expect(trie.longestAt('ups', 0)).toEqual({ term: 'carrier', end: 3 });
  });

  it('visits terms at word starts only, left to right, without overlaps', () => {
    const seen: [string, number, number][] = [];
    trie.forEach('via ups, track your order; backtrack', (term, start, end) => seen.push([term, start, end]));
    expect(seen).toEqual([
      ['carrier', 4, 7],
      ['phrase', 9, 25],
    ]);
    expect(isWordStart('a b', 2)).toBe(true);
    expect(isWordStart('ab', 1)).toBe(false);
  });

  it('accepts characters outside every term without reading past its tables', () => {
    expect(trie.longestAt('€ups', 0)).toBeNull();
    expect(termTrie<string>([]).longestAt('anything', 0)).toBeNull();
  });
});

describe('field label vocabulary', () => {
  it('is lower case, without duplicates inside a kind', () => {
    for (const list of [TRACKING_LABELS, OTHER_LABELS]) {
      for (const label of list) expect(label).toBe(label.toLowerCase());
      expect(new Set(list).size).toBe(list.length);
    }
  });
});

describe('readContext', () => {
  const at = (text: string, number: string) => {
    const start = text.indexOf(number);
    return [text, start, start + number.length] as const;
  };

  it('reads the nearest label and its visible distance', () => {
    const ctx = readContext(...at('Tracking number: 1234567890', '1234567890'), ['dhl']);
    expect(ctx.label).toBe('tracking');
    expect(ctx.labelDistance).toBe(12);
    const other = readContext(...at('Order number: 1234567890', '1234567890'), ['dhl']);
    expect(other.label).toBe('other');
  });

  it('prefers a longer phrase containing the nearest label ("track your order" over "order")', () => {
    expect(readContext(...at('Track your order 1234567890', '1234567890'), ['dhl']).label).toBe('tracking');
  });

  it('does not count distance inside markup, nor labels inside tags', () => {
    const ctx = readContext(...at('Tracking<span class="order">: 1234567890', '1234567890'), ['dhl']);
    expect(ctx.label).toBe('tracking');
    expect(ctx.labelDistance).toBe(5);
  });

  it('names carriers before and after the number, after only when none it could be is named before', () => {
    const before = readContext(...at('Shipped with DHL: 1234567890', '1234567890'), ['dhl']);
    expect(before.carriersBefore.get('dhl')).toBe(2);
    expect(before.carriersAfter.size).toBe(0);
    const after = readContext(...at('Number 1234567890 (DHL)', '1234567890'), ['dhl']);
    expect(after.carriersBefore.size).toBe(0);
    expect(after.carriersAfter.get('dhl')).toBe(2);
  });

  it('gives each call a result of its own', () => {
    const first = readContext(...at('Shipped with DHL: 1234567890', '1234567890'), ['dhl']);
    const second = readContext(...at('Phone: +1234567890', '1234567890'), ['dhl']);
    expect(first.carriersBefore.get('dhl')).toBe(2);
    expect(first.label).toBeNull();
    expect(second.label).toBe('other');
    expect(second.phoneLike).toBe(true);
    expect(first.phoneLike).toBe(false);
  });

  it('tells phone-shaped digit groups', () => {
    expect(phoneShaped('555 010 4477', 0, 12)).toBe(true);
    expect(phoneShaped('1-800-225-5345', 0, 14)).toBe(true);
    expect(phoneShaped('1234 5678 9012', 0, 14)).toBe(false);
    expect(phoneShaped('55A 010 4477', 0, 12)).toBe(false);
  });
});
