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

export interface IndexSearch {
  /** The index searched: a result is reused only for the same index. */
  index: readonly IndexEntry[];
  terms: readonly string[];
  /** Positions in `index` of the entries matching `terms`, in index order. */
  matches: readonly number[];
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

/** The entries of `index` matching `terms`, narrowing `previous` when the query only extends it. */
export function searchIndex(
  index: readonly IndexEntry[],
  terms: readonly string[],
  previous?: IndexSearch,
): IndexSearch {
  const matches: number[] = [];
  if (previous && previous.index === index && narrows(previous.terms, terms)) {
    for (const at of previous.matches) if (textMatches(index[at]?.text ?? '', terms)) matches.push(at);
  } else {
    for (let at = 0; at < index.length; at++) if (textMatches(index[at]?.text ?? '', terms)) matches.push(at);
  }
  return { index, terms, matches };
}
