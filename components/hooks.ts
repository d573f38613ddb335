import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ViewClock } from '@/utils/status/package-state';
import type { DoorstepDatabase } from '@/utils/store/db';
import {
  countActivePackages,
  countArchivedPackages,
  getPackage,
  getPackages,
  hasArchivedPackages,
  listActivePackages,
  listArchivedFrom,
  listArchivePage,
  listSectionCandidates,
} from '@/utils/store/repository';
import type { PackageRecord } from '@/utils/store/types';
import { buildArchiveIndex } from '@/utils/view/archive-index';
import { type FirstScreen, readFirstScreen } from '@/utils/view/first-screen';
import { haystackOf, queryTerms, type SearchWords } from '@/utils/view/search';
import {
  continueSearch,
  type IndexEntry,
  type IndexSearch,
  sameTerms,
  startSearch,
} from '@/utils/view/search-index';

export type LiveState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string };

/**
 * Subscribes to a Dexie live query: the component re-renders whenever the queried data changes, in this page or in
 * the background. Plain `liveQuery` with hooks keeps preact/compat out of the bundle.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], enabled = true): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error: String(error) }),
    });
    return () => subscription.unsubscribe();
  }, [...deps, enabled]);
  return state;
}

/**
 * The popup's main data: every active package, whole (the sections need them all to group and count), live. A
 * store of years of packages is mostly archive; reading it whole on every open (and every change) would cost
 * seconds and tens of megabytes, so the archive is only counted (`useArchivedCount`) and searched through its index.
 * Read once `enabled`: the popup asks for it after its first screen is painted (`useFirstScreen`).
 */
export function useStoredPackages(db: DoorstepDatabase, enabled: boolean): LiveState<PackageRecord[]> {
  return useLiveQuery(
    async () => {
      const active = await listActivePackages(db);
      performance.mark('doorstep:packages-read');
      return active;
    },
    [db],
    enabled,
  );
}

/**
 * How many packages are archived, live; `undefined` until counted. Counting tens of thousands of entries takes
 * IndexedDB a hundred milliseconds or more, during which it answers no other read of the popup, so it is asked for
 * (`enabled`) only once the active list is in; nothing before that shows the number.
 */
export function useArchivedCount(db: DoorstepDatabase, enabled: boolean): number | undefined {
  const state = useLiveQuery(() => countArchivedPackages(db), [db], enabled);
  return state.status === 'ready' ? state.value : undefined;
}

/** Runs `then` once the current frame is painted (a task after the next animation frame; a task where none). */
export function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') setTimeout(then, 0);
  else requestAnimationFrame(() => setTimeout(then, 0));
}

export interface FirstScreenView extends FirstScreen {
  /** Active packages, counted from the index. */
  activeCount: number;
  /**
   * Whether anything is archived (one index key): all the first screen needs of the archive, whose size is counted
   * after the first paint (`useArchivedCount`; counting the 48,000 of the scale data took 370 ms of the first screen's reads).
   */
  hasArchive: boolean;
}

/**
 * The first screen, read once on opening (not live: the whole active list, live, replaces it right after). Settles
 * as `undefined` when it cannot be read; the whole list is then all there is.
 */
export function useFirstScreen(
  db: DoorstepDatabase,
  clock: ViewClock | undefined,
  rows: number,
): { done: boolean; view: FirstScreenView | undefined } {
  const [state, setState] = useState<{ done: boolean; view: FirstScreenView | undefined }>({
    done: false,
    view: undefined,
  });
  const asked = clock !== undefined;
  useEffect(() => {
    if (!clock) return;
    let cancelled = false;
    Promise.all([
      readFirstScreen((section) => listSectionCandidates(db, section, clock), clock, rows),
      countActivePackages(db),
      hasArchivedPackages(db),
    ]).then(
      ([screen, activeCount, hasArchive]) => {
        performance.mark('doorstep:first-screen-read');
        if (!cancelled) setState({ done: true, view: { ...screen, activeCount, hasArchive } });
      },
      () => {
        if (!cancelled) setState({ done: true, view: undefined });
      },
    );
    return () => {
      cancelled = true;
    };
    // Read once per open, with the clock of the moment the settings were known.
  }, [db, asked]);
  return state;
}

/**
 * Index entries tested per idle slice while a search's count is completed after its rows are shown: a few
 * milliseconds each (48,000 entries took 2-15 ms in all in Node), so a keystroke waits at most one slice.
 */
const COUNT_SLICE = 4_000;

/**
 * Records read per step while the archive's search index is built; the page stays responsive between steps. The
 * build runs for seconds while the user may already type in the active list: a page of 1,000 records (read,
 * deserialised and indexed in one task) can hold a keystroke there for that whole task.
 */
const INDEX_PAGE = 250;

/**
 * Runs `then` when the page is idle (no input or frame waiting), or in a task where the browser has no idle time;
 * `then` is told how many milliseconds of that idle period are left (a short slice without idle callbacks).
 */
function whenIdle(then: (timeLeft: () => number) => void): void {
  if (typeof requestIdleCallback === 'undefined') {
    setTimeout(() => {
      const end = performance.now() + 5;
      then(() => end - performance.now());
    }, 0);
  } else requestIdleCallback((deadline) => then(() => deadline.timeRemaining()), { timeout: 200 });
}

/**
 * The search index of the archive: each archived package's search text, most recently archived first. Built in
 * the background after the popup has rendered, a page of records at a time (the records themselves are dropped);
 * rebuilt when the archive changes size. `undefined` until it is complete.
 */
