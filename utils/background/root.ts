import type { browser as Browser } from 'wxt/browser';
import { createCarrierPageCheck } from '../carrier-web/check-now';
import type { Translate } from '../i18n/translate';
import {
  moveLegacyProviderKeys,
  PROVIDER_KEYS_CHANGED_KEY,
  type ProviderKeyStore,
  providerKeyLoader,
} from '../keys/provider-key-store';
import type { MessageSenderInfo } from '../messages';
import type { TrackPageParser } from '../providers/amazon-session';
import { PROVIDER_KEYS_KEY } from '../providers/keys';
import { configureStorageAccess, SETTINGS_KEY } from '../settings';
import type { DoorstepDatabase } from '../store/db';
import { META_KEY } from '../sync/compact';
import { type CarrierCode, findTrackingNumbers, identifyTrackingNumber, trackingUrlFor } from '../tracking';
import { ARCHIVE_ALARM, HOURLY_ALARM, MIDNIGHT_ALARM, SYNC_ALARM } from './alarms';
import { syncAllSitesRegistration } from './all-sites';
import { createChangeBus } from './change-bus';
import { createAlarmRouter, createStorageRouter, keyIs, keyStartsWith } from './event-routers';
import { createRefreshService, REFRESH_ALARM } from './refresh-service';
import { createBackgroundServices, type TrackingEngine } from './services';

type BrowserApi = typeof Browser;

/** What differs between Chrome's worker, Firefox's event page and a test; everything else comes from `api`. */
export interface BackgroundPlatform {
  db: DoorstepDatabase;
  /** Provider keys, readable by extension pages only (utils/keys/provider-key-store.ts). */
  keyStore: ProviderKeyStore;
  /** Reads fetched Amazon track pages: an offscreen document on Chrome, DOMParser on Firefox. */
  parseTrackPage: TrackPageParser;
  /** A carrier site's cookie (keyless UPS); throws without the optional `cookies` permission. */
  cookie?: (url: string, name: string) => Promise<string | undefined>;
  log?: (message: string) => void;
  now?: () => number;
  /** The browser's `i18n` by default. */
  t?: Translate;
  fetch?: typeof fetch;
}

const engine: TrackingEngine = {
  identify: identifyTrackingNumber,
  find: (text) => findTrackingNumbers(text),
  trackingUrlFor: (carrier, number) => trackingUrlFor(carrier as CarrierCode, number) ?? undefined,
};

/**
 * The background's composition root: builds every feature once, in dependency order (the change bus first, then
 * the refresh service that publishes to it, then the services that use refresh), subscribes badge, notifications
 * and sync to the bus, and routes each alarm and storage change to the one feature that owns it. Returns one
 * handler per browser event, for `entrypoints/background.ts` to register synchronously at start.
 */
export function composeBackground(api: BrowserApi, platform: BackgroundPlatform) {
  const { db } = platform;
  const log = platform.log ?? ((message: string) => console.warn(message));
  const now = platform.now ?? Date.now;
  const bus = createChangeBus(log);
  const alarms = createAlarmRouter(log);
  const storage = createStorageRouter(log);

  const refresh = createRefreshService({
    api,
    db,
    onChange: bus.publish,
    parseTrackPage: platform.parseTrackPage,
    log,
    now,
    loadProviderKeys: providerKeyLoader(api.storage.local, platform.keyStore),
    ...(platform.fetch && { fetch: platform.fetch }),
    ...(platform.cookie && { cookie: platform.cookie }),
  });
  const services = createBackgroundServices(api, db, engine, {
    publish: bus.publish,
    refresh: (ids) => refresh.refreshPackages(ids),
    checkCarrierPage: createCarrierPageCheck({
      db,
      tabs: { create: (props) => api.tabs.create(props), remove: (id) => api.tabs.remove(id) },
      now,
      trackingUrlFor: engine.trackingUrlFor,
      log,
    }),
    log,
    now,
    ...(platform.t && { t: platform.t }),
  });

  // In this order: the badge is right before notifications go out, and sync bookkeeping comes last.
  bus.subscribe('badge', services.badgeOfChanges);
  bus.subscribe('notifications', services.notifyOfChanges);
  bus.subscribe('sync', services.queueSyncOf);

  alarms.on(MIDNIGHT_ALARM, async () => {
    await services.ensureAlarms();
    await services.periodicChecks();
  });
  alarms.on(HOURLY_ALARM, services.periodicChecks);
  alarms.on(ARCHIVE_ALARM, services.periodicChecks);
  alarms.on(SYNC_ALARM, services.syncSafely);
  alarms.on(REFRESH_ALARM, refresh.onAlarm);

  storage.on('local', keyIs(SETTINGS_KEY), services.noticeSettingsChanged);
  // Our own writes come back here too; the round finds the copy current and writes nothing.
  storage.on('sync', keyStartsWith(META_KEY), services.syncSafely);
  // A new key ends the pause a rejected one caused: keys live in the key store, which stamps storage.local when
  // they change (older versions kept the keys themselves under PROVIDER_KEYS_KEY).
  storage.on(
    'local',
    (key) => key === PROVIDER_KEYS_CHANGED_KEY || key === PROVIDER_KEYS_KEY,
    refresh.clearPauses,
  );

  // "Every site" is an optional permission: the content script follows it as it is granted or withdrawn.
  const syncAllSites = () =>
    syncAllSitesRegistration(api).catch((error) => log(`Doorstep: all-sites scripts ${String(error)}`));

  return {
    bus,
    alarms,
    storage,
    refresh,
    services,

    onMessage: (message: unknown, sender: MessageSenderInfo) => services.onMessage(message, sender),
    onAlarm: (alarm: { name: string }) => alarms.dispatch(alarm),
    onStorageChanged: (changes: Record<string, unknown>, areaName: string) =>
      storage.dispatch(changes, areaName),
    onInstalled: () => services.onInstalled(),
    onContextMenuClick: services.onContextMenuClick,
    onNotificationClick: services.onNotificationClick,
    async onPermissionsAdded(): Promise<void> {
      await Promise.all([refresh.clearPauses(), syncAllSites()]);
    },
    onPermissionsRemoved: () => syncAllSites(),

    /**
     * Every worker start. First of all, provider keys and the synced copy are closed to content scripts; then the
     * alarms a browser restart may have dropped, the badge (not persisted) and the all-sites script.
     */
    start(): Promise<unknown> {
      const closed = configureStorageAccess(api.storage).catch((error) =>
        log(`Doorstep: storage access level ${String(error)}`),
      );
      // Keys an older version kept in storage.local move to the key store at once, not at the first refresh.
      const moved = moveLegacyProviderKeys(api.storage.local, platform.keyStore).catch((error) =>
        log(`Doorstep: moving provider keys ${String(error)}`),
      );
      return Promise.all([closed, moved, services.onStart(), syncAllSites(), refresh.ensureScheduled()]);
    },
  };
}

export type Background = ReturnType<typeof composeBackground>;
