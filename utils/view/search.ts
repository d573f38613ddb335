import type { PackageRecord } from '../store/types';

/**
 * Search over packages as the user types. Each record's searchable text is built once and kept in a WeakMap: a
 * keystroke over 1,000 packages is then a substring test per package, and a changed record (a new object from the
 * live query) simply gets a new entry while the old one is collected.
 */

/** Extra words a package can be found by that are not stored on it (carrier and status names in the UI language). */
export type SearchWords = (pkg: PackageRecord) => string;

const haystacks = new WeakMap<PackageRecord, string>();

/** The lower-cased text a package is found by (cached per record object). */
export function haystackOf(pkg: PackageRecord, extraWords: SearchWords): string {
  let text = haystacks.get(pkg);
  if (text === undefined) {
    text = [
      pkg.label,
      ...pkg.itemTitles,
      pkg.merchant,
      pkg.carrier,
      pkg.number,
      pkg.orderId,
      pkg.note,
      pkg.statusText,
      ...pkg.events.map((event) => `${event.description} ${event.location ?? ''}`),
      extraWords(pkg),
    ]
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase();
    haystacks.set(pkg, text);
  }
  return text;
}

/** Words of a query; every one must occur (in any field) for a package to match. */
export function queryTerms(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether every term occurs in a haystack, or the terms written together do (a number pasted with spaces). */
export function textMatches(text: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  return terms.every((term) => text.includes(term)) || (terms.length > 1 && text.includes(terms.join('')));
}

/**
 * A test of whether a package matches `query`, or undefined when every package does (an empty query). Built once
 * per query; the records' texts are the cached haystacks.
 */
export function packageMatcher(
  query: string,
  extraWords: SearchWords,
): ((pkg: PackageRecord) => boolean) | undefined {
  const terms = queryTerms(query);
  if (terms.length === 0) return undefined;
  return (pkg) => textMatches(haystackOf(pkg, extraWords), terms);
}

/** The packages matching `query` (all of them for an empty query), by the same test as `packageMatcher`. */
export function searchPackages(
  packages: readonly PackageRecord[],
  query: string,
  extraWords: SearchWords,
): readonly PackageRecord[] {
  const matches = packageMatcher(query, extraWords);
  return matches ? packages.filter(matches) : packages;
}
