import type { Translate } from './i18n/translate';
import {
  DEFAULT_AUTO_ARCHIVE_DAYS,
  packageState,
  type StateSettings,
  viewClock,
} from './status/package-state';
import type { PackageRecord } from './store/types';
import { problemWords } from './view/package-text';
import { groupIntoSections } from './view/sections';

export { etaIncludes, localDate } from './status/package-state';

/** Defaults matching settings.ts, for callers that have no settings at hand (tests, the first paint). */
const DEFAULT_STATE_SETTINGS: StateSettings = {
  staleAfterDays: 5,
  autoArchiveDays: DEFAULT_AUTO_ARCHIVE_DAYS,
};

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLOR_NORMAL = '#1a7f37';
export const BADGE_COLOR_PROBLEM = '#cf222e';

/**
 * What the toolbar badge shows: the number of packages the popup lists under Out for delivery and Arriving today,
 * red when the popup lists any package under Problems (late, stale, stuck, exception, failed attempt, expired).
 * The tooltip names both, with the same reasons the popup gives, in the UI language (`t`); package names are the
 * user's own words and stay as they are.
 */
export function badgeState(
  packages: readonly PackageRecord[],
  now: Date,
  t: Translate,
  timeZone?: string,
  settings: StateSettings = DEFAULT_STATE_SETTINGS,
): BadgeState {
  const clock = viewClock(now, settings, timeZone);
  // The popup's own grouping, so the tooltip lists the same packages in the same order as the popup.
  const sections = new Map(groupIntoSections(packages, clock).map((s) => [s.id, s.packages]));
  const arriving = [...(sections.get('out_for_delivery') ?? []), ...(sections.get('today') ?? [])];
  const problems = (sections.get('problems') ?? []).map((pkg) => {
    const kind = packageState(pkg, clock).problem;
    return { pkg, why: kind ? problemWords(kind, t, pkg, clock) : '' };
  });
  // Chrome's i18n has no plural rules: one key for exactly one, another for more.
  const heading =
    arriving.length === 0
      ? t('badgeNothingToday')
      : arriving.length === 1
        ? t('badgeArrivingOne')
        : t('badgeArrivingMany', arriving.length);
  const lines = [
    heading,
    ...arriving.map((p) => `• ${displayName(p, t)}`),
    ...(problems.length > 0
      ? [
          problems.length === 1 ? t('badgeProblemOne') : t('badgeProblemMany', problems.length),
          ...problems.map(({ pkg, why }) => t('badgeProblemLine', displayName(pkg, t), why)),
        ]
      : []),
  ];
  return {
    // Nothing arriving shows nothing, except a problem: a red "!" so the colour is seen (problems are never hidden).
    text: arriving.length > 0 ? String(arriving.length) : problems.length > 0 ? '!' : '',
    color: problems.length > 0 ? BADGE_COLOR_PROBLEM : BADGE_COLOR_NORMAL,
    title: lines.join('\n'),
  };
}

/** A package's name for the background's texts: the user's label, an item, the number, else "Order …"/"Package". */
export function displayName(pkg: PackageRecord, t: Translate): string {
  return (
    pkg.label ??
    pkg.itemTitles[0] ??
    pkg.number ??
    (pkg.orderId ? t('packageOrder', pkg.orderId) : t('packageUnnamed'))
  );
}

/** Milliseconds from `now` to the next local midnight, for the alarm that rolls the badge over. */
export function msUntilNextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
  return next.getTime() - now.getTime();
}
