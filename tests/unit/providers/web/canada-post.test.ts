import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOCKED_PAUSE_MS, RATE_LIMIT_PAUSE_MS } from '../../../../utils/carrier-web/request';
import { canadaPostWeb, readCanadaPostDetail } from '../../../../utils/carriers/canada-post/web';
import type { ProviderContext } from '../../../../utils/providers/types';
import { type ContractServer, fixture, startContractServer } from '../contract-server';
import { makePackage, NOW } from '../packages';

/**
 * Contract of the keyless Canada Post adapter against a local server answering in the shapes its tracking page
 * receives (utils/carriers/canada-post/web.ts cites where they come from). Plain HTTP on 127.0.0.1: Node's fetch
 * would need the test to turn certificate checks off for a self-signed HTTPS server, which proves nothing more
 * about the requests; the assertions (method, path, headers, cookies, body) are the same.
 */

const NUMBER = '7035114477138472';
const pkg = makePackage({ id: 'p-cp', number: NUMBER, carrier: 'canada_post' });
const DETAIL_PATH = `/track-reperage/rs/track/json/package/${NUMBER}/detail`;
const HOUR = 3_600_000;

let server: ContractServer;
let ctx: ProviderContext;
beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());
beforeEach(() => {
  // Generous: the first request of a file can be slow on a loaded machine; the timeout test sets its own.
  ctx = { fetch, now: () => NOW, credentials: {}, baseUrl: server.origin, timeoutMs: 5_000 };
});

