import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOURLY_ALARM, MIDNIGHT_ALARM, SYNC_ALARM } from '../../../utils/background/alarms';
import { type Background, composeBackground } from '../../../utils/background/root';
import { BADGE_COLOR_PROBLEM } from '../../../utils/badge';
import { TRACK_SELECTION_MENU_ID } from '../../../utils/context-menu/track-selection';
import { fillMessage } from '../../../utils/i18n/translate';
import { saveSettings } from '../../../utils/settings';
import { DoorstepDatabase } from '../../../utils/store/db';
import { META_KEY } from '../../../utils/sync/compact';
import { loadCatalog, translatorFor } from '../components/catalog';

const UPS = '1Z999AA10123456784';
const USPS = '9400111206206406260787';

let db: DoorstepDatabase;
let services: Background;
let logged: string[];
let clock: number;
/** These tests fetch no Amazon track page. */
const noTrackPages = async () => {
  throw new Error('no track pages in this test');
};
// An extension page (the popup): our id and our origin.
const self = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };

beforeEach(() => {
  fakeBrowser.reset();
  db = new DoorstepDatabase(`services-${crypto.randomUUID()}`);
  logged = [];
  clock = new Date(2026, 10, 27, 15, 0).getTime();
  services = composeBackground(browser, {
    db,
    parseTrackPage: noTrackPages,
    log: (m) => logged.push(m),
    now: () => clock,
    t: translatorFor('en'),
  });
});
afterEach(async () => {
  await db.delete();
});

const today = () => new Date(clock).toLocaleDateString('en-CA');
const detections = (list: object[]) => ({ type: 'detections', detections: list });
const seen = () => ({ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: clock });