function useArchiveIndex(
  db: DoorstepDatabase,
  archivedCount: number,
  extraWords: SearchWords,
  enabled: boolean,
): IndexEntry[] | undefined {
  const [index, setIndex] = useState<IndexEntry[] | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const build = buildArchiveIndex(
      (from, limit) => listArchivedFrom(db, from, limit),
      (pkg) => haystackOf(pkg, extraWords),
      INDEX_PAGE,
      () => new Promise<boolean>((resolve) => whenIdle(() => resolve(!cancelled))),
    );
    void build.then(
      (entries) => {
        if (cancelled || !entries) return;
        setIndex(entries);
        performance.mark('doorstep:archive-indexed', { detail: { entries: entries.length } });
      },
      () => undefined,
    ); // Without an index the archive is still listed; search then waits.
    return () => {
      cancelled = true;
    };
  }, [db, archivedCount, extraWords, enabled]);
  return index;
}

export interface ArchiveView {
  /** The rows to show, most recently archived first: at most `limit`. */
  rows: PackageRecord[];
  /** How many archived packages match (all of them without a query); at least this many while not `complete`. */
  total: number;
  /** `total` is final: the search has tested the whole index (it first stops at the rows shown). */
  complete: boolean;
  /** The query these rows answer (they lag the input while records are read). */
  query: string;
  /** The archive's search index is still being built: a search may not cover the whole archive yet. */
  indexing: boolean;
}

/**
 * The archive as shown: without a query a page read from the `[archived+archivedAt]` index; with one, the ids
 * matched in the search index, and only the rows shown read whole. The index is prepared as soon as the popup is
 * open (`prepare`), so the first search in the archive does not wait for it.
 */
export function useArchive(
  db: DoorstepDatabase,
  archivedCount: number | undefined,
  query: string,
  limit: number,
  extraWords: SearchWords,
  options: { show: boolean; prepare: boolean },
): ArchiveView | undefined {
  // Built once the archive is counted (its size is what makes it stale), and only when there is one.
  const index = useArchiveIndex(
    db,
    archivedCount ?? 0,
    extraWords,
    options.prepare && archivedCount !== undefined && archivedCount > 0,
  );
  const [view, setView] = useState<ArchiveView | undefined>(undefined);
  // The last search, which a query extending it narrows instead of passing over the whole archive again.
  const lastSearch = useRef<IndexSearch | undefined>(undefined);
  const terms = queryTerms(query);
  const searching = terms.length > 0;
  // A layout effect: the search and the read of its rows start in the keystroke's own task, not after a frame.
  useLayoutEffect(() => {
    if (!options.show) return;
    if (archivedCount === undefined) {
      setView(undefined); // Not counted yet (a moment after the active list): the archive shows it is loading.
      return;
    }
    if (!searching) {
      const subscription = liveQuery(() => listArchivePage(db, 0, limit)).subscribe({
        next: (rows) => setView({ rows, total: archivedCount, complete: true, query, indexing: false }),
        error: () => setView({ rows: [], total: archivedCount, complete: true, query, indexing: false }),
      });
      return () => subscription.unsubscribe();
    }
    if (!index) {
      setView({ rows: [], total: 0, complete: false, query, indexing: true });
      return;
    }
    // The keystroke's work is bounded by the rows shown: the search stops at the first `limit` matches (the most
    // recently archived), and the rest of the index is tested a slice per task after the rows are in, so a query
    // matching tens of thousands does not hold the frame and the next keystroke is answered between slices. The
    // same query asking for more rows goes on with its search instead of starting over.
    const last = lastSearch.current;
    const found =
      last && last.index === index && sameTerms(last.terms, terms) ? last : startSearch(index, terms, last);
    lastSearch.current = found;
    continueSearch(found, { matches: limit });
    const ids = found.matches.slice(0, limit).map((at) => index[at]?.id ?? '');
    const subscription = liveQuery(() => getPackages(db, ids)).subscribe({
      next: (rows) =>
        setView({
          rows: rows.filter((r) => r.archivedAt !== undefined),
          total: found.matches.length,
          complete: found.done,
          query,
          indexing: false,
        }),
      error: () => setView({ rows: [], total: 0, complete: true, query, indexing: false }),
    });
    // On idle time: the count must not delay the frame that shows the rows, nor the next keystroke.
    let stopped = false;
    const countRest = (timeLeft: () => number) => {
      if (stopped) return;
      // Slices while this idle period lasts: one slice per idle callback took ~0.5 s to count 48,000.
      do continueSearch(found, { entries: COUNT_SLICE });
      while (!found.done && timeLeft() > 2);
      if (!found.done) {
        whenIdle(countRest);
        return;
      }
      setView((shown) =>
        shown && shown.query === query && !shown.indexing
          ? { ...shown, total: found.matches.length, complete: true }
          : shown,
      );
    };
    if (!found.done) whenIdle(countRest);
    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
  }, [db, archivedCount, query, limit, index, options.show]);
  return options.show ? view : undefined;
}

/** One package by id, live (the details view of an archived package not in the loaded lists). */
export function usePackage(db: DoorstepDatabase, id: string | undefined): PackageRecord | undefined {
  const state = useLiveQuery(async () => (id ? await getPackage(db, id) : undefined), [db, id]);
  return state.status === 'ready' ? state.value : undefined;
}
