import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ContentEnvironment, startDoorstep } from '@/utils/content/controller';
import { siteFor } from '@/utils/extract/sites';
import { pageHtml } from '../extract/fixtures';

/**
 * The content controller on a linkedom page: in "ask" mode, packages already stored show "Tracked ✓" from their first
 * chip, asked with one read-only query per scan batch.
 */

const NOW = Date.UTC(2026, 10, 27, 15);
const UPS = '1Z999AA10123456784';
const FEDEX = '986578788855';
const USPS = '9400111206206406260787';

let controller: AbortController;
const realObserver = globalThis.MutationObserver;

function page(body: string) {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  // The controller watches the page with the DOM's own MutationObserver, as it does in a browser.
  globalThis.MutationObserver = MutationObserver as unknown as typeof globalThis.MutationObserver;
  return document as unknown as Document;
}

function environment(
  doc: Document,
  reply: (message: { type: string }) => unknown,
  url = 'https://shop.northwind.example/account/orders/NW-48213',
  settings: object = {},
) {
  const sent: { type: string; numbers?: string[]; orderIds?: string[] }[] = [];
  const env: ContentEnvironment = {
    document: doc,
    url: () => url,
    now: () => NOW,
    timeZone: 'America/New_York',
    async sendMessage(message) {
      // The settings come by message, as from the background (storage.local is closed to content scripts).
      if ((message as { type: string }).type === 'content-settings') return { ok: true, settings };
      sent.push(message as (typeof sent)[number]);
      return reply(message as { type: string });
    },
    onSettingsChanged: () => () => {},
    signal: controller.signal,
    siteFor,
  };
  return { env, sent };
}

const chipStates = (doc: Document) =>
  [...doc.querySelectorAll('doorstep-chip')].map((chip) => [
    chip.previousElementSibling?.textContent ?? chip.parentElement?.textContent,
    chip.getAttribute('data-state'),
  ]);

beforeEach(() => {
  controller = new AbortController();
  // The chip's state is marked on its host in test builds only (utils/content/test-hooks.ts).
  vi.stubGlobal('__DOORSTEP_TEST_HOOKS__', true);
});
afterEach(() => {
  vi.unstubAllGlobals();
  controller.abort();
  globalThis.MutationObserver = realObserver;
});

describe('"Tracked ✓" for packages stored earlier', () => {
  const body = `<main><p>UPS: <b>${UPS}</b></p><p>FedEx: <b>${FEDEX}</b></p><p>USPS: <b>${USPS}</b></p></main>`;

  it('asks once for the whole batch and renders stored packages as tracked, the rest as "Track"', async () => {
    const doc = page(body);
    const { env, sent } = environment(doc, (message) =>
      message.type === 'tracked-numbers'
        ? { ok: true, tracked: { numbers: [FEDEX], orders: [] } }
        : { ok: true },
    );
    const summary = await startDoorstep(env);
    expect(summary).toMatchObject({ site: 'page', mode: 'ask', found: 3, sent: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({ type: 'tracked-numbers', numbers: [UPS, FEDEX, USPS], orderIds: [] });
    expect(chipStates(doc)).toEqual([
      [UPS, 'ask'],
      [FEDEX, 'tracked'],
      [USPS, 'ask'],
    ]);
  });

  it('asks again only for what a later batch adds, never per number', async () => {
    const doc = page(body);
    const { env, sent } = environment(doc, (message) =>
      message.type === 'tracked-numbers'
        ? { ok: true, tracked: { numbers: [USPS], orders: [] } }
        : { ok: true },
    );
    await startDoorstep(env);
    const later = doc.createElement('p');
    later.innerHTML = 'Second parcel: <b>1Z879E930346834440</b> and again <b>986578788855</b>';
    doc.querySelector('main')?.append(later);
    await expect.poll(() => sent.length, { timeout: 5000 }).toBe(2);
    expect(sent[1]).toEqual({ type: 'tracked-numbers', numbers: ['1Z879E930346834440'], orderIds: [] });
    await expect.poll(() => chipStates(doc).length).toBe(4);
  });

  it('a failed or malformed answer leaves plain "Track" chips and adds nothing', async () => {
    for (const answer of [
      { ok: false, error: 'internal error' },
      { ok: true, tracked: { numbers: 'all' } },
      null,
    ]) {
      const doc = page(body);
      const { env, sent } = environment(doc, () => answer);
      await startDoorstep(env);
      expect(sent.map((m) => m.type)).toEqual(['tracked-numbers']);
      expect(chipStates(doc).map(([, state]) => state)).toEqual(['ask', 'ask', 'ask']);
      controller.abort();
      controller = new AbortController();
    }
  });

  it('matches Amazon shipments by order and shipment id (another shipment of a stored order is not tracked)', async () => {
    const html = pageHtml('amazon/order-history.html');
    const doc = page(/<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '');
    const { env, sent } = environment(
      doc,
      (message) =>
        message.type === 'tracked-numbers'
          ? {
              ok: true,
              tracked: {
                numbers: [],
                orders: [
                  { orderId: '113-5838173-8241820', shipmentId: 'OtherShipment1' },
                  { orderId: '112-9087123-4471602', shipmentId: 'Gk2Jq8xFn' },
                ],
              },
            }
          : { ok: true },
      'https://www.amazon.com/gp/css/order-history?ref_=nav_orders_first',
      { siteModes: { 'www.amazon.com': 'ask' } },
    );
    await startDoorstep(env);
    expect(sent).toEqual([
      { type: 'tracked-numbers', numbers: [], orderIds: ['113-5838173-8241820', '112-9087123-4471602'] },
    ]);
    const states = [...doc.querySelectorAll('doorstep-chip')].map((chip) => chip.getAttribute('data-state'));
    expect(states).toEqual(['ask', 'tracked']);
  });
});
