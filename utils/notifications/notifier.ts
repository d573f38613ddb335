import type { Translate } from '../i18n/translate';
import type { DoorstepDatabase } from '../store/db';
import { getPackage, listActivePackages, markLateNoticeShown } from '../store/repository';
import type { PackageChange, PackageRecord } from '../store/types';
import {
  lateNoticeKey,
  lateNotices,
  type NotificationPrefs,
  noticesFromChanges,
  type PlannedNotification,
  planNotifications,
  targetOfNotification,
} from './notices';

/** The part of `browser.notifications` used here (Chrome and Firefox both support "basic"). */
export interface NotificationsApi {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string },
  ): Promise<string>;
}

export interface NotifierDeps {
  api: NotificationsApi;
  iconUrl: string;
  loadPrefs: () => Promise<NotificationPrefs>;
  now: () => number;
  /** The UI language's messages (`browser.i18n`), for titles and texts. */
  t: Translate;
}

export async function showNotifications(planned: PlannedNotification[], deps: NotifierDeps): Promise<void> {
  for (const n of planned) {
    await deps.api.create(n.id, { type: 'basic', iconUrl: deps.iconUrl, title: n.title, message: n.message });
  }
}

/** Announces the status changes of one batch, if the user opted in. Returns how many notifications were shown. */
export async function notifyChanges(changes: PackageChange[], deps: NotifierDeps): Promise<number> {
  const prefs = await deps.loadPrefs();
  if (!prefs.enabled) return 0;
  const planned = planNotifications(noticesFromChanges(changes, prefs, deps.now()), deps.now(), deps.t);
  await showNotifications(planned, deps);
  return planned.length;
}

/** The periodic "late" check: announces each package once per estimate it missed. */
export async function notifyLate(db: DoorstepDatabase, deps: NotifierDeps): Promise<number> {
  const prefs = await deps.loadPrefs();
  if (!prefs.enabled || !prefs.late) return 0;
  const notices = lateNotices(await listActivePackages(db), prefs, new Date(deps.now()));
  if (notices.length === 0) return 0;
  await showNotifications(planNotifications(notices, deps.now(), deps.t), deps);
  // Stored after showing: a worker stopped in between announces again rather than never.
  await markLateNoticeShown(
    db,
    notices.map((n) => n.pkg.id),
    notices.map((n) => lateNoticeKey(n.pkg) ?? ''),
  );
  return notices.length;
}

export type TrackingUrlFor = (carrier: string, number: string) => string | undefined;

function isHttpUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The carrier's public tracking page for a package, else the page it was found on; http(s) only. */
export function carrierPageUrl(pkg: PackageRecord, trackingUrlFor: TrackingUrlFor): string | undefined {
  const carrierPage = pkg.carrier && pkg.number ? trackingUrlFor(pkg.carrier, pkg.number) : undefined;
  return [carrierPage, pkg.trackUrl].find(isHttpUrl);
}

export interface ClickDeps {
  db: DoorstepDatabase;
  trackingUrlFor: TrackingUrlFor;
  openTab: (url: string) => Promise<unknown>;
  openPopup: () => Promise<unknown>;
}

/** A click on one of our notifications: the package's carrier page, or the popup (also when the page is unknown). */
export async function openNotificationTarget(
  id: string,
  deps: ClickDeps,
): Promise<'carrier' | 'popup' | 'ignored'> {
  const target = targetOfNotification(id);
  if (!target) return 'ignored';
  if (target.kind === 'package') {
    const pkg = await getPackage(deps.db, target.packageId);
    const url = pkg ? carrierPageUrl(pkg, deps.trackingUrlFor) : undefined;
    if (url) {
      await deps.openTab(url);
      return 'carrier';
    }
  }
  await deps.openPopup();
  return 'popup';
}
