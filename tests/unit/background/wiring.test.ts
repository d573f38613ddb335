import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { SYNC_ALARM } from '../../../utils/background/alarms';
import { ALL_SITES_SCRIPT_ID } from '../../../utils/background/all-sites';
import { REFRESH_ALARM, REFRESH_STATE_KEY } from '../../../utils/background/refresh-service';
import { fillMessage } from '../../../utils/i18n/translate';
import { PROVIDER_KEYS_CHANGED_KEY } from '../../../utils/keys/provider-key-store';
import { SETTINGS_CHANGED_SESSION_KEY, saveSettings } from '../../../utils/settings';
import { getDatabase } from '../../../utils/store/db';
import { META_KEY } from '../../../utils/sync/compact';
import { loadCatalog } from '../components/catalog';

/**
 * The real entrypoint, `background.main()`, on WXT's fake browser: events go in through the browser's own event
 * objects (`fakeBrowser.alarms.onAlarm.trigger`, a storage write, `runtime.onMessage`) and the test looks only at
 * what a user or another part would see: the badge, the sync copy, the alarms, the session stamp.
 */

const UPS = '1Z999AA10123456784';
const gmail = {
  id: browser.runtime.id,
  url: 'https://mail.google.com/mail/u/0/#inbox/1',
  tab: { id: 7 },
};

/** An event object with `trigger`, for the APIs WXT's fake browser leaves unimplemented. */
function fakeEvent<TArgs extends unknown[]>() {
  const listeners: ((...args: TArgs) => unknown)[] = [];
  return {
    addListener: (listener: (...args: TArgs) => unknown) => void listeners.push(listener),
    removeListener: () => {},
    hasListener: () => listeners.length > 0,
    trigger: (...args: TArgs) => Promise.all(listeners.map((listener) => listener(...args))),
    count: () => listeners.length,
  };
}