describe('background services (fake browser)', () => {
  it('ignores messages from other extensions', () => {
    expect(services.onMessage({ type: 'ping' }, { id: 'someone-else' })).toBeUndefined();
  });

  it('updates the badge and its tooltip after every change', async () => {
    await services.onMessage(
      detections([{ number: UPS, carrier: 'ups', status: 'out_for_delivery', source: seen() }]),
      self,
    );
    expect(await browser.action.getBadgeText({})).toBe('1');
    await services.onMessage(
      detections([
        {
          number: USPS,
          carrier: 'usps',
          eta: { start: today() },
          statusText: 'Arriving today',
          source: seen(),
        },
      ]),
      self,
    );
    expect(await browser.action.getBadgeText({})).toBe('2');
    await services.onMessage(
      detections([{ number: UPS, status: 'exception', statusAt: clock + 1, source: seen() }]),
      self,
    );
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.action.getTitle({})).toContain('1 with a problem');
    const [r, g, b] = await browser.action.getBadgeBackgroundColor({});
    expect([r, g, b]).toEqual([0xcf, 0x22, 0x2e]);
    expect(BADGE_COLOR_PROBLEM).toBe('#cf222e');
    const [pkg] = await db.packages.where('number').equals(USPS).toArray();
    await services.onMessage({ type: 'archive', id: pkg?.id, archived: true }, self);
    expect(await browser.action.getBadgeText({})).toBe('!');
  });

  it('rolls the badge over on the midnight alarm and schedules the next one', async () => {
    await services.services.onStart();
    const midnight = await browser.alarms.get(MIDNIGHT_ALARM);
    expect(new Date(midnight?.scheduledTime ?? 0).getHours()).toBe(0);
    expect((await browser.alarms.get(HOURLY_ALARM))?.periodInMinutes).toBe(60);

    await services.onMessage(detections([{ number: UPS, eta: { start: today() }, source: seen() }]), self);
    expect(await browser.action.getBadgeText({})).toBe('1');
    clock = (midnight?.scheduledTime ?? 0) + 5;
    await services.onAlarm({ name: MIDNIGHT_ALARM });
    // Yesterday's estimate, not delivered: no longer arriving today but late, which the badge shows as a red "!".
    expect(await browser.action.getBadgeText({})).toBe('!');
    const next = await browser.alarms.get(MIDNIGHT_ALARM);
    expect((next?.scheduledTime ?? 0) - clock).toBeGreaterThan(23 * 3_600_000);
  });

  it('notifies status changes only after the user opts in', async () => {
    await services.onMessage(
      detections([{ number: UPS, carrier: 'ups', status: 'in_transit', source: seen() }]),
      self,
    );
    await services.onMessage(
      detections([{ number: UPS, status: 'out_for_delivery', statusAt: clock + 1, source: seen() }]),
      self,
    );
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);
    await saveSettings(browser.storage.local, {
      notifications: { enabled: true, outForDelivery: true, delivered: true, problem: true, late: true },
    });
    await services.onMessage(
      detections([{ number: UPS, status: 'delivered', statusAt: clock + 2, source: seen() }]),
      self,
    );
    const shown = Object.entries(fakeBrowser.notifications.getAllCreateOptions());
    expect(shown.map(([, o]) => o.title)).toEqual(['Delivered']);
    // Clicking it opens the carrier page, and the notification goes away.
    const [id] = shown[0] ?? [''];
    expect(await services.onNotificationClick(id)).toBe('carrier');
    const tabs = await browser.tabs.query({});
    expect(tabs.some((t) => t.url?.startsWith('https://www.ups.com/'))).toBe(true);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('the context menu adds a selected number or says the selection is not one', async () => {
    const added = await services.onContextMenuClick(
      {
        menuItemId: TRACK_SELECTION_MENU_ID,
        selectionText: `Tracking: ${UPS}`,
        pageUrl: 'https://shop.example/',
      },
      undefined,
    );
    expect(added?.kind).toBe('added');
    expect(await db.packages.count()).toBe(1);
    const answer = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((o) => o.title);
    expect(answer()).toEqual(['Tracking with Doorstep']);
    const refused = await services.onContextMenuClick(
      { menuItemId: TRACK_SELECTION_MENU_ID, selectionText: 'Order 112-1234567-1234567' },
      undefined,
    );
    expect(refused?.kind).toBe('not-a-number');
    expect(await db.packages.count()).toBe(1);
    expect(answer()).toEqual(['Not a tracking number']);
    expect(
      await services.onContextMenuClick({ menuItemId: 'another-menu', selectionText: UPS }),
    ).toBeUndefined();
  });

  it('speaks the browser’s UI language in the badge tooltip and the context-menu replies', async () => {
    const de = loadCatalog('de');
    // What `browser.i18n.getMessage` does with a German UI (the fake browser has no i18n).
    const getMessage = vi
      .spyOn(browser.i18n, 'getMessage')
      .mockImplementation((key: string, substitutions?: unknown) => {
        const entry = de[key];
        return entry ? fillMessage(entry, [substitutions ?? []].flat().map(String)) : '';
      });
    try {
      const german = composeBackground(browser, {
        db,
        parseTrackPage: noTrackPages,
        log: (m) => logged.push(m),
        now: () => clock,
      });
      await german.onMessage(
        detections([{ number: UPS, carrier: 'ups', eta: { start: today() }, source: seen() }]),
        self,
      );
      expect(await browser.action.getTitle({})).toBe(`Doorstep: 1 Paket kommt heute\n• ${UPS}`);
      await german.onContextMenuClick({ menuItemId: TRACK_SELECTION_MENU_ID, selectionText: 'hallo' });
      expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toMatchObject([
        {
          title: 'Keine Sendungsnummer',
          message: 'Doorstep hat „hallo“ nicht als Sendungsnummer erkannt. Es wurde nichts hinzugefügt.',
        },
      ]);
    } finally {
      getMessage.mockRestore();
    }
  });

  it('writes the sync copy after a change and merges what another device wrote', async () => {
    // Sync is opt-in: this user turned it on.
    await saveSettings(browser.storage.local, { sync: true });
    await services.onMessage(detections([{ number: UPS, carrier: 'ups', source: seen() }]), self);
    // Written by the sync alarm, about 30 s later, not on the message path.
    expect(await browser.storage.sync.get(null)).toEqual({});
    const alarm = await browser.alarms.get(SYNC_ALARM);
    expect((alarm?.scheduledTime ?? 0) - clock).toBe(30_000);
    await services.onMessage(detections([{ number: UPS, status: 'in_transit', source: seen() }]), self);
    expect((await browser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(alarm?.scheduledTime);
    await services.onAlarm({ name: SYNC_ALARM });
    const written = await browser.storage.sync.get(null);
    expect(written[META_KEY]).toEqual({ v: 1, chunks: 1 });
    expect(written['doorstep.sync.0']).toEqual([{ n: UPS, t: clock }]);

    // Another device adds a labelled number.
    await browser.storage.sync.set({
      'doorstep.sync.0': [
        { n: UPS, t: clock },
        { n: USPS, l: 'Lamp', e: 5, t: 1 },
      ],
    });
    await services.onStorageChanged({ 'doorstep.sync.0': {} }, 'sync');
    expect(await db.packages.where('number').equals(USPS).first()).toMatchObject({
      label: 'Lamp',
      carrier: 'usps',
    });
    await services.onStorageChanged({ unrelated: {} }, 'local');

    // Turned off: nothing is written any more.
    await saveSettings(browser.storage.local, { sync: false });
    await services.onMessage(detections([{ number: 'TBA123456789012', source: seen() }]), self);
    await services.onAlarm({ name: SYNC_ALARM });
    const after = await browser.storage.sync.get(null);
    expect(JSON.stringify(after)).not.toContain('TBA123456789012');
  });
});
