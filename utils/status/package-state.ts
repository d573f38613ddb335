import { isFinished } from '../store/status';
import type { Eta, PackageRecord, SourceKind } from '../store/types';

/**
 * The one derivation of what a package is right now: arriving today, a problem (and which), stale, due for the
 * archive, and so which popup section it belongs to. The badge, the popup and the store's archive job all call
 * this, per record, with the same clock and settings, so they can never disagree. Pure: no browser, no database.
 */

export type SectionId = 'out_for_delivery' | 'today' | 'problems' | 'on_the_way' | 'delivered';
export const SECTION_ORDER: readonly SectionId[] = [
  'out_for_delivery',
  'today',
  'problems',
  'on_the_way',
  'delivered',
];

/**
 * Why a package is listed under Problems: what the carrier said first, then what Doorstep derives ("stuck" out for
 * delivery since an earlier day, past its estimate, no news for days). A completed return is not one: it is done.
 */
export type ProblemKind = 'exception' | 'failed_attempt' | 'expired' | 'stuck' | 'late' | 'stale';

export interface ViewClock {
  /** Epoch ms. */
  now: number;
  /** The user's local date, `YYYY-MM-DD`, in `timeZone`. */
  today: string;
  /** The zone `today` is in; the user's own when absent. */
  timeZone?: string;
  /** Days without news after which an undelivered package counts as stale (settings.staleAfterDays). */
  staleAfterDays: number;
  /** Days after delivery (or a return) that a package moves to the archive; 0 keeps it (settings.autoArchiveDays). */
  autoArchiveDays?: number;
}

/** The settings the derivation depends on. */
export interface StateSettings {
  staleAfterDays: number;
  autoArchiveDays?: number;
}

/**
 * A problem nothing has been heard about for this long is over one way or another (an exception from 2019 is not
 * a current worry): it moves to the archive instead of keeping the badge red forever.
 */
export const PROBLEM_ARCHIVE_DAYS = 30;
/** Used when the settings do not say (the same default as settings.autoArchiveDays). */
export const DEFAULT_AUTO_ARCHIVE_DAYS = 14;

