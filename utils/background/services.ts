import type { browser as Browser } from 'wxt/browser';
import type { CheckReply } from '../carrier-web/check-now';
import {
  selectionFeedback,
  TRACK_SELECTION_MENU_ID,
  trackSelection,
  trackSelectionMenu,
} from '../context-menu/track-selection';
import { browserTranslator, type Translate } from '../i18n/translate';
import { type MessageSenderInfo, senderKindOf } from '../messages';
import { notificationId } from '../notifications/notices';
import {
  notifyChanges,
  notifyLate,
  openNotificationTarget,
  type TrackingUrlFor,
} from '../notifications/notifier';
import { isOffscreenMessage } from '../offscreen/track-page-messages';
import { contentSettingsFor, loadSettings, SETTINGS_CHANGED_SESSION_KEY } from '../settings';
import { viewClock } from '../status/package-state';
import type { DoorstepDatabase } from '../store/db';
import type { PackageChange } from '../store/types';
import { changesAffectSync } from '../sync/compact';
import { queueDeletions, serialised, syncNow } from '../sync/sync-store';
import { ensureAlarms, scheduleArchive, scheduleSync } from './alarms';
import { archiveDuePackages, nextArchiveDue } from './archive-due';
import { createBadgeUpdater } from './badge-updater';
import { type HandlerReply, handleMessage, type IdentifyNumber } from './message-handler';
import type { RefreshOutcome } from './refresh-service';

type BrowserApi = typeof Browser;

/** The tracking-number engine's entry points the background needs (utils/tracking). */
export interface TrackingEngine {
  identify: IdentifyNumber;
  find: (text: string) => { number: string; carrier: string }[];
  trackingUrlFor: TrackingUrlFor;
}

export interface BackgroundOptions {
  /** Where changes of stored packages go (the change bus); badge, notifications and sync subscribe there. */
  publish: (changes: PackageChange[]) => Promise<void>;
  refresh?: (ids: string[]) => Promise<RefreshOutcome>;
  /** Issue 12: "check now" on the carrier's page in a background tab; only extension pages may ask. */
  checkCarrierPage?: (id: string) => Promise<CheckReply>;
  log?: (message: string) => void;
  now?: () => number;
  /** Messages for the badge tooltip, notifications and context menu; the browser's `i18n` by default. */
  t?: Translate;
}

/**
 * What the service worker does, as plain functions over injected APIs; which event runs which of them is decided
 * in one place, the composition root (`./root.ts`). Changes are published, never handled here directly: the
 * badge, notifications and sync are subscribers like any other. No state is kept here between events except the
 * queue that keeps sync rounds from interleaving and the badge's in-memory candidates (read again at every start
 * and periodic check); anything that must survive lives in IndexedDB or storage.
 */
