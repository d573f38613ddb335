import { displayName, localDate } from '../badge';
import type { MessageKey, Translate } from '../i18n/translate';
import type { Settings } from '../settings';
import { isFinished, isProblem } from '../store/status';
import type { PackageChange, PackageRecord } from '../store/types';

/** What a notification is about; each maps to one switch in the settings. */
export type NoticeKind = 'out_for_delivery' | 'delivered' | 'problem' | 'late';

export interface Notice {
  kind: NoticeKind;
  pkg: PackageRecord;
}

export type NotificationPrefs = Settings['notifications'];

/** News older than this is not news: an old e-mail opened today does not ring. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function kindOfStatus(status: PackageRecord['status']): NoticeKind | undefined {
  if (status === 'out_for_delivery') return 'out_for_delivery';
  if (status === 'delivered') return 'delivered';
  if (isProblem(status)) return 'problem';
  return undefined;
}

function wanted(kind: NoticeKind, prefs: NotificationPrefs): boolean {
  if (!prefs.enabled) return false;
  switch (kind) {
    case 'out_for_delivery':
      return prefs.outForDelivery;
    case 'delivered':
      return prefs.delivered;
    case 'problem':
      return prefs.problem;
    case 'late':
      return prefs.late;
  }
}

/**
 * The notices a batch of changes deserves: one per package whose status moved to out for delivery, delivered or a
 * problem. New packages are not announced (the user is looking at the page that revealed them), nor archived ones,
 * nor a status whose own time is over a day old.
 */
export function noticesFromChanges(
  changes: PackageChange[],
  prefs: NotificationPrefs,
  now: number,
): Notice[] {
  const notices: Notice[] = [];
  for (const { before, after } of changes) {
    if (!before || !after || after.archivedAt !== undefined) continue;
    if (before.status === after.status) continue;
    const kind = kindOfStatus(after.status);
    if (!kind || !wanted(kind, prefs)) continue;
    if (after.statusAt !== undefined && now - after.statusAt > STALE_AFTER_MS) continue;
    notices.push({ kind, pkg: after });
  }
  return notices;
}

/** The last day of an estimate, and the time of day it ends ("by 8 PM"), in the zone it was stated in. */
function etaDeadline(pkg: PackageRecord): { day: string; by?: string; timeZone?: string } | undefined {
  if (!pkg.eta) return undefined;
  return { day: pkg.eta.end ?? pkg.eta.start, by: pkg.eta.by, timeZone: pkg.eta.timeZone };
}

function localTime(now: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/** Whether an undelivered package is past its estimate, judged in the time zone the estimate was stated in. */
export function isLate(pkg: PackageRecord, now: Date): boolean {
  if (pkg.archivedAt !== undefined || isFinished(pkg.status)) return false;
  const deadline = etaDeadline(pkg);
  if (!deadline) return false;
  const today = localDate(now, deadline.timeZone);
  if (today > deadline.day) return true;
  return (
    today === deadline.day && deadline.by !== undefined && localTime(now, deadline.timeZone) > deadline.by
  );
}

/** Late packages not yet announced for their current estimate (a new estimate may be announced again). */
export function lateNotices(packages: PackageRecord[], prefs: NotificationPrefs, now: Date): Notice[] {
  if (!wanted('late', prefs)) return [];
  return packages
    .filter((p) => isLate(p, now) && p.lateNoticeFor !== etaDeadline(p)?.day)
    .map((pkg) => ({ kind: 'late' as const, pkg }));
}

/** The estimate day a late notice covers, stored on the record so the hourly check announces it once. */
export function lateNoticeKey(pkg: PackageRecord): string | undefined {
  return etaDeadline(pkg)?.day;
}

/** Where clicking a notification leads: one package's carrier page, or the popup for several. */
export type NotificationTarget = { kind: 'package'; packageId: string } | { kind: 'popup' };

export interface PlannedNotification {
  id: string;
  title: string;
  message: string;
  target: NotificationTarget;
}

/** More notices than this at once become one grouped notification. */
export const GROUP_THRESHOLD = 3;

/** Notification titles in the UI language; the status words are the popup's own. */
const TITLE_KEYS = {
  out_for_delivery: 'status_out_for_delivery',
  delivered: 'status_delivered',
  problem: 'noticeProblem',
  late: 'noticeLate',
} as const satisfies Record<NoticeKind, MessageKey>;

const MAX_MESSAGE = 240;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function describe(notice: Notice, t: Translate): string {
  const name = displayName(notice.pkg, t);
  const expected = notice.pkg.eta?.end ?? notice.pkg.eta?.start;
  // The status text is the carrier's own words, shown as they came.
  const detail =
    notice.kind === 'late' ? (expected ? t('noticeExpected', expected) : '') : notice.pkg.statusText;
  return detail ? `${name} — ${detail}` : name;
}

/**
 * Turns notices into notifications: one each, or a single grouped one listing them when many change at once. The
 * notification id carries its click target, so a click is handled by a restarted worker with no memory of it. Texts
 * are in the UI language (`t`).
 */
export function planNotifications(notices: Notice[], now: number, t: Translate): PlannedNotification[] {
  if (notices.length === 0) return [];
  const titleOf = (kind: NoticeKind) => t(TITLE_KEYS[kind]);
  if (notices.length <= GROUP_THRESHOLD) {
    return notices.map((notice) => ({
      id: notificationId({ kind: 'package', packageId: notice.pkg.id }, `${notice.kind}:${now}`),
      title: titleOf(notice.kind),
      message: clip(describe(notice, t), MAX_MESSAGE),
      target: { kind: 'package', packageId: notice.pkg.id },
    }));
  }
  const kinds = new Set(notices.map((n) => n.kind));
  const [onlyKind] = kinds;
  // Grouped means more than GROUP_THRESHOLD packages, so the counts here are always plural.
  const title =
    kinds.size === 1 && onlyKind
      ? t('noticeGroupKind', titleOf(onlyKind), notices.length)
      : t('noticeGroupMixed', notices.length);
  const lines = notices.map((n) =>
    kinds.size === 1 ? displayName(n.pkg, t) : t('noticeKindLine', titleOf(n.kind), displayName(n.pkg, t)),
  );
  return [
    {
      id: notificationId({ kind: 'popup' }, String(now)),
      title,
      message: clip(lines.join('\n'), MAX_MESSAGE),
      target: { kind: 'popup' },
    },
  ];
}

const ID_PREFIX = 'doorstep';

/** `unique` must not contain `|`; the package id goes last because imported ids may contain anything. */
export function notificationId(target: NotificationTarget, unique: string): string {
  return target.kind === 'package'
    ? `${ID_PREFIX}|package|${unique}|${target.packageId}`
    : `${ID_PREFIX}|popup|${unique}`;
}

/** The click target of one of our notification ids; `undefined` for ids that are not ours. */
export function targetOfNotification(id: string): NotificationTarget | undefined {
  const pkg = /^doorstep\|package\|[^|]*\|(.+)$/.exec(id);
  if (pkg?.[1]) return { kind: 'package', packageId: pkg[1] };
  if (/^doorstep\|popup\|[^|]*$/.test(id)) return { kind: 'popup' };
  return undefined;
}