export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in a time zone (the user's own when omitted). */
export function localDate(now: Date | number, timeZone?: string): string {
  const date = new Date(now);
  // In the runtime's own zone (read at each call), without building an `Intl.DateTimeFormat`: that costs about a
  // millisecond, and the badge and popup ask once per package (issue 15: 185 badge candidates took 260 ms, nearly
  // all of it here). An invalid date still throws below, as before.
  if (timeZone === undefined && !Number.isNaN(date.getTime())) {
    const two = (n: number) => `0${n}`.slice(-2);
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  }
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export function viewClock(now: Date, settings: StateSettings | number, timeZone?: string): ViewClock {
  const { staleAfterDays, autoArchiveDays } =
    typeof settings === 'number' ? { staleAfterDays: settings, autoArchiveDays: undefined } : settings;
  const clock: ViewClock = { now: now.getTime(), today: localDate(now, timeZone), staleAfterDays };
  if (timeZone !== undefined) clock.timeZone = timeZone;
  if (autoArchiveDays !== undefined) clock.autoArchiveDays = autoArchiveDays;
  return clock;
}

/** Whether an estimate includes the given calendar day (a window counts on each of its days). */
export function etaIncludes(eta: Eta, day: string): boolean {
  return eta.start <= day && day <= (eta.end ?? eta.start);
}

/** When the carrier last said anything: the newest event or status time, else when we first saw the package. */
export function lastNewsAt(pkg: PackageRecord): number {
  let latest = pkg.statusAt ?? pkg.createdAt;
  for (const event of pkg.events) if (event.at > latest) latest = event.at;
  return latest;
}

/** Sources that only say the user (or a copy of the user's data) knows the number, not that anyone tracked it. */
const UNTRACKED_SOURCES: ReadonlySet<SourceKind> = new Set(['manual', 'context_menu', 'import', 'sync']);

/**
 * Whether anything could have brought news: a refresh was tried, the carrier reported events, or a page or e-mail
 * said something. A number typed by hand that nothing can refresh has not "had no news for 5 days": it was never
 * asked, and the popup says "never checked" instead.
 */
export function isWatched(pkg: PackageRecord): boolean {
  return (
    pkg.lastCheckedAt !== undefined ||
    pkg.events.length > 0 ||
    pkg.sources.some((source) => !UNTRACKED_SOURCES.has(source.kind))
  );
}

/** Moving packages can be late or stale; one out for delivery or waiting at a pickup point is neither. */
function canStall(pkg: PackageRecord): boolean {
  return pkg.status === 'unknown' || pkg.status === 'info_received' || pkg.status === 'in_transit';
}

/** Past its estimate (the last day of a window) and not delivered. */
export function isLate(pkg: PackageRecord, today: string): boolean {
  return canStall(pkg) && pkg.eta !== undefined && (pkg.eta.end ?? pkg.eta.start) < today;
}

/** No news for `staleAfterDays` days although something was watching: a common sign of a lost parcel. */
export function isStale(pkg: PackageRecord, clock: ViewClock): boolean {
  return canStall(pkg) && isWatched(pkg) && clock.now - lastNewsAt(pkg) >= clock.staleAfterDays * DAY_MS;
}

/**
 * "Out for delivery" is a same-day status: stated on an earlier local day and never updated, the van came back
 * without it (a missed delivery nobody reported), so it is a problem, not a parcel arriving today.
 */
export function isStuckOutForDelivery(pkg: PackageRecord, clock: ViewClock): boolean {
  return (
    pkg.status === 'out_for_delivery' &&
    pkg.statusAt !== undefined &&
    localDate(pkg.statusAt, clock.timeZone) < clock.today
  );
}

/** The carrier's word first, then the derived problems, most telling first. */
function problemKindOf(pkg: PackageRecord, clock: ViewClock): ProblemKind | undefined {
  if (pkg.status === 'exception' || pkg.status === 'failed_attempt' || pkg.status === 'expired') {
    return pkg.status;
  }
  if (isStuckOutForDelivery(pkg, clock)) return 'stuck';
  if (isLate(pkg, clock.today)) return 'late';
  if (isStale(pkg, clock)) return 'stale';
  return undefined;
}

/**
 * When an active package should leave the list for the archive, or undefined when it stays: a delivery or a
 * completed return `autoArchiveDays` after it happened, a problem `PROBLEM_ARCHIVE_DAYS` after the last news.
 */
export function archiveDueAt(pkg: PackageRecord, clock: ViewClock): number | undefined {
  if (pkg.archivedAt !== undefined) return undefined;
  if (pkg.status === 'delivered' || pkg.status === 'returned') {
    const days = clock.autoArchiveDays ?? DEFAULT_AUTO_ARCHIVE_DAYS;
    if (days <= 0) return undefined;
    return (pkg.deliveredAt ?? pkg.statusAt ?? pkg.updatedAt) + days * DAY_MS;
  }
  if (problemKindOf(pkg, clock) === undefined) return undefined;
  return lastNewsAt(pkg) + PROBLEM_ARCHIVE_DAYS * DAY_MS;
}

export interface PackageState {
  /** Archived, or due for the archive now (the store catches up on its next check): not in any section. */
  archived: boolean;
  /** The popup section of an active package; undefined when archived. */
  section: SectionId | undefined;
  /** Counted by the badge: the Out for delivery and Arriving today sections, exactly. */
  arrivingToday: boolean;
  /** Set exactly when the package is listed under Problems; turns the badge red. */
  problem: ProblemKind | undefined;
  /** No news for `staleAfterDays` days although watched (also true when a stronger problem is shown). */
  stale: boolean;
}

/** What a package is right now, for the given clock and settings. */
export function packageState(pkg: PackageRecord, clock: ViewClock): PackageState {
  const stale = isStale(pkg, clock);
  const due = archiveDueAt(pkg, clock);
  if (pkg.archivedAt !== undefined || (due !== undefined && clock.now >= due)) {
    return { archived: true, section: undefined, arrivingToday: false, problem: undefined, stale };
  }
  const problem = problemKindOf(pkg, clock);
  let section: SectionId;
  if (problem) section = 'problems';
  else if (isFinished(pkg.status)) section = 'delivered';
  else if (pkg.status === 'out_for_delivery') section = 'out_for_delivery';
  // A parcel waiting at a pickup point needs the shopper today, like one arriving today.
  else if (pkg.status === 'available_for_pickup' || (pkg.eta && etaIncludes(pkg.eta, clock.today)))
    section = 'today';
  else section = 'on_the_way';
  return {
    archived: false,
    section,
    arrivingToday: section === 'out_for_delivery' || section === 'today',
    problem,
    stale,
  };
}

/** Why a package is a problem now, or undefined (archived packages have none). */
export function problemOf(pkg: PackageRecord, clock: ViewClock): ProblemKind | undefined {
  return packageState(pkg, clock).problem;
}