export function createBackgroundServices(
  api: BrowserApi,
  db: DoorstepDatabase,
  engine: TrackingEngine,
  options: BackgroundOptions,
) {
  const { publish } = options;
  const log = options.log ?? ((message: string) => console.warn(message));
  const now = options.now ?? Date.now;
  const t = options.t ?? browserTranslator(api.i18n);
  const local = api.storage.local;
  const settings = () => loadSettings(local);
  const notifierDeps = {
    api: api.notifications,
    iconUrl: api.runtime.getURL('/icon/128.png'),
    loadPrefs: async () => (await settings()).notifications,
    now,
    t,
  };

  /** A failing side effect (a blocked notification, a full sync quota) must not fail the change that caused it. */
  const safely = async (what: string, task: () => Promise<unknown>) => {
    try {
      await task();
    } catch (error) {
      log(`Doorstep: ${what} failed: ${String(error)}`);
    }
  };

  const badge = createBadgeUpdater({ db, action: api.action, now, t, settings });
  /** Subscriber: the changed records go into the badge's in-memory set; nothing is read from the database. */
  const badgeOfChanges = (changes: PackageChange[]) => safely('badge', () => badge.onChanges(changes));
  /** The badge from a fresh read (start, periodic checks, records written around the worker). */
  const refreshBadge = () => safely('badge', () => badge.recount());

  const syncRound = serialised(async () => {
    if (!(await settings()).sync) return;
    const report = await syncNow({ db, area: api.storage.sync, local, now, identify: engine.identify });
    if (report.invalid > 0) log(`Doorstep: skipped ${report.invalid} malformed sync entries`);
    if (report.changes.length > 0) await badgeOfChanges(report.changes);
  });

  /** Subscriber: notices for status changes the user opted into. */
  const notifyOfChanges = (changes: PackageChange[]) => notifyChanges(changes, notifierDeps);

  /** Subscriber: deletions are queued in storage at once; the copy itself is written by the sync alarm, off this path. */
  async function queueSyncOf(changes: PackageChange[]): Promise<void> {
    if (!changesAffectSync(changes)) return;
    await queueDeletions(local, changes, now());
    await scheduleSync(api.alarms, now());
  }

  async function periodicChecks(): Promise<void> {
    await safely('auto-archive', async () => {
      // The same rule the popup and badge apply (utils/status/package-state.ts), then an alarm for the next one.
      const clock = viewClock(new Date(now()), await settings());
      const changes = await archiveDuePackages(db, clock);
      if (changes.length > 0) await publish(changes);
      await scheduleArchive(api.alarms, await nextArchiveDue(db, clock));
    });
    await safely('late check', () => notifyLate(db, notifierDeps));
    await refreshBadge();
    await safely('sync', syncRound);
  }

  async function openPopup(): Promise<unknown> {
    try {
      return await api.action.openPopup();
    } catch {
      // No focused window, or a browser without openPopup: the popup page in a tab shows the same.
      return api.tabs.create({ url: api.runtime.getURL('/popup.html') });
    }
  }

  return {
    refreshBadge,
    badgeOfChanges,
    notifyOfChanges,
    queueSyncOf,
    periodicChecks,
    /** A sync round that never throws (an alarm, a change from another device, an install). */
    syncSafely: () => safely('sync', syncRound),
    /** Midnight: the alarms for the next day (the clock or time zone may have moved). */
    ensureAlarms: () => safely('alarms', () => ensureAlarms(api.alarms, new Date(now()))),

    onMessage(message: unknown, sender: MessageSenderInfo): Promise<HandlerReply> | undefined {
      // Only our own extension's pages and content scripts may talk to us, each kind only what it may send (see
      // ALLOWED_SENDERS); the offscreen document's requests are not ours to answer.
      if (isOffscreenMessage(message)) return undefined;
      const kind = senderKindOf(sender, api.runtime.id, api.runtime.getURL('/'));
      if (!kind) return undefined;
      return handleMessage(
        message,
        {
          db,
          now,
          identify: engine.identify,
          onChange: publish,
          ...(options.refresh && { refresh: options.refresh }),
          contentSettings: async (host) => contentSettingsFor(await settings(), host),
          // Opening a tab is the user's decision: only the extension's own pages (popup, options) may ask.
          ...(options.checkCarrierPage &&
            kind === 'extension' && { checkCarrierPage: options.checkCarrierPage }),
          log,
        },
        kind,
      );
    },

    /** Every worker start: alarms may have been dropped by a browser restart; the badge is not persisted. */
    async onStart(): Promise<void> {
      await safely('alarms', () => ensureAlarms(api.alarms, new Date(now())));
      await refreshBadge();
    },

    async onInstalled(): Promise<void> {
      await safely('context menu', async () => {
        await api.contextMenus.removeAll();
        api.contextMenus.create(trackSelectionMenu(t));
      });
      await safely('sync', syncRound);
    },

    async onContextMenuClick(
      info: { menuItemId: string | number; selectionText?: string; pageUrl?: string },
      tab?: { url?: string },
    ) {
      if (info.menuItemId !== TRACK_SELECTION_MENU_ID) return undefined;
      const outcome = await trackSelection(info.selectionText ?? '', info.pageUrl ?? tab?.url, {
        db,
        now,
        identify: engine.identify,
        find: engine.find,
        onChange: publish,
      });
      const { title, message } = selectionFeedback(outcome, t);
      await safely('notification', () =>
        // One id for every answer: a new answer replaces the previous one instead of stacking up.
        api.notifications.create(notificationId({ kind: 'popup' }, 'context-menu'), {
          type: 'basic',
          iconUrl: notifierDeps.iconUrl,
          title,
          message,
        }),
      );
      return outcome;
    },

    async onNotificationClick(id: string) {
      const opened = await openNotificationTarget(id, {
        db,
        trackingUrlFor: engine.trackingUrlFor,
        openTab: (url) => api.tabs.create({ url }),
        openPopup,
      });
      if (opened !== 'ignored') await safely('notification', () => api.notifications.clear(id));
      return opened;
    },

    /** Content scripts hear nothing of the closed storage.local: a stamp in session storage tells them to ask again. */
    async noticeSettingsChanged(): Promise<void> {
      if (!api.storage.session) return;
      await safely('settings notice', () =>
        api.storage.session.set({ [SETTINGS_CHANGED_SESSION_KEY]: now() }),
      );
    },
  };
}

export type BackgroundServices = ReturnType<typeof createBackgroundServices>;
