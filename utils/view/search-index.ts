import { textMatches } from './search';

/**
 * Search over a prepared index of many packages (the archive: tens of thousands), as the user types. Each entry's
 * lower-cased text is built once; a keystroke that only extends the previous query ("1z9" → "1z99", "gift" →
 * "gift sam") tests only the previous matches, since every match of the longer query is one of the shorter, so
 * typing a number costs less at each key instead of a pass over the whole archive every time.
 */

export interface IndexEntry {
  id: string;
  /** The lower-cased text the package is found by (`haystackOf`). */
  text: string;
}

/**
 * A search of the index, as far as it has gone: it can stop once the rows shown are found and go on later (the
 * count of a query matching tens of thousands need not hold the keystroke's frame).
 */
export interface IndexSearch {
  /** The index searched: a result is reused only for the same index. */
  index: readonly IndexEntry[];
  terms: readonly string[];
  /** Positions in `index` of the entries found to match `terms` so far, in index order. */
  matches: number[];
  /** The positions to test, in index order (a narrowed search's); undefined: every position of the index. */
  candidates: readonly number[] | undefined;
  /** How many of the candidates (or index positions) are tested. */
  tested: number;
  /** Every candidate is tested: `matches` is all of them. */
  done: boolean;
}

/**
 * Whether every package matching `next` also matches `previous` under `textMatches` (every term occurs, or the
 * terms written together do): the earlier terms are kept, the last one only grows, more may follow. Then each
 * term of `previous` is contained in one of `next`, and `next` written together starts with `previous` written
 * together.
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  if (previous.length === 0 || next.length < previous.length) return false;
  const last = previous.length - 1;
  for (let i = 0; i < last; i++) if (next[i] !== previous[i]) return false;
  return (next[last] ?? '').startsWith(previous[last] ?? '');
}

/** Whether two queries' terms are the same, term by term. */
export function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}

/** The positions still to test in `search`, in index order. */
function untested(search: IndexSearch): number[] {
  if (search.candidates) return search.candidates.slice(search.tested);
  return Array.from({ length: search.index.length - search.tested }, (_, i) => search.tested + i);
}

/**
 * A search for `terms` in `index`, nothing tested yet. When the query only extends `previous` (same index), only
 * its matches and the entries it had not tested yet are candidates.
 */
export function startSearch(
  index: readonly IndexEntry[],
  terms: readonly string[],
  previous?: IndexSearch,
): IndexSearch {
  const narrowed = previous && previous.index === index && narrows(previous.terms, terms);
  const candidates = narrowed
    ? previous.done
      ? [...previous.matches]
      : [...previous.matches, ...untested(previous)]
    : undefined;
  const size = candidates ? candidates.length : index.length;
  return { index, terms, matches: [], candidates, tested: 0, done: size === 0 };
}

/**
 * Tests more candidates of `search` (in place), stopping once it holds `until.matches` matches or has tested
 * `until.entries` more entries, whichever comes first (no bound: to the end). Returns the same search.
 */
export function continueSearch(
  search: IndexSearch,
  until: { matches?: number; entries?: number } = {},
): IndexSearch {
  const { index, terms, candidates, matches } = search;
  const size = candidates ? candidates.length : index.length;
  const wanted = until.matches ?? Number.POSITIVE_INFINITY;
  const end = Math.min(size, search.tested + (until.entries ?? size));
  let at = search.tested;
  while (at < end && matches.length < wanted) {
    const position = candidates ? (candidates[at] ?? 0) : at;
    if (textMatches(index[position]?.text ?? '', terms)) matches.push(position);
    at++;
  }
  search.tested = at;
  search.done = at >= size;
  return search;
}

/** Every entry of `index` matching `terms`, narrowing `previous` when the query only extends it. */
export function searchIndex(
  index: readonly IndexEntry[],
  terms: readonly string[],
  previous?: IndexSearch,
): IndexSearch {
  return continueSearch(startSearch(index, terms, previous));
}
