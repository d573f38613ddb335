import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  type BrowserHarness,
  type RoutedRequest,
  startBrowser,
  type TabHandle,
} from '../harness/index';

const NUMBER = '1Z999AA10123456784';
const POLL = { timeout: 15_000, interval: 100 };
const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/** The documented example answer moved in time so that its latest event was a minute ago (and today). */
function happenedJustNow(json: string): string {
  const instants = [...json.matchAll(/"time_(?:iso|utc)":\s*"([^"]+)"/g)].map((m) => Date.parse(m[1] ?? ''));
  const startOfToday = new Date().setHours(0, 0, 1, 0);
  const shift = Math.max(Date.now() - 60_000, startOfToday) - Math.max(...instants);
  return json.replace(ISO_INSTANT, (iso) => new Date(Date.parse(iso) + shift).toISOString());
}

type Reply = { ok: boolean; ids?: string[]; error?: string };
type Api = {
  runtime: { sendMessage(m: object): Promise<Reply> };
  storage: { local: { set(v: object): Promise<void>; get(key: null): Promise<object> } };
};
/** Sends a message to the background from an extension page, as the popup does. */
const send = (page: TabHandle, message: object) =>
  page.evaluate((m: object) => {
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(m);
  }, message);
const store = (harness: BrowserHarness, items: object) =>
  harness.inExtension((v) => {
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return (scope.browser ?? scope.chrome).storage.local.set(v);
  }, items);

/**
 * Status refresh by the background, in each browser: a keyed provider (17TRACK, answers from its documentation)
 * and the user's own Amazon session (the track page, parsed by an offscreen document in Chrome and by the event
 * page's own DOMParser in Firefox). Both are routed: nothing leaves the machine.
 */
