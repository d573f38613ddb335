import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase } from '../../../utils/store/db';
import { listArchivedFrom, listArchivePage } from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';
import { buildArchiveIndex } from '../../../utils/view/archive-index';
import { queryTerms, textMatches } from '../../../utils/view/search';
import {
  continueSearch,
  narrows,
  sameTerms,
  searchIndex,
  startSearch,
} from '../../../utils/view/search-index';

const entries = [
  '1z999aa10123456784 ups gift for sam',
  'sc000123 usps yoga mat',
  '1z12 catan',
  'yoga ups',
].map((text, i) => ({ id: `p${i}`, text }));

describe('searchIndex', () => {
  it('narrows the previous matches only when every new match is one of them', () => {
    expect(narrows(['1z'], ['1z9'])).toBe(true);
    expect(narrows(['gift'], ['gift', 'sam'])).toBe(true);
    expect(narrows(['1z9'], ['1z9', '99'])).toBe(true);
    expect(narrows(['1z9'], ['1z'])).toBe(false);
    expect(narrows(['gift', 'sam'], ['gift'])).toBe(false);
    expect(narrows(['ups', 'yoga'], ['ups', 'yogi'])).toBe(false);
    expect(narrows([], ['a'])).toBe(false);
  });

  it('finds the same entries typed key by key as searched at once, including numbers pasted with spaces', () => {
    const whole = (query: string) =>
      entries.filter((e) => textMatches(e.text, queryTerms(query))).map((e) => e.id);
    for (const query of ['1z999 aa1', 'yoga ups', 'gift for sam', 'sc 000 123', 'ups', 'zzz']) {
      let last: ReturnType<typeof searchIndex> | undefined;
      for (let end = 1; end <= query.length; end++) {
        last = searchIndex(entries, queryTerms(query.slice(0, end)), last);
        expect(last.matches.map((at) => entries[at]?.id)).toEqual(whole(query.slice(0, end)));
      }
    }
  });

  it('searches a new index in full rather than narrowing the matches of another', () => {
    const first = searchIndex(entries.slice(0, 1), ['yoga']);
    expect(first.matches).toEqual([]);
    expect(searchIndex(entries, ['yoga', 'm'], first).matches).toEqual([1]);
  });
});

describe('a search bounded per step (startSearch, continueSearch)', () => {
  // 300 entries: every 3rd mentions chicago, every 7th is a yoga mat, every 50th a gift for sam.
  const many = Array.from({ length: 300 }, (_, i) => ({
    id: `m${i}`,
    text: [
      `sc${String(i).padStart(6, '0')}`,
      i % 3 === 0 && 'chicago',
      i % 7 === 0 && 'yoga mat',
      i % 50 === 0 && 'gift for sam',
    ]
      .filter(Boolean)
      .join(' '),
  }));
  const whole = (query: string) =>
    many.flatMap((e, at) => (textMatches(e.text, queryTerms(query)) ? [at] : []));

  it('stops at the rows asked for, the first matches in index order, and says the count is not final', () => {
    const search = continueSearch(startSearch(many, ['chicago']), { matches: 5 });
    expect(search.matches).toEqual([0, 3, 6, 9, 12]);
    expect(search.tested).toBe(13); // nothing tested past the fifth match
    expect(search.done).toBe(false);
    // Going on a slice at a time ends with every match, as one whole pass finds them.
    let slices = 0;
    while (!search.done) {
      const before = search.tested;
      continueSearch(search, { entries: 40 });
      expect(search.tested - before).toBeLessThanOrEqual(40);
      slices++;
    }
    expect(slices).toBe(Math.ceil((300 - 13) / 40));
    expect(search.matches).toEqual(whole('chicago'));
    expect(search.matches).toHaveLength(100);
  });

  it('is done at once when there are fewer matches than rows, or nothing to test', () => {
    const few = continueSearch(startSearch(many, ['gift', 'sam']), { matches: 24 });
    expect(few.done).toBe(true);
    expect(few.matches).toEqual(whole('gift sam'));
    expect(startSearch([], ['a']).done).toBe(true);
  });

  it('narrows a search that stopped early: its matches, then what it had not tested yet', () => {
    for (const [first, next] of [
      ['chicago', 'chicago yoga'],
      ['sc0001', 'sc00012'],
      ['yoga', 'yoga mat'],
      ['s', 'sc 0002'],
    ] as const) {
      for (const rows of [1, 3, 24, 1_000]) {
        const previous = continueSearch(startSearch(many, queryTerms(first)), { matches: rows });
        const narrowed = startSearch(many, queryTerms(next), previous);
        expect(narrowed.candidates).toBeDefined();
        expect(continueSearch(narrowed).matches).toEqual(whole(next));
      }
    }
  });

  it('typed key by key, each step stopping at a few rows, finds what one whole search finds', () => {
    for (const query of ['chicago yoga mat', 'sc000 1', 'gift for sam', 'zzz']) {
      let last: ReturnType<typeof startSearch> | undefined;
      for (let end = 1; end <= query.length; end++) {
        const terms = queryTerms(query.slice(0, end));
        const search = last && sameTerms(last.terms, terms) ? last : startSearch(many, terms, last);
        continueSearch(search, { matches: 4 });
        expect(search.matches).toEqual(whole(query.slice(0, end)).slice(0, search.matches.length));
        if (search.done) expect(search.matches).toEqual(whole(query.slice(0, end)));
        else expect(search.matches).toHaveLength(4);
        last = search;
      }
      if (last) expect(continueSearch(last).matches).toEqual(whole(query));
    }
  });
});

describe('buildArchiveIndex over the store', () => {
  let db: DoorstepDatabase;
  beforeEach(() => {
    db = new DoorstepDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const archived = (i: number, archivedAt: number): PackageRecord => ({
    id: `a${String(i).padStart(3, '0')}`,
    number: `AR${String(i).padStart(8, '0')}`,
    carrier: 'ups',
    itemTitles: [],
    status: 'delivered',
    events: [],
    sources: [{ kind: 'webmail', seenAt: 1 }],
    createdAt: 1,
    updatedAt: archivedAt,
    archivedAt,
  });

  it('reads every archived package once, in the archive view order, with many archived in the same millisecond', async () => {
    // 23 packages; 9 of them archived at the same time, across page boundaries of 4.
    const times = [5, 5, 7, 9, 9, 9, 9, 9, 9, 9, 9, 9, 12, 13, 13, 20, 21, 21, 22, 30, 31, 31, 40];
    await db.packages.bulkPut(times.map((at, i) => archived(i, at)));
    await db.packages.put({ ...archived(99, 1), archivedAt: undefined }); // active: not in the archive
    const pages: number[] = [];
    const index = await buildArchiveIndex(
      (from, limit) => listArchivedFrom(db, from, limit),
      (pkg) => pkg.number ?? '',
      4,
      async () => {
        pages.push(1);
        return true;
      },
    );
    const viewOrder = (await listArchivePage(db, 0, 100)).map((p) => p.id);
    expect(index?.map((e) => e.id)).toEqual(viewOrder);
    expect(new Set(viewOrder).size).toBe(times.length);
    expect(pages.length).toBeGreaterThan(4);
  });

  it('stops when told to between pages', async () => {
    await db.packages.bulkPut(Array.from({ length: 10 }, (_, i) => archived(i, i + 1)));
    const index = await buildArchiveIndex(
      (from, limit) => listArchivedFrom(db, from, limit),
      (pkg) => pkg.id,
      3,
      async () => false,
    );
    expect(index).toBeUndefined();
  });
});