describe('Canada Post, keyless (track-reperage JSON)', () => {
  it('asks exactly what the tracking page asks, with nothing but the number, and reads the full history', async () => {
    server.answer({ status: 200, body: fixture('canadapost-web/detail-in-transit.json') });
    const result = await canadaPostWeb.refresh([pkg], ctx);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', path: DETAIL_PATH, body: '' });
    expect(request?.headers).toMatchObject({
      accept: 'application/json, text/plain, */*',
      authorization: 'Basic Og==',
      'x-requested-with': 'XMLHttpRequest',
    });
    // Public data: no cookie goes along.
    expect(request?.headers.cookie).toBeUndefined();
    expect(result).toMatchObject({ requests: 1 });
    expect(result.providerFailure).toBeUndefined();
    expect(result.outcomes[0]).toMatchObject({
      id: 'p-cp',
      ok: true,
      detection: {
        number: NUMBER,
        status: 'in_transit',
        statusText: 'Item processed',
        statusAt: Date.parse('2025-03-09T15:52:17-04:00'),
        eta: { start: '2025-03-12' },
        trackUrl: `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${NUMBER}`,
        source: { kind: 'refresh', seenAt: NOW },
      },
    });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    expect(detection?.events).toEqual([
      {
        at: Date.parse('2025-03-09T15:52:17-04:00'),
        status: 'in_transit',
        description: 'Item processed',
        location: 'MISSISSAUGA, ON, CA',
      },
      {
        at: Date.parse('2025-03-07T23:03:58-05:00'),
        status: 'in_transit',
        description: 'Item accepted at the Post Office',
        location: 'TORONTO, ON, CA',
      },
    ]);
  });

  it('reads a delivery only from the carrier’s own delivered flag, and drops the forecast then', async () => {
    server.answer({ status: 200, body: fixture('canadapost-web/detail-delivered.json') });
    const result = await canadaPostWeb.refresh([pkg], ctx);
    expect(result.outcomes[0]).toMatchObject({ ok: true, detection: { status: 'delivered' } });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    expect(detection?.eta).toBeUndefined();
    // The same events without the flag are not a delivery: a scan type alone is not the carrier's statement.
    const body = { ...(fixture('canadapost-web/detail-delivered.json') as object), delivered: false };
    const reading = readCanadaPostDetail(body, NUMBER, NOW);
    expect(reading.kind === 'found' && reading.facts.status).toBe('in_transit');
  });

  it('says "not found" only when Canada Post says it has no history for the number', async () => {
    server.answer({ status: 200, body: fixture('canadapost-web/detail-not-found.json') });
    const result = await canadaPostWeb.refresh([pkg], ctx);
    expect(result.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'not_found', message: 'Canada Post has no record of this number yet' },
    });
    // Not a carrier-wide failure: the next number is still asked.
    expect(result.providerFailure).toBeUndefined();
  });

  it('treats a 404, an empty or an unknown error answer as "couldn’t check", never as "not found"', async () => {
    for (const answer of [
      { status: 404, body: 'Not Found' },
      { status: 200, body: '' },
      { status: 200, body: { pin: NUMBER, error: { cd: '999', descEn: 'Service unavailable' } } },
      { status: 200, body: {} },
    ]) {
      server.answer(answer);
      const result = await canadaPostWeb.refresh([pkg], ctx);
      const outcome = result.outcomes[0];
      expect(outcome?.ok).toBe(false);
      if (outcome && !outcome.ok) {
        expect(outcome.failure.kind).toBe('malformed');
        expect(outcome.failure.message).toMatch(/^Canada Post sent an answer Doorstep could not read/);
      }
    }
  });

  it('backs off for hours on a challenge page or a 403, honouring a longer Retry-After', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html><title>Just a moment…</title></html>',
    });
    const challenge = await canadaPostWeb.refresh([pkg], ctx);
    expect(challenge.providerFailure).toMatchObject({
      kind: 'blocked',
      message: 'Canada Post asked for a check in the browser: open its tracking page',
      retryAt: NOW + BLOCKED_PAUSE_MS,
    });
    expect(challenge.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'blocked' } });

    server.answer({ status: 403, headers: { 'retry-after': String(12 * 3600) }, body: 'Forbidden' });
    const forbidden = await canadaPostWeb.refresh([pkg], ctx);
    expect(forbidden.providerFailure).toMatchObject({
      kind: 'blocked',
      status: 403,
      retryAt: NOW + 12 * HOUR,
    });
  });

  it('stops on a 401 without retrying: Canada Post has no session to renew', async () => {
    server.answer({ status: 401, body: 'Unauthorized' });
    const other = makePackage({ id: 'p-cp-2', number: '0073938000549297', carrier: 'canada_post' });
    const result = await canadaPostWeb.refresh([pkg, other], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.providerFailure).toMatchObject({ kind: 'blocked', status: 401 });
    expect(result.outcomes.map((o) => o.id).sort()).toEqual(['p-cp', 'p-cp-2']);
  });

  it('honours a 429’s Retry-After, and pauses at least two hours when it is shorter', async () => {
    server.answer({ status: 429, headers: { 'retry-after': String(5 * 3600) }, body: 'Too Many Requests' });
    const long = await canadaPostWeb.refresh([pkg], ctx);
    expect(long.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + 5 * HOUR });
    server.answer({ status: 429, headers: { 'retry-after': '60' }, body: '' });
    const short = await canadaPostWeb.refresh([pkg], ctx);
    expect(short.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + RATE_LIMIT_PAUSE_MS });
  });

  it('refuses a malformed answer and an answer about another number', async () => {
    server.answer({ status: 200, body: '{"pin": "7035114477138472", "events": [' });
    const broken = await canadaPostWeb.refresh([pkg], ctx);
    expect(broken.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'malformed' } });

    server.answer({
      status: 200,
      body: { ...(fixture('canadapost-web/detail-in-transit.json') as object), pin: '0073938000549297' },
    });
    const mismatch = await canadaPostWeb.refresh([pkg], ctx);
    expect(mismatch.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringContaining('answer for another number') },
    });
  });

  it('gives up on a carrier that does not answer in time', async () => {
    server.answer('hang');
    const result = await canadaPostWeb.refresh([pkg], { ...ctx, timeoutMs: 300 });
    expect(result.providerFailure).toMatchObject({
      kind: 'timeout',
      message: 'Canada Post did not answer in time',
    });
  });

  it('is asked only about Canada Post numbers', () => {
    expect(canadaPostWeb.supports(pkg)).toBe(true);
    expect(
      canadaPostWeb.supports(makePackage({ id: 'u', number: '1Z999AA10123456784', carrier: 'ups' })),
    ).toBe(false);
    expect(
      canadaPostWeb.supports(
        makePackage({ id: 'o', orderId: '111-2222222-3333333', carrier: 'canada_post' }),
      ),
    ).toBe(false);
  });
});
