import { browser } from 'wxt/browser';
import { composeBackground } from '@/utils/background/root';
import { indexedDbKeyStore } from '@/utils/keys/provider-key-store';
import { createOffscreenTrackPageParser } from '@/utils/offscreen/track-page-client';
import { documentTrackPageParser, domParserDocument } from '@/utils/providers/amazon-page';
import { getDatabase } from '@/utils/store/db';

// Wiring only: the platform's parts go into the composition root (utils/background/root.ts), and one listener per
// event source is registered synchronously at start, so a restarted worker still receives the event that woke it.
// All state lives in IndexedDB and storage; worker memory holds only what a start reads again (the badge's set).
export default defineBackground(() => {
  const domParser = domParserDocument();
  const background = composeBackground(browser, {
    db: getDatabase(),
    // Keys live where only extension pages can read them (Firefox's content scripts can read storage.local).
    keyStore: indexedDbKeyStore(indexedDB),
    // Firefox's event page has DOMParser; Chrome's service worker does not and uses an offscreen document.
    parseTrackPage: domParser ? documentTrackPageParser(domParser) : createOffscreenTrackPageParser(browser),
    log: console.warn,
    // Keyless UPS checks read the XSRF token UPS's page sets, only with the optional `cookies` permission.
    cookie: async (url, name) => {
      if (!(await browser.permissions.contains({ permissions: ['cookies'] })))
        throw new Error('cookies permission not granted');
      return (await browser.cookies.get({ url, name }))?.value || undefined;
    },
  });
  // Reachable from this worker's own console and the browser tests (which cannot click a native context menu).
  Object.assign(globalThis, { doorstepServices: background });

  browser.runtime.onMessage.addListener((message, sender) => background.onMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm));
  browser.storage.onChanged.addListener((changes, area) => void background.onStorageChanged(changes, area));
  browser.runtime.onInstalled.addListener(() => void background.onInstalled());
  browser.contextMenus.onClicked.addListener((info, tab) => void background.onContextMenuClick(info, tab));
  browser.notifications.onClicked.addListener((id) => void background.onNotificationClick(id));
  browser.permissions.onAdded.addListener(() => void background.onPermissionsAdded());
  browser.permissions.onRemoved.addListener(() => void background.onPermissionsRemoved());

  void background.start();
});