let granted: boolean;
let registered: string[];
let permissionsAdded: ReturnType<typeof fakeEvent>;
let warnings: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  await getDatabase().packages.clear();
  granted = false;
  registered = [];
  permissionsAdded = fakeEvent();
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  // What `i18n.getMessage` does with an English UI (the fake browser has no i18n).
  const en = loadCatalog('en');
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: unknown) => {
    const entry = en[key];
    return entry ? fillMessage(entry, [substitutions ?? []].flat().map(String)) : '';
  });
  const accessLevel = async () => {};
  Object.assign(fakeBrowser.storage.local, { setAccessLevel: accessLevel });
  Object.assign(fakeBrowser.storage.sync, { setAccessLevel: accessLevel });
  Object.assign(fakeBrowser.storage.session, { setAccessLevel: accessLevel });
  Object.assign(fakeBrowser.permissions, {
    contains: async () => granted,
    onAdded: permissionsAdded,
    onRemoved: fakeEvent(),
  });
  Object.assign(fakeBrowser.contextMenus, {
    onClicked: fakeEvent(),
    removeAll: async () => {},
    create: () => 'menu',
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => registered.map((id) => ({ id })),
    registerContentScripts: async (scripts: { id: string }[]) => {
      registered.push(...scripts.map((script) => script.id));
    },
    unregisterContentScripts: async () => {
      registered = [];
    },
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Starts the worker as the browser does, and lets its start-up tasks finish. */
async function startWorker(): Promise<void> {
  background.main();
  await vi.waitFor(async () => expect(await browser.alarms.get(REFRESH_ALARM)).toBeDefined());
}

/** An alarm as the browser hands it to the listener. */
const alarm = (name: string) => ({ name, scheduledTime: Date.now(), persistAcrossSessions: true });

async function send(message: unknown, sender: object = gmail): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return reply;
}

const detection = () => ({
  type: 'detections',
  detections: [
    {
      number: UPS,
      carrier: 'ups',
      status: 'out_for_delivery',
      statusAt: Date.now(),
      source: { kind: 'webmail', url: gmail.url, seenAt: Date.now() },
    },
  ],
});

describe('background wiring (entrypoint on the fake browser)', () => {
  it('registers one listener per event source before anything asynchronous runs', () => {
    const spies = [
      vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener'),
      vi.spyOn(fakeBrowser.alarms.onAlarm, 'addListener'),
      vi.spyOn(fakeBrowser.storage.onChanged, 'addListener'),
      vi.spyOn(fakeBrowser.runtime.onInstalled, 'addListener'),
      vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener'),
    ];
    background.main();
    // Synchronously: a worker woken by an event must have its listener before the first await.
    for (const spy of spies) expect(spy).toHaveBeenCalledTimes(1);
    expect(permissionsAdded.count()).toBe(1);
  });

  it('a detection from a content script reaches the badge and plans a sync round', async () => {
    await startWorker();
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await send(detection())).toMatchObject({ ok: true, created: 1 });
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
    // A popup-only message from the same content script changes nothing.
    expect(await send({ type: 'delete-all' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await getDatabase().packages.count()).toBe(1);
  });

  it('the sync alarm writes the copy; a copy changed elsewhere is merged', async () => {
    await saveSettings(browser.storage.local, { sync: true });
    await startWorker();
    await send(detection());
    expect(await browser.storage.sync.get(null)).toEqual({});
    // The listener does not hold the event open (the browser ignores its result): wait for the effect.
    await fakeBrowser.alarms.onAlarm.trigger(alarm(SYNC_ALARM));
    await vi.waitFor(async () =>
      expect((await browser.storage.sync.get(META_KEY))[META_KEY]).toEqual({ v: 1, chunks: 1 }),
    );
    const written = await browser.storage.sync.get(null);

    // Another device adds a number: the storage change itself runs the round (no alarm, no message).
    const USPS = '9400111206206406260787';
    await browser.storage.sync.set({
      'doorstep.sync.0': [...(written['doorstep.sync.0'] as object[]), { n: USPS, t: 1 }],
    });
    await vi.waitFor(async () =>
      expect(await getDatabase().packages.where('number').equals(USPS).count()).toBe(1),
    );
  });

  it('plans the refresh at start and runs it on its alarm, which plans the next one', async () => {
    await startWorker();
    const planned = await browser.alarms.get(REFRESH_ALARM);
    expect((planned?.scheduledTime ?? 0) - Date.now()).toBeGreaterThan(30_000);
    expect((planned?.scheduledTime ?? 0) - Date.now()).toBeLessThanOrEqual(60_000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm(REFRESH_ALARM));
    // Nothing to refresh: the next look is at most half an hour away, later than the start's one minute.
    await vi.waitFor(async () =>
      expect((await browser.alarms.get(REFRESH_ALARM))?.scheduledTime ?? 0).toBeGreaterThan(
        (planned?.scheduledTime ?? 0) + 60_000,
      ),
    );
  });

  it('a new provider key ends the pause of a rejected key (storage change routed by key)', async () => {
    await startWorker();
    const paused = {
      hourStart: 0,
      hourCount: 0,
      dayStart: 0,
      dayCount: 0,
      failures: 3,
      retryAt: Date.now() + 86_400_000,
      lastFailureKind: 'unauthorized',
    };
    await browser.storage.local.set({ [REFRESH_STATE_KEY]: { '17track': paused } });
    // The options page saves keys in the key store and stamps storage.local (nothing secret there).
    await browser.storage.local.set({ [PROVIDER_KEYS_CHANGED_KEY]: Date.now() });
    await vi.waitFor(async () => {
      const states = (await browser.storage.local.get(REFRESH_STATE_KEY))[REFRESH_STATE_KEY] as Record<
        string,
        { retryAt?: number; failures: number }
      >;
      expect(states['17track']).toMatchObject({ failures: 0 });
      expect(states['17track']?.retryAt).toBeUndefined();
    });
  });

  it('tells content scripts that settings changed, through session storage only', async () => {
    await startWorker();
    expect(await browser.storage.session.get(SETTINGS_CHANGED_SESSION_KEY)).toEqual({});
    await saveSettings(browser.storage.local, { sync: true });
    await vi.waitFor(async () =>
      expect(
        typeof (await browser.storage.session.get(SETTINGS_CHANGED_SESSION_KEY))[
          SETTINGS_CHANGED_SESSION_KEY
        ],
      ).toBe('number'),
    );
  });

  it('follows a granted "every site" permission with the all-sites script', async () => {
    await startWorker();
    expect(registered).toEqual([]);
    granted = true;
    await permissionsAdded.trigger();
    expect(registered).toEqual([ALL_SITES_SCRIPT_ID]);
  });

  it('ignores alarms it does not own and logs nothing', async () => {
    await startWorker();
    const before = await getDatabase().packages.count();
    await fakeBrowser.alarms.onAlarm.trigger(alarm('someone-elses-alarm'));
    expect(await getDatabase().packages.count()).toBe(before);
    expect(warnings).toEqual([]);
  });
});
