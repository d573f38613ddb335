import type { PackageRecord } from '../store/types';
import type { IndexEntry } from './search-index';

/** Reads up to `limit` archived packages archived at or after `from` (all without it), least recently first. */
export type ReadArchivedFrom = (from: number | undefined, limit: number) => Promise<PackageRecord[]>;

/**
 * Builds the archive's search index, most recently archived first (the archive view's order), reading it in pages
 * by key: each page starts where the last ended, so reading an archive of years is linear (pages by offset walk
 * every earlier record again). The ids already read at the page's first time are skipped, as several packages can
 * be archived in the same millisecond. `between` runs between pages (the popup yields to the browser there) and
 * may stop the build by returning false; the result is then undefined.
 */
export async function buildArchiveIndex(
  read: ReadArchivedFrom,
  textOf: (pkg: PackageRecord) => string,
  pageSize: number,
  between: () => Promise<boolean>,
): Promise<IndexEntry[] | undefined> {
  const entries: IndexEntry[] = [];
  let from: number | undefined;
  let seenAtFrom = new Set<string>();
  for (;;) {
    const asked = pageSize + seenAtFrom.size;
    const page = await read(from, asked);
    let fresh = 0;
    for (const pkg of page) {
      if (pkg.archivedAt === from && seenAtFrom.has(pkg.id)) continue;
      fresh++;
      entries.push({ id: pkg.id, text: textOf(pkg) });
      if (pkg.archivedAt !== from) {
        from = pkg.archivedAt;
        seenAtFrom = new Set();
      }
      seenAtFrom.add(pkg.id);
    }
    // A short page is the end; so is a full one with nothing new (cannot happen with a working store; no loop).
    if (page.length < asked || fresh === 0) break;
    if (!(await between())) return undefined;
  }
  return entries.reverse();
}
