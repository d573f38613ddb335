import type { PackageRecord } from '@/utils/store/types';
import { formatAgo, formatEta } from '@/utils/view/format';
import { freshnessWords } from '@/utils/view/freshness';
import {
  lastNews,
  packageSubtitle,
  packageTitle,
  problemWords,
  statusWords,
} from '@/utils/view/package-text';
import { problemOf, type ViewClock } from '@/utils/view/sections';
import { CarrierMark } from './CarrierMark';
import { useServices } from './services';

/**
 * One package in the list: a single button (keyboard reachable, read as one phrase by screen readers) showing the
 * name, who sends and carries it, the status in words with the last event, the estimate and how fresh the status is.
 * All of it is page or API text rendered as text.
 */
export function PackageRow({
  pkg,
  clock,
  onOpen,
  position,
}: {
  pkg: PackageRecord;
  clock: ViewClock;
  onOpen: (id: string) => void;
  /** Its place in the whole section, 1-based, when only some of the section's rows are rendered. */
  position?: { at: number; of: number };
}) {
  const { t, locale } = useServices();
  const problem = problemOf(pkg, clock);
  // A problem is named the way the badge's tooltip names it, so both say the same words.
  const statusText = problem ? problemWords(problem, t, pkg, clock) : statusWords(pkg.status, t);
  const news = lastNews(pkg, statusText, !problem);
  const subtitle = packageSubtitle(pkg);
  const eta =
    pkg.eta && pkg.status !== 'delivered'
      ? formatEta(pkg.eta, clock.today, locale, (day, time) => t('etaByTime', day, time))
      : undefined;
  const delivered =
    pkg.status === 'delivered' && pkg.deliveredAt ? formatAgo(pkg.deliveredAt, clock.now, locale) : '';
  const checked = freshnessWords(pkg, clock.now, t, locale);
  const tone = problem ? 'problem' : pkg.status === 'delivered' ? 'done' : 'moving';
  return (
    <li
      class="package"
      data-number={pkg.number ?? ''}
      data-status={pkg.status}
      data-id={pkg.id}
      aria-posinset={position?.at}
      aria-setsize={position?.of}
    >
      <button type="button" class="row" data-row="" onClick={() => onOpen(pkg.id)}>
        <CarrierMark carrier={pkg.carrier} merchant={pkg.merchant} />
        <span class="row-main">
          <span class="row-title">{packageTitle(pkg, t)}</span>
          {subtitle && <span class="row-sub">{subtitle}</span>}
          <span class={`row-status tone-${tone}`}>
            <strong>{statusText}</strong>
            {news && <span class="row-news"> · {news}</span>}
          </span>
          <span class="row-meta">
            {checked}
            {pkg.lastError && <span class="row-error"> · {t('refreshFailedShort')}</span>}
          </span>
        </span>
        {(eta || delivered) && (
          <span class={`row-eta${eta && clock.today === pkg.eta?.start ? ' row-eta-today' : ''}`}>
            {eta ?? delivered}
          </span>
        )}
      </button>
    </li>
  );
}
