import type { Translate } from './i18n/translate';
import { isFinished, isProblem } from './store/status';
import type { Eta, PackageRecord } from './store/types';

/** `YYYY-MM-DD` of an instant in a time zone (the user's own when omitted). */
export function localDate(now: Date, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whether an estimate includes the given calendar day (a window counts on each of its days). */
export function etaIncludes(eta: Eta, day: string): boolean {
  return eta.start <= day && day <= (eta.end ?? eta.start);
}

/** A package arrives today when it is out for delivery, or its estimate includes today, and it is not finished. */
export function isArrivingToday(pkg: PackageRecord, today: string, timeZone?: string): boolean {
  if (pkg.archivedAt !== undefined || isFinished(pkg.status)) return false;
  // "Out for delivery" is a same-day status: stated on an earlier day and never updated, the van came back
  // without it (a missed delivery), so it does not count as arriving today.
  if (pkg.status === 'out_for_delivery') {
    return pkg.statusAt === undefined || localDate(new Date(pkg.statusAt), timeZone) >= today;
  }
  return pkg.eta !== undefined && etaIncludes(pkg.eta, today);
}

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLOR_NORMAL = '#1a7f37';
export const BADGE_COLOR_PROBLEM = '#cf222e';

/**
 * What the toolbar badge shows: the number of packages arriving today, red when any active package has a problem.
 * The tooltip is in the UI language (`t`); package names are the user's own words and stay as they are.
 */
export function badgeState(
  packages: PackageRecord[],
  now: Date,
  t: Translate,
  timeZone?: string,
): BadgeState {
  const today = localDate(now, timeZone);
  const arriving = packages.filter((p) => isArrivingToday(p, today, timeZone));
  const problems = packages.filter((p) => p.archivedAt === undefined && isProblem(p.status));
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
          ...problems.map((p) => `• ${displayName(p, t)}`),
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
