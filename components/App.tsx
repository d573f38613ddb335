import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorWords } from '@/utils/i18n/error-words';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { StateSettings } from '@/utils/status/package-state';
import type { PackageRecord } from '@/utils/store/types';
import { carrierBrand } from '@/utils/view/carriers';
import { sectionTitle, statusWords } from '@/utils/view/package-text';
import { packageMatcher } from '@/utils/view/search';
import { filterSections, groupIntoSections, type SectionId, viewClock } from '@/utils/view/sections';
import { AddNumbers } from './AddNumbers';
import {
  type ArchiveView,
  afterPaint,
  useArchive,
  useArchivedCount,
  useFirstScreen,
  usePackage,
  useStoredPackages,
} from './hooks';
import { Icon } from './Icons';
import { type Notice, PackageDetails } from './PackageDetails';
import { PackageRow } from './PackageRow';
import { useServices } from './services';

type Filter = 'active' | SectionId | 'archive';
const FILTERS: readonly Filter[] = [
  'active',
  'out_for_delivery',
  'today',
  'problems',
  'on_the_way',
  'delivered',
  'archive',
];
const NOTICE_MS = 8_000;
/**
 * Rows rendered at first and added per step. A popup shows about seven rows; rendering 1,000 at once would cost
 * hundreds of milliseconds on open and on every keystroke, so more rows are rendered as the list is scrolled (and
 * the first screen reads only the sections these rows are in).
 */
const ROWS_STEP = 24;

/**
 * The popup: every package in one place, grouped the way a shopper thinks about them, live while open.
 * Sets the performance marks the benchmark reads (`doorstep:first-render`, `doorstep:search-rendered`).
 */
