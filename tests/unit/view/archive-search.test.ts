import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase } from '../../../utils/store/db';
import { listArchivedFrom, listArchivePage } from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';
import { buildArchiveIndex } from '../../../utils/view/archive-index';
import { queryTerms, textMatches } from '../../../utils/view/search';
import { narrows, searchIndex } from '../../../utils/view/search-index';

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