describe.each(BROWSERS)('background refresh in %s', (browserName) => {
  let harness: BrowserHarness;
  const providerRequests: RoutedRequest[] = [];
  const amazonRequests: string[] = [];

  beforeAll(async () => {
    harness = await startBrowser(browserName, { grantedOrigins: ['https://api.17track.net/*'] });
    harness.route(async (request) => {
      if (new URL(request.url).host !== 'api.17track.net') return undefined;
      providerRequests.push(request);
      return {
        status: 200,
        contentType: 'application/json',
        body: happenedJustNow(fixture('providers/17track/gettrackinfo-success.json')),
      };
    });
    harness.route(async (request) => {
      if (!request.url.startsWith('https://www.amazon.de/gp/your-account/ship-track')) return undefined;
      amazonRequests.push(request.url);
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: fixture('pages/refresh/amazon-de-track-with-id.html'),
      };
    });
    // What an older version's options page stored when the user enabled 17TRACK with a key: in storage.local,
    // which Firefox lets our content scripts read. The background moves it to its key store before using it.
    await store(harness, {
      settings: { providers: ['17track'], amazonSessionRefresh: true },
      providerKeys: { '17track': { apiKey: 'e2e-17track-key' } },
    });
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('refreshes a pasted number through the routed provider, from the popup: store, popup and badge change', async () => {
    const popup = await harness.openPopup();
    expect(
      await popup.evaluate((input) => {
        const scope = globalThis as unknown as { browser?: Api; chrome: Api };
        return (scope.browser ?? scope.chrome).runtime.sendMessage({ type: 'add-numbers', input });
      }, NUMBER),
    ).toMatchObject({ ok: true });
    await expect.poll(() => popup.text(`li.package[data-number="${NUMBER}"]`), POLL).toContain(NUMBER);
    expect(await harness.badgeText()).toBe('');

    // The user's path: the package, then "Refresh now".
    await popup.click(`li.package[data-number="${NUMBER}"] button.row`);
    await popup.clickButton('Refresh now');
    await expect
      .poll(() => popup.evaluate(() => document.body.textContent ?? ''), POLL)
      .toContain('Status checked.');

    expect(
      providerRequests.map((r) => [r.method, new URL(r.url).pathname, r.headers['17token'], r.body]),
    ).toEqual([
      ['POST', '/track/v2.2/gettrackinfo', 'e2e-17track-key', JSON.stringify([{ number: NUMBER }])],
    ]);
    // The key left storage.local for the extension origin's IndexedDB, which content scripts (page origin) cannot open.
    expect(
      await harness.inExtension(async () => {
        const scope = globalThis as unknown as { browser?: Api; chrome: Api };
        const local = await (scope.browser ?? scope.chrome).storage.local.get(null);
        const keys = await new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('doorstep-keys');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('keys').objectStore('keys').get('provider-keys');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        });
        return { inLocal: JSON.stringify(local).includes('e2e-17track-key'), keys };
      }),
    ).toEqual({ inLocal: false, keys: { '17track': { apiKey: 'e2e-17track-key' } } });
    const [pkg] = await harness.storedPackages();
    expect(pkg).toMatchObject({
      number: NUMBER,
      status: 'out_for_delivery',
      statusText: 'Out For Delivery Today',
    });
    await expect.poll(() => harness.badgeText(), POLL).toBe('1');
    await popup.close();
  });

  it('refreshes an Amazon shipment from the user’s session: the track page fetched and parsed in the background', async () => {
    const popup = await harness.openPopup();
    const added = await send(popup, {
      type: 'detections',
      detections: [
        {
          orderId: '302-1937846-5521109',
          shipmentId: 'Fk2xQwLp7',
          merchant: 'Amazon',
          status: 'in_transit',
          source: {
            kind: 'amazon',
            url: 'https://www.amazon.de/gp/css/order-history',
            seenAt: Date.now() - 86_400_000,
          },
        },
      ],
    });
    expect(added.ok).toBe(true);
    const id = added.ids?.[0] as string;
    expect(await send(popup, { type: 'refresh', ids: [id] })).toMatchObject({ ok: true, ids: [id] });
    expect(amazonRequests).toEqual([
      'https://www.amazon.de/gp/your-account/ship-track?ie=UTF8&orderId=302-1937846-5521109&packageIndex=0&shipmentId=Fk2xQwLp7',
    ]);
    const pkg = (await harness.storedPackages()).find((p) => p.id === id);
    expect(pkg).toMatchObject({ number: 'TBA301234567890', carrier: 'amazon', status: 'out_for_delivery' });
    await expect.poll(() => harness.badgeText(), POLL).toBe('2');
    await popup.close();

    // Where the page was parsed: Chrome's worker has no DOMParser and opened the offscreen document; Firefox's
    // event page is a real page with its own DOMParser, and its build cannot open an offscreen document at all.
    const parsedWhere = await harness.inExtension(async () => {
      type Contexts = { runtime: { getContexts?(f: object): Promise<{ documentUrl?: string }[]> } };
      type Background = {
        runtime: {
          getBackgroundPage?(): Promise<{ DOMParser?: unknown }>;
          getManifest(): { permissions?: string[] };
        };
      };
      const scope = globalThis as unknown as {
        browser?: Contexts & Background;
        chrome: Contexts & Background;
      };
      const api = scope.browser ?? scope.chrome;
      if (api.runtime.getBackgroundPage) {
        const page = await api.runtime.getBackgroundPage();
        const canOpenOffscreen = api.runtime.getManifest().permissions?.includes('offscreen');
        return {
          backgroundDomParser: typeof page.DOMParser,
          offscreen: canOpenOffscreen ? ['possible'] : [],
        };
      }
      const contexts = (await api.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
      return {
        backgroundDomParser: typeof DOMParser,
        offscreen: contexts.map((c) => new URL(c.documentUrl ?? '').pathname),
      };
    });
    expect(parsedWhere).toEqual(
      browserName === 'firefox'
        ? { backgroundDomParser: 'function', offscreen: [] }
        : { backgroundDomParser: 'undefined', offscreen: ['/offscreen.html'] },
    );
  });
});
