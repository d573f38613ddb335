import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOCKED_PAUSE_MS, RATE_LIMIT_PAUSE_MS } from '../../../../utils/carrier-web/request';
import { dhlPaketWeb, readDhlPaketSearch } from '../../../../utils/carriers/dhl/paket-web';
import type { ProviderContext } from '../../../../utils/providers/types';
import { type ContractServer, fixture, startContractServer } from '../contract-server';
import { makePackage, NOW } from '../packages';

/**
 * Contract of the keyless DHL Paket adapter against a local server answering in the shapes dhl.de's tracking page
 * receives (utils/carriers/dhl/paket-web.ts cites where they come from). Plain HTTP on 127.0.0.1 for the reason
 * given in canada-post.test.ts; the assertions on the requests are the same.
 */

const NUMBER = '00340434161094022115';
const pkg = makePackage({ id: 'p-dhl', number: NUMBER, carrier: 'dhl' });
const SEARCH_PATH = `/int-verfolgen/data/search?piececode=${NUMBER}&noRedirect=true&language=en`;
const HOUR = 3_600_000;

let server: ContractServer;
let ctx: ProviderContext;
beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());
beforeEach(() => {
  ctx = { fetch, now: () => NOW, credentials: {}, baseUrl: server.origin, timeoutMs: 5_000 };
});

