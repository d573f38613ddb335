import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page, Route, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageRecord } from '../../utils/store/types';
import { type Harness, startHarness } from './harness';

/**
 * Status refresh in real Chromium. The 17TRACK API is routed (`context.route`) to answers written from its
 * documentation; no request leaves the machine.
 *
 * The provider's host is an optional permission, and `permissions.request` needs a click on a native prompt that
 * headless Chromium cannot show. Instead of a test-only code path, the test starts Chromium with a profile in
 * which the user already granted it: the first launch installs the extension, the profile's Preferences then
 * record `https://api.17track.net/*` as granted (exactly what Chromium writes after the user accepts the prompt),
 * and the second launch runs the test. The extension's own code is the shipped code.
 */

const NUMBER = '1Z999AA10123456784';
const API = 'https://api.17track.net/**';
const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/providers/${path}`, import.meta.url), 'utf8');

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * The documented example answer, moved in time so that its latest event was a minute ago (and today): "out for
 * delivery" is a same-day status, and the badge counts it only on the day it was stated.
 */
function happenedJustNow(json: string): string {
  // Anchor on the events (time_iso/time_utc), not on the estimate window, which ends later.
  const instants = [...json.matchAll(/"time_(?:iso|utc)":\s*"([^"]+)"/g)].map((m) => Date.parse(m[1] ?? ''));
  const startOfToday = new Date().setHours(0, 0, 1, 0);
  const shift = Math.max(Date.now() - 60_000, startOfToday) - Math.max(...instants);
  return json.replace(ISO_INSTANT, (iso) => new Date(Date.parse(iso) + shift).toISOString());
}

describe('status refresh in Chromium, 17TRACK routed', () => {
  let harness: Harness;
  let context: BrowserContext;
  let worker: Worker;
  let popup: Page;
  const requests: { method: string; path: string; token?: string; body: string }[] = [];
  let answer: (route: Route) => Promise<void>;

  beforeAll(async () => {
    harness = await startHarness({ grantedOrigins: ['https://api.17track.net/*'] });
    ({ context, serviceWorker: worker } = harness);
    await context.route(API, async (route) => {
      const request = route.request();
      requests.push({
        method: request.method(),
        path: new URL(request.url()).pathname,
        token: (await request.allHeaders())['17token'],
        body: request.postData() ?? '',
      });
      await answer(route);
    });
    // What the options page stores when the user enables 17TRACK with a key.
    await worker.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({
        settings: { providers: ['17track'], amazonSessionRefresh: false },
        providerKeys: { '17track': { apiKey: 'e2e-17track-key' } },
      });
    });
    popup = await harness.openPopup();
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  const stored = () => harness.storedPackages();
  const badge = () => harness.badgeText();
  /** The user's path: the list, the package, "Refresh now". */
  const refreshFromPopup = async () => {
    await popup.reload();
    await popup.locator(`li.package[data-number="${NUMBER}"] button.row`).click();
    await popup.getByRole('button', { name: 'Refresh now' }).click();
  };

  it('refreshes a pasted number from the routed provider: popup and badge change', async () => {
    const added = await popup.evaluate(
      (input) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime.sendMessage({ type: 'add-numbers', input }),
      NUMBER,
    );
    expect(added.ok).toBe(true);
    await popup.waitForSelector(`li.package[data-number="${NUMBER}"]`);
    expect(await badge()).toBe('');

    answer = (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: happenedJustNow(fixture('17track/gettrackinfo-success.json')),
      });
    await refreshFromPopup();
    await popup.getByText('Status checked.').waitFor({ timeout: 15_000 });

    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/track/v2.2/gettrackinfo',
        token: 'e2e-17track-key',
        body: JSON.stringify([{ number: NUMBER }]),
      },
    ]);
    const [pkg] = await stored();
    expect(pkg).toMatchObject({
      number: NUMBER,
      status: 'out_for_delivery',
      statusText: 'Out For Delivery Today',
    });
    expect(pkg?.lastCheckedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(pkg?.lastError).toBeUndefined();
    expect(pkg?.events).toHaveLength(4);
    expect(await badge()).toBe('1');
    // Back in the list, the package now sits under "Out for delivery".
    await popup.reload();
    await popup.waitForSelector(`li.package[data-number="${NUMBER}"][data-status="out_for_delivery"]`);
    mkdirSync('artifacts', { recursive: true });
    await popup.screenshot({ path: 'artifacts/refresh-success.png' });
  });

  it('keeps everything when the provider fails, and shows the failure', async () => {
    const before = (await stored())[0] as PackageRecord;
    answer = (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
    requests.length = 0;
    await refreshFromPopup();
    await popup
      .getByText('Last refresh failed: 17TRACK is having problems (HTTP 500)')
      .waitFor({ timeout: 15_000 });

    expect(requests).toHaveLength(1);
    const after = (await stored())[0] as PackageRecord;
    expect(after.status).toBe('out_for_delivery');
    expect(after.events).toEqual(before.events);
    expect(after.statusAt).toBe(before.statusAt);
    // Stored as a code; the popup words it (above) in the UI language.
    expect(after.lastError).toBe('code:server;17TRACK;500');
    expect(after.lastCheckedAt).toBeGreaterThanOrEqual(before.lastCheckedAt ?? 0);
    expect(await badge()).toBe('1');
    await popup.screenshot({ path: 'artifacts/refresh-failure.png' });

    // The provider is now backing off: a second click sends nothing and says why.
    requests.length = 0;
    await popup.getByRole('button', { name: 'Refresh now' }).click();
    await popup.getByText(/asked Doorstep to wait/).waitFor({ timeout: 15_000 });
    expect(requests).toHaveLength(0);
  });

  it('refreshes an Amazon order from the user’s own session: fetched by the worker, parsed in an offscreen document', async () => {
    const page = readFileSync(
      new URL('../fixtures/pages/refresh/amazon-de-track-with-id.html', import.meta.url),
      'utf8',
    );
    const amazonRequests: string[] = [];
    await context.route('https://www.amazon.de/**', (route) => {
      amazonRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    });
    await worker.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({ settings: { providers: ['17track'], amazonSessionRefresh: true } });
    });
    const send = (message: object) =>
      popup.evaluate(
        (m) =>
          (
            globalThis as unknown as {
              chrome: {
                runtime: { sendMessage(m: object): Promise<{ ok: boolean; ids?: string[]; error?: string }> };
              };
            }
          ).chrome.runtime.sendMessage(m),
        message,
      );
    // An Amazon shipment seen in an order e-mail: order and shipment, no tracking number yet.
    const added = await send({
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
    const reply = await send({ type: 'refresh', ids: [id] });
    expect(reply).toMatchObject({ ok: true, ids: [id] });
    expect(amazonRequests).toEqual([
      'https://www.amazon.de/gp/your-account/ship-track?ie=UTF8&orderId=302-1937846-5521109&packageIndex=0&shipmentId=Fk2xQwLp7',
    ]);
    const pkg = (await stored()).find((p) => p.id === id);
    expect(pkg).toMatchObject({ number: 'TBA301234567890', carrier: 'amazon', status: 'out_for_delivery' });
    expect(await badge()).toBe('2');
    // The worker has no DOMParser: the page was read by the offscreen document it opened (kept a while for reuse).
    const parsedWhere = await worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { runtime: { getContexts(f: object): Promise<{ documentUrl?: string }[]> } };
        }
      ).chrome;
      const contexts = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return {
        domParser: typeof DOMParser,
        offscreen: contexts.map((c) => new URL(c.documentUrl ?? '').pathname),
      };
    });
    expect(parsedWhere).toEqual({ domParser: 'undefined', offscreen: ['/offscreen.html'] });
  });
});