export function App() {
  const services = useServices();
  const { t, db } = services;
  const [stateSettings, setStateSettings] = useState<StateSettings>({
    staleAfterDays: DEFAULT_SETTINGS.staleAfterDays,
    autoArchiveDays: DEFAULT_SETTINGS.autoArchiveDays,
  });
  const [settingsKnown, setSettingsKnown] = useState(false);
  // The whole active list is read once the first screen is painted, so the two reads do not compete.
  const [wantAll, setWantAll] = useState(false);
  const packages = useStoredPackages(db, wantAll);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('active');
  const [rowLimit, setRowLimit] = useState(ROWS_STEP);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const search = useRef<HTMLInputElement>(null);
  const firstRender = useRef(false);

  useEffect(() => {
    services.loadSettings().then(
      ({ staleAfterDays, autoArchiveDays }) => {
        setStateSettings({ staleAfterDays, autoArchiveDays });
        setSettingsKnown(true);
      },
      () => setSettingsKnown(true), // Defaults are a fine view when settings cannot be read.
    );
  }, [services]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const notify = useCallback((next: Notice) => setNotice(next), []);
  // The same derivation as the badge (utils/status/package-state.ts), with the same settings.
  const clock = viewClock(services.now(), stateSettings);
  // The first screen: the first sections, read through indexes as far as the first rows go (with the settings known,
  // so its sections are the full list's).
  const first = useFirstScreen(db, settingsKnown ? clock : undefined, ROWS_STEP);
  useEffect(() => {
    if (first.done && !first.view) setWantAll(true); // Unreadable first screen: the whole list is all there is.
  }, [first.done]);
  // Active packages only: the archive is counted from the index and read a page (or a search's rows) at a time.
  const all = packages.status === 'ready' ? packages.value : undefined;
  // Until the whole active list is read, the sections and counts shown are the first screen's.
  const shownAll = all !== undefined || first.view?.complete === true;
  const activeCount = all?.length ?? first.view?.activeCount;
  const [rendered, setRendered] = useState(false);
  // Counted once the active list is in (no earlier screen shows it); the first screen knows only whether there is one.
  const archivedCount = useArchivedCount(db, rendered);
  const hasArchive = archivedCount === undefined ? first.view?.hasArchive === true : archivedCount > 0;

  const searchWords = useCallback(
    (pkg: PackageRecord) => `${carrierBrand(pkg.carrier)?.name ?? ''}\n${statusWords(pkg.status, t)}`,
    [t],
  );
  // Grouped and sorted once per change of the active list; a keystroke only filters the sorted sections.
  const grouped = useMemo(
    () => (all ? groupIntoSections(all, clock) : (first.view?.sections ?? [])),
    // The clock changes every render; grouping by the minute it was opened is what the user expects.
    [all, first.view, stateSettings],
  );
  const archive = useArchive(db, archivedCount, query, rowLimit, searchWords, {
    show: filter === 'archive',
    prepare: rendered,
  });
  const sections = useMemo(() => {
    const shown = grouped.filter((s) => filter === 'active' || s.id === filter);
    const matches = filter === 'archive' ? undefined : packageMatcher(query, searchWords);
    return matches ? filterSections(shown, matches) : shown;
  }, [grouped, filter, query, searchWords]);

  useLayoutEffect(() => {
    if (activeCount !== undefined && !firstRender.current) {
      firstRender.current = true;
      performance.mark('doorstep:first-render', { detail: { active: activeCount, hasArchive } });
      // After this frame is painted, the rest: the whole active list, then (below) the archive's search index.
      afterPaint(() => setWantAll(true));
    }
  }, [activeCount]);
  useLayoutEffect(() => {
    if (all && !rendered) {
      performance.mark('doorstep:active-listed', { detail: { packages: all.length } });
      setRendered(true);
    }
  }, [all]);
  // In the archive the rows of a query arrive a moment after it (read from the database): marked once they are in;
  // in the active list once it is whole (a search over the first screen alone would miss packages).
  const shownQuery = filter === 'archive' ? archive?.query : shownAll ? query : undefined;
  useLayoutEffect(() => {
    if (firstRender.current && shownQuery === query)
      performance.mark('doorstep:search-rendered', { detail: { query, filter } });
  }, [query, shownQuery]);

  const scan = async () => {
    setScanning(true);
    const outcome = await services.scanPage();
    setScanning(false);
    // The reason is the browser's English ("Cannot access a chrome:// URL"): the sentence alone says what matters.
    if (!outcome.ok) notify({ text: t('scanImpossible'), tone: 'error' });
    else notify({ text: outcome.found > 0 ? t('scanFound', outcome.found) : t('scanNothing') });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.matches('input, textarea, select');
    if (event.key === '/' && !typing) {
      event.preventDefault();
      search.current?.focus();
      return;
    }
    if (event.key === 'Escape' && (selected || adding)) {
      event.preventDefault();
      setSelected(undefined);
      setAdding(false);
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    if (typing && target !== search.current) return;
    const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-row]'));
    if (rows.length === 0) return;
    event.preventDefault();
    const at = rows.indexOf(target as HTMLElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? rows.length - 1
          : event.key === 'ArrowDown'
            ? Math.min(at + 1, rows.length - 1)
            : at <= 0
              ? 0
              : at - 1;
    rows[next]?.focus();
  };

  const selectedStored = usePackage(db, selected);
  const selectedPackage = selected
    ? (all?.find((p) => p.id === selected) ?? archive?.rows.find((p) => p.id === selected) ?? selectedStored)
    : undefined;
  // Active records whose archiving is due (the alarm archives them within the minute) are in no section, so they
  // are not counted as active.
  const listed = useMemo(() => grouped.reduce((n, s) => n + s.packages.length, 0), [grouped]);
  // Before the whole list is read, the index's count of active packages (which, unlike the sections, includes any
  // whose archiving is due this minute).
  const total = shownAll ? listed : (activeCount ?? 0);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard shortcuts for the whole popup, not a control.
    <div class="popup" onKeyDown={onKeyDown}>
      <header class="popup-header">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            <Icon name="box" size={18} />
          </span>
          <h1>Doorstep</h1>
        </div>
        <div class="header-actions">
          <button
            type="button"
            class="icon-button"
            onClick={scan}
            disabled={scanning}
            aria-busy={scanning}
            aria-label={t('scanPage')}
            title={t('scanPage')}
          >
            <Icon name="scan" />
          </button>
          <button
            type="button"
            class="icon-button"
            onClick={() => {
              setSelected(undefined);
              setAdding((open) => !open);
            }}
            aria-expanded={adding}
            aria-label={t('addNumbers')}
            title={t('addNumbers')}
          >
            <Icon name="plus" />
          </button>
          <button
            type="button"
            class="icon-button"
            onClick={services.openOptions}
            aria-label={t('openSettings')}
            title={t('openSettings')}
          >
            <Icon name="settings" />
          </button>
        </div>
      </header>

      <main class="popup-body">
        {packages.status === 'error' ? (
          <p role="alert" class="error">
            {t('readFailed', errorWords({ code: 'internal' }, t))}
          </p>
        ) : activeCount === undefined ? (
          <p class="loading" aria-busy="true">
            {t('loading')}
          </p>
        ) : adding ? (
          <AddNumbers onClose={() => setAdding(false)} notify={notify} />
        ) : selectedPackage ? (
          <PackageDetails
            key={selectedPackage.id}
            pkg={selectedPackage}
            clock={clock}
            onBack={() => setSelected(undefined)}
            notify={notify}
          />
        ) : activeCount === 0 && !hasArchive ? (
          <FirstRun onAdd={() => setAdding(true)} onScan={scan} />
        ) : (
          <>
            <div class="toolbar">
              <span class="search">
                <Icon name="search" />
                <input
                  ref={search}
                  type="search"
                  value={query}
                  placeholder={t('searchPlaceholder')}
                  aria-label={t('searchLabel')}
                  onInput={(e) => {
                    setQuery(e.currentTarget.value);
                    setRowLimit(ROWS_STEP);
                  }}
                />
              </span>
              <select
                aria-label={t('filterLabel')}
                value={filter}
                onChange={(e) => {
                  setFilter(e.currentTarget.value as Filter);
                  setRowLimit(ROWS_STEP);
                }}
              >
                {FILTERS.map((id) => (
                  <option key={id} value={id}>
                    {id === 'active'
                      ? t('filterAll', total)
                      : id === 'archive'
                        ? t('filterArchive')
                        : sectionTitle(id, t)}
                  </option>
                ))}
              </select>
            </div>
            <PackageList
              filter={filter}
              sections={sections}
              archive={archive}
              clock={clock}
              query={query}
              whole={shownAll}
              activeTotal={total}
              rowLimit={rowLimit}
              onMore={() => setRowLimit((n) => n + ROWS_STEP * 5)}
              onOpen={setSelected}
            />
          </>
        )}
      </main>

      <div class="notice-area" role="status" aria-live="polite">
        {notice && (
          <div class={`notice${notice.tone === 'error' ? ' notice-error' : ''}`}>
            <span>{notice.text}</span>
            {notice.undo && (
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  notice.undo?.();
                  setNotice(undefined);
                }}
              >
                {t('undo')}
              </button>
            )}
            <button
              type="button"
              class="icon-button"
              aria-label={t('dismiss')}
              title={t('dismiss')}
              onClick={() => setNotice(undefined)}
            >
              <Icon name="close" size={12} />
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function PackageList({
  filter,
  sections,
  archive,
  clock,
  query,
  whole,
  activeTotal,
  rowLimit,
  onMore,
  onOpen,
}: {
  filter: Filter;
  sections: ReturnType<typeof groupIntoSections>;
  archive: ArchiveView | undefined;
  clock: ReturnType<typeof viewClock>;
  query: string;
  /** The active sections are all read (not only the first screen's). */
  whole: boolean;
  /** How many active packages there are, while `sections` may be only the first screen's. */
  activeTotal: number;
  rowLimit: number;
  onMore: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useServices();
  // The archive's rows are a page of it; its count is the whole archive's (or the search's matches).
  // A search of the archive shows its rows before it has counted all its matches: the count then says "at least".
  const shown: { id: SectionId | 'archive'; packages: PackageRecord[]; count: number; final: boolean }[] =
    filter === 'archive'
      ? [
          {
            id: 'archive',
            packages: archive?.rows ?? [],
            count: archive?.total ?? 0,
            final: archive?.complete ?? false,
          },
        ]
      : sections.map((section) => ({ ...section, count: section.packages.length, final: true }));
  const total =
    filter === 'active' && !query ? activeTotal : shown.reduce((n, section) => n + section.count, 0);
  const waiting =
    filter === 'archive' ? !archive || archive.indexing : !whole && (query !== '' || filter !== 'active');
  if (waiting) {
    return (
      <p class="loading" aria-busy="true">
        {t('loading')}
      </p>
    );
  }
  if (total === 0) {
    const empty = filter === 'archive' ? t('archiveEmpty') : t('nothingHere');
    return <p class="empty">{query ? t('noMatches', query) : empty}</p>;
  }
  // Sections keep their full counts; only the rows beyond the budget wait until the user scrolls to them.
  let budget = rowLimit;
  const visible = shown
    .map((section) => {
      const rows = section.packages.slice(0, Math.max(0, budget));
      budget -= rows.length;
      return { ...section, rows };
    })
    .filter((section) => section.rows.length > 0);
  return (
    <>
      {visible.map((section) => (
        <section key={section.id} class={`section section-${section.id}`} aria-labelledby={`h-${section.id}`}>
          <h2 id={`h-${section.id}`}>
            {section.id === 'archive' ? t('filterArchive') : sectionTitle(section.id, t)}{' '}
            <span class="count" aria-hidden="true">
              {section.final ? section.count : `${section.count}+`}
            </span>
            <span class="visually-hidden">
              {section.final ? t('packageCount', section.count) : `${section.count}+`}
            </span>
          </h2>
          <ul>
            {section.rows.map((pkg, at) => (
              <PackageRow
                key={pkg.id}
                pkg={pkg}
                clock={clock}
                onOpen={onOpen}
                // -1: the set's size is not known yet (ARIA's value for it).
                position={{ at: at + 1, of: section.final ? section.count : -1 }}
              />
            ))}
          </ul>
        </section>
      ))}
      {total > rowLimit && <MoreRows remaining={total - rowLimit} onMore={onMore} />}
    </>
  );
}

/** Renders more rows when scrolled into view, or when pressed (keyboard and screen-reader users). */
function MoreRows({ remaining, onMore }: { remaining: number; onMore: () => void }) {
  const { t } = useServices();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onMore]);
  return (
    <button type="button" class="more-rows" ref={button} onClick={onMore}>
      {t('showMore', remaining)}
    </button>
  );
}

/** The first-run state: what Doorstep does, that nothing leaves the device, and the two ways to start. */
function FirstRun({ onAdd, onScan }: { onAdd: () => void; onScan: () => void }) {
  const { t } = useServices();
  return (
    <section class="first-run" aria-labelledby="welcome-title">
      <div class="first-run-art" aria-hidden="true">
        <Icon name="box" size={40} />
      </div>
      <h2 id="welcome-title">{t('welcomeTitle')}</h2>
      <p>{t('welcomeBody')}</p>
      <ul class="welcome-points">
        <li>{t('welcomeMail')}</li>
        <li>{t('welcomeAmazon')}</li>
        <li>{t('welcomePrivate')}</li>
      </ul>
      <div class="actions">
        <button type="button" class="primary" onClick={onAdd}>
          <Icon name="plus" /> {t('addNumbers')}
        </button>
        <button type="button" onClick={onScan}>
          <Icon name="scan" /> {t('scanPage')}
        </button>
      </div>
    </section>
  );
}