describe('DHL Paket, keyless (int-verfolgen JSON)', () => {
  it('asks what the tracking page asks, with nothing but the number, and reads the whole history', async () => {
    server.answer({ status: 200, body: fixture('dhlpaket-web/search-in-transit.json') });
    const result = await dhlPaketWeb.refresh([pkg], ctx);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', path: SEARCH_PATH, body: '' });
    expect(request?.headers).toMatchObject({ accept: 'application/json' });
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
    expect(result).toMatchObject({ requests: 1 });
    expect(result.providerFailure).toBeUndefined();
    expect(result.outcomes[0]).toMatchObject({
      id: 'p-dhl',
      ok: true,
      detection: {
        number: NUMBER,
        status: 'out_for_delivery',
        statusText: 'The shipment has been loaded onto the delivery vehicle',
        statusAt: Date.parse('2025-03-10T08:12:00+01:00'),
        source: { kind: 'refresh', seenAt: NOW, url: 'https://www.dhl.de/int-verfolgen/' },
      },
    });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    // Newest first, with exact times, whatever order DHL sent them in (oldest first).
    expect(detection?.events).toEqual([
      {
        at: Date.parse('2025-03-10T08:12:00+01:00'),
        status: 'out_for_delivery',
        description: 'The shipment has been loaded onto the delivery vehicle',
      },
      {
        at: Date.parse('2025-03-09T04:05:00+01:00'),
        status: 'in_transit',
        description: 'The shipment has been processed in the destination parcel center',
        location: 'Aschheim',
      },
      {
        at: Date.parse('2025-03-08T18:40:00+01:00'),
        status: 'in_transit',
        description: 'The shipment has been processed in the parcel center of origin',
        location: 'Bochum',
      },
    ]);
  });

  it('reads a delivery only from DHL’s own delivered flag', async () => {
    server.answer({ status: 200, body: fixture('dhlpaket-web/search-delivered.json') });
    const result = await dhlPaketWeb.refresh([pkg], ctx);
    expect(result.outcomes[0]).toMatchObject({ ok: true, detection: { status: 'delivered' } });
    // The same words and a full progress bar without the flag are not a delivery.
    const body = fixture('dhlpaket-web/search-delivered.json') as {
      sendungen: { sendungsdetails: Record<string, unknown> }[];
    };
    const [first] = body.sendungen;
    if (first) first.sendungsdetails.istZugestellt = false;
    const reading = readDhlPaketSearch(body, NUMBER, NOW);
    expect(reading.kind === 'found' && reading.facts.status).toBe('in_transit');
  });

  it('says "not found" only when DHL says it has no data for the number', async () => {
    server.answer({ status: 200, body: fixture('dhlpaket-web/search-not-found.json') });
    const result = await dhlPaketWeb.refresh([pkg], ctx);
    expect(result.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'not_found', message: 'DHL Paket has no record of this number yet' },
    });
    expect(result.providerFailure).toBeUndefined();
  });

  it('treats a 404, an empty answer or an unknown shape as "couldn’t check", never as "not found"', async () => {
    for (const answer of [
      { status: 404, body: 'Not Found' },
      { status: 200, body: '' },
      { status: 200, body: { sendungen: [] } },
      { status: 200, body: { sendungen: [{ id: NUMBER }] } },
      { status: 200, body: {} },
    ]) {
      server.answer(answer);
      const result = await dhlPaketWeb.refresh([pkg], ctx);
      const outcome = result.outcomes[0];
      expect(outcome?.ok).toBe(false);
      if (outcome && !outcome.ok) {
        expect(outcome.failure.kind).toBe('malformed');
        expect(outcome.failure.message).toMatch(/^DHL Paket sent an answer Doorstep could not read/);
      }
    }
  });

  it('backs off for hours on a challenge page or a 403, honouring a longer Retry-After', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Access Denied</body></html>',
    });
    const challenge = await dhlPaketWeb.refresh([pkg], ctx);
    expect(challenge.providerFailure).toMatchObject({
      kind: 'blocked',
      message: 'DHL Paket asked for a check in the browser: open its tracking page',
      retryAt: NOW + BLOCKED_PAUSE_MS,
    });

    server.answer({ status: 403, headers: { 'retry-after': String(10 * 3600) }, body: 'Forbidden' });
    const forbidden = await dhlPaketWeb.refresh([pkg], ctx);
    expect(forbidden.providerFailure).toMatchObject({
      kind: 'blocked',
      status: 403,
      retryAt: NOW + 10 * HOUR,
    });
    // Akamai's unsolved proof-of-work challenge is a 428: the same pause, never "not found".
    server.answer({ status: 428, headers: { 'content-type': 'text/html' }, body: '<html>challenge</html>' });
    const proof = await dhlPaketWeb.refresh([pkg], ctx);
    expect(proof.providerFailure).toMatchObject({
      kind: 'blocked',
      status: 428,
      retryAt: NOW + BLOCKED_PAUSE_MS,
    });
  });

  it('stops on a 401 without retrying: dhl.de has no session to renew', async () => {
    server.answer({ status: 401, body: 'Unauthorized' });
    const other = makePackage({ id: 'p-dhl-2', number: 'JJD000390007881234567', carrier: 'dhl' });
    const result = await dhlPaketWeb.refresh([pkg, other], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.providerFailure).toMatchObject({ kind: 'blocked', status: 401 });
    expect(result.outcomes.map((o) => o.id).sort()).toEqual(['p-dhl', 'p-dhl-2']);
  });

  it('honours a 429’s Retry-After, and pauses at least two hours when it is shorter', async () => {
    server.answer({ status: 429, headers: { 'retry-after': String(4 * 3600) }, body: '' });
    const long = await dhlPaketWeb.refresh([pkg], ctx);
    expect(long.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + 4 * HOUR });
    server.answer({ status: 429, headers: { 'retry-after': '30' }, body: '' });
    const short = await dhlPaketWeb.refresh([pkg], ctx);
    expect(short.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + RATE_LIMIT_PAUSE_MS });
  });

  it('refuses a malformed answer and an answer about another number', async () => {
    server.answer({ status: 200, body: '{"sendungen": [' });
    const broken = await dhlPaketWeb.refresh([pkg], ctx);
    expect(broken.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'malformed' } });

    const other = JSON.parse(
      JSON.stringify(fixture('dhlpaket-web/search-in-transit.json')).replaceAll(
        NUMBER,
        '00340434161094099999',
      ),
    );
    server.answer({ status: 200, body: other });
    const mismatch = await dhlPaketWeb.refresh([pkg], ctx);
    expect(mismatch.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringContaining('answer for another number') },
    });
  });

  it('gives up on a carrier that does not answer in time', async () => {
    server.answer('hang');
    const result = await dhlPaketWeb.refresh([pkg], { ...ctx, timeoutMs: 300 });
    expect(result.providerFailure).toMatchObject({
      kind: 'timeout',
      message: 'DHL Paket did not answer in time',
    });
  });

  it('is asked only about DHL Paket numbers, not DHL Express ones', () => {
    expect(dhlPaketWeb.supports(pkg)).toBe(true);
    expect(
      dhlPaketWeb.supports(makePackage({ id: 'j', number: 'JJD000390007881234567', carrier: 'dhl' })),
    ).toBe(true);
    expect(dhlPaketWeb.supports(makePackage({ id: 'x', number: '3318810025', carrier: 'dhl' }))).toBe(false);
    expect(dhlPaketWeb.supports(makePackage({ id: 'u', number: NUMBER, carrier: 'usps' }))).toBe(false);
  });
});
