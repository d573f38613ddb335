import { browser } from 'wxt/browser';
import { syncAllSitesRegistration } from '@/utils/background/all-sites';
import { createRefreshService } from '@/utils/background/refresh-service';
import { createBackgroundServices } from '@/utils/background/services';
import { createCarrierPageCheck } from '@/utils/carrier-web/check-now';
import {
  indexedDbKeyStore,
  moveLegacyProviderKeys,
  providerKeyLoader,
} from '@/utils/keys/provider-key-store';
import { createOffscreenTrackPageParser } from '@/utils/offscreen/track-page-client';
import { documentTrackPageParser, domParserDocument } from '@/utils/providers/amazon-page';
import { configureStorageAccess } from '@/utils/settings';
import { getDatabase } from '@/utils/store/db';
import {
  type CarrierCode,
  findTrackingNumbers,
  identifyTrackingNumber,
  trackingUrlFor,
} from '@/utils/tracking';

// Wiring only: every listener is registered synchronously at start so a restarted worker still receives the event
// that woke it; all state lives in IndexedDB and storage, nothing in worker memory. Logic: utils/background/services.
export default defineBackground(() => {
  // First of all: provider keys and the synced copy are for the extension's own pages, never for content scripts.
  void configureStorageAccess(browser.storage).catch((error) =>
    console.warn('Doorstep: storage access level', error),
  );
  // Keys live where only extension pages can read them (Firefox's content scripts can read storage.local).
  const keyStore = indexedDbKeyStore(indexedDB);
  void moveLegacyProviderKeys(browser.storage.local, keyStore).catch((error) =>
    console.warn('Doorstep: moving provider keys', error),
  );
  const db = getDatabase();
  const domParser = domParserDocument();
  // Status refresh (providers + scheduler); its changes go through the same badge/notification/sync path.
  const refresh = createRefreshService({
    api: browser,
    db,
    onChange: (changes) => services.afterChange(changes),
    // Firefox's event page has DOMParser; Chrome's service worker does not and uses an offscreen document.
    parseTrackPage: domParser ? documentTrackPageParser(domParser) : createOffscreenTrackPageParser(browser),
    log: console.warn,
    loadProviderKeys: providerKeyLoader(browser.storage.local, keyStore),
    // Keyless UPS checks read the XSRF token UPS's page sets, only with the optional `cookies` permission.
    cookie: async (url, name) => {
      if (!(await browser.permissions.contains({ permissions: ['cookies'] })))
        throw new Error('cookies permission not granted');
      return (await browser.cookies.get({ url, name }))?.value || undefined;
    },
  });
  const services = createBackgroundServices(
    browser,
    db,
    {
      identify: identifyTrackingNumber,
      find: (text) => findTrackingNumbers(text),
      trackingUrlFor: (carrier, number) => trackingUrlFor(carrier as CarrierCode, number) ?? undefined,
    },
    {
      refresh: (ids) => refresh.refreshPackages(ids),
      checkCarrierPage: createCarrierPageCheck({
        db,
        tabs: { create: (props) => browser.tabs.create(props), remove: (id) => browser.tabs.remove(id) },
        now: Date.now,
        trackingUrlFor: (carrier, number) => trackingUrlFor(carrier as CarrierCode, number) ?? undefined,
        log: console.warn,
      }),
    },
  );
  // Reachable from this worker's own console and the browser tests (which cannot click a native context menu).
  Object.assign(globalThis, { doorstepServices: services });

  browser.runtime.onMessage.addListener((message, sender) => services.onMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void services.onAlarm(alarm));
  browser.runtime.onInstalled.addListener(() => void services.onInstalled());
  browser.contextMenus.onClicked.addListener((info, tab) => void services.onContextMenuClick(info, tab));
  browser.notifications.onClicked.addListener((id) => void services.onNotificationClick(id));
  browser.storage.onChanged.addListener((changes, area) => void services.onStorageChanged(changes, area));
  browser.alarms.onAlarm.addListener((alarm) => void refresh.onAlarm(alarm));
  browser.storage.onChanged.addListener((changes, area) => void refresh.onStorageChanged(changes, area));
  browser.permissions.onAdded.addListener(() => void refresh.clearPauses());

  // "Every site" is an optional permission: the content script follows it as it is granted or withdrawn.
  const syncAllSites = () =>
    syncAllSitesRegistration(browser).catch((error) => console.warn('Doorstep: all-sites scripts', error));
  browser.permissions.onAdded.addListener(() => void syncAllSites());
  browser.permissions.onRemoved.addListener(() => void syncAllSites());

  void services.onStart();
  void syncAllSites();
  void refresh.ensureScheduled();
});
