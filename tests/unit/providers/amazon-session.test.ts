import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amazonTrackUrl,
  createAmazonSession,
  isSignInPage,
  pageFacts,
} from '../../../utils/providers/amazon-session';
import type { ProviderContext } from '../../../utils/providers/types';
import { type ContractServer, startContractServer } from './contract-server';
import { parseTrackPageWithLinkedom } from './linkedom-track-page';
import { makePackage } from './packages';

const page = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/pages/refresh/${name}`, import.meta.url)), 'utf8');

/** Monday 2025-03-10 15:00 UTC. */
const NOW = Date.UTC(2025, 2, 10, 15, 0);
/** The page as the provider sees it: parsed (linkedom standing in for the browser's DOMParser), then its facts. */
const parse = async (html: string, url: string, now: number) => {
  const page = await parseTrackPageWithLinkedom(html, { url, now, timeZone: 'UTC' });
  return page && pageFacts(page, now);
};

describe('Amazon track pages read by the refresh parser (a DOM + parseAmazonTrackPage)', () => {
  it('amazon.com, with a UPS tracking ID: number, carrier, status from the state JSON, estimate and events', async () => {
    const facts = await parse(
      page('amazon-com-track-with-id.html'),
      'https://www.amazon.com/gp/your-account/ship-track?orderId=113-5838173-8241820&shipmentId=DxdffwBQ0',
      NOW,
    );
    expect(facts).toMatchObject({
      status: 'in_transit',
      statusText: 'Arriving Thursday',
      number: '1Z999AA10123456784',
      carrier: 'ups',
      orderId: '113-5838173-8241820',
      shipmentId: 'DxdffwBQ0',
      eta: { start: '2025-03-13' },
    });
    expect(facts?.events?.map((e) => e.description)).toEqual([
      'Departed from facility',
      'Package has left the seller facility and is in transit to carrier',
    ]);
  });

  it('amazon.com, not shipped yet: no tracking ID, an arrival window', async () => {
    const facts = await parse(
      page('amazon-com-track-no-id.html'),
      'https://www.amazon.com/gp/your-account/ship-track?orderId=113-2070441-7302634&shipmentId=Gq9bTTr2k',
      NOW,
    );
    expect(facts?.status).toBe('info_received');
    expect(facts?.number).toBeUndefined();
    expect(facts?.eta).toMatchObject({ start: '2025-03-14', end: '2025-03-16' });
  });

  it('amazon.de, with an Amazon Logistics number: out for delivery today', async () => {
    const facts = await parse(
      page('amazon-de-track-with-id.html'),
      'https://www.amazon.de/gp/your-account/ship-track?orderId=302-1937846-5521109&shipmentId=Fk2xQwLp7',
      NOW,
    );
    expect(facts).toMatchObject({ status: 'out_for_delivery', number: 'TBA301234567890', carrier: 'amazon' });
  });

  it('amazon.de, older layout without state JSON or tracking ID: the visible text says delivered', async () => {
    const facts = await parse(
      page('amazon-de-track-no-id.html'),
      'https://www.amazon.de/gp/your-account/ship-track?orderId=302-4471902-3390716&shipmentId=Hq3mZ8Xa1',
      NOW,
    );
    expect(facts?.status).toBe('delivered');
    expect(facts?.number).toBeUndefined();
    expect(facts?.orderId).toBe('302-4471902-3390716');
  });

  it('recognises the sign-in page and refuses a page that is not a track page', async () => {
    expect(isSignInPage('https://www.amazon.com/ap/signin?openid.return_to=x', '')).toBe(true);
    expect(
      isSignInPage('https://www.amazon.com/gp/your-account/ship-track', page('amazon-signin.html')),
    ).toBe(true);
    expect(
      isSignInPage(
        'https://www.amazon.com/gp/your-account/ship-track',
        page('amazon-com-track-with-id.html'),
      ),
    ).toBe(false);
    expect(
      await parse('<html><body><p>Hello</p></body></html>', 'https://www.amazon.com/', NOW),
    ).toBeUndefined();
  });
});

describe('Amazon session provider against a local server', () => {
  let server: ContractServer;
  let ctx: ProviderContext;
  const provider = createAmazonSession(parseTrackPageWithLinkedom, { timeZone: 'UTC' });
  const shipment = makePackage({
    id: 'amz-1',
    orderId: '113-5838173-8241820',
    shipmentId: 'DxdffwBQ0',
    carrier: 'amazon',
    status: 'info_received',
    sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: NOW - 86_400_000 }],
  });
  beforeAll(async () => {
    server = await startContractServer();
    ctx = { fetch, now: () => NOW, credentials: {}, baseUrl: server.origin, timeoutMs: 5_000 };
  });
  afterAll(() => server.close());

  it('builds the ship-track URL on the store the order came from', () => {
    expect(amazonTrackUrl(shipment)).toBe(
      'https://www.amazon.com/gp/your-account/ship-track?ie=UTF8&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0',
    );
    const de = {
      ...shipment,
      sources: [{ kind: 'amazon' as const, url: 'https://www.amazon.de/gp/css/order-history', seenAt: NOW }],
    };
    expect(amazonTrackUrl(de)).toMatch(/^https:\/\/www\.amazon\.de\/gp\/your-account\/ship-track\?/);
    expect(provider.originsFor?.([de])).toEqual(['https://www.amazon.de/*']);
    // Never a non-Amazon or non-https link, even when stored as the package's tracking link.
    expect(
      amazonTrackUrl({ ...shipment, trackUrl: 'http://www.amazon.com/gp/your-account/ship-track?x=1' }),
    ).toMatch(/^https:/);
    expect(
      amazonTrackUrl({
        ...shipment,
        orderId: undefined,
        shipmentId: undefined,
        trackUrl: 'https://evil.example/gp/your-account/ship-track',
      }),
    ).toBeUndefined();
  });

  it('GETs the track page with the session cookies and reveals the carrier number', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: page('amazon-com-track-with-id.html'),
    });
    const result = await provider.refresh([shipment], ctx);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/gp/your-account/ship-track?ie=UTF8&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0',
    });
    expect(server.requests[0]?.headers.accept).toBe('text/html,application/xhtml+xml');
    const outcome = result.outcomes[0];
    expect(outcome?.ok).toBe(true);
    if (!outcome?.ok) return;
    expect(outcome.detection).toMatchObject({
      number: '1Z999AA10123456784',
      carrier: 'ups',
      orderId: '113-5838173-8241820',
      shipmentId: 'DxdffwBQ0',
      status: 'in_transit',
      source: { kind: 'refresh', url: expect.stringMatching(/^https:\/\/www\.amazon\.com\//), seenAt: NOW },
    });
  });

  it('reports a signed-out session for every Amazon package, once', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: page('amazon-signin.html'),
    });
    const other = { ...shipment, id: 'amz-2', shipmentId: 'Zz9bTTr2k' };
    const result = await provider.refresh([shipment, other], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.providerFailure?.kind).toBe('signed_out');
    expect(result.outcomes.map((o) => !o.ok && o.failure.kind)).toEqual(['signed_out', 'signed_out']);
  });

  it('types 404, 429, 500, an unreadable page and a timeout', async () => {
    server.answer({ status: 404, body: 'not found' });
    expect((await provider.refresh([shipment], ctx)).outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'not_found' },
    });
    server.answer({ status: 429, headers: { 'retry-after': '30' }, body: '' });
    expect((await provider.refresh([shipment], ctx)).providerFailure).toMatchObject({
      kind: 'rate_limited',
      retryAt: NOW + 30_000,
    });
    server.answer({ status: 503, body: '' });
    expect((await provider.refresh([shipment], ctx)).providerFailure).toMatchObject({
      kind: 'server',
      status: 503,
    });
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Something else</body></html>',
    });
    expect((await provider.refresh([shipment], ctx)).outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed' },
    });
    server.answer('hang');
    expect((await provider.refresh([shipment], { ...ctx, timeoutMs: 300 })).providerFailure).toMatchObject({
      kind: 'timeout',
    });
  });
});
