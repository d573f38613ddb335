import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOCKED_PAUSE_MS, RATE_LIMIT_PAUSE_MS } from '../../../../utils/carrier-web/request';
import { ontracWeb, readOntracTracking } from '../../../../utils/carriers/ontrac/web';
import type { ProviderContext } from '../../../../utils/providers/types';
import { type ContractServer, fixture, startContractServer } from '../contract-server';
import { makePackage, NOW } from '../packages';

/**
 * Contract of the keyless OnTrac adapter against a local server answering in the shapes of OnTrac's tracking
 * service (utils/carriers/ontrac/web.ts cites where they come from). Plain HTTP on 127.0.0.1 for the reason given
 * in canada-post.test.ts.
 */

const NUMBER = 'C10999911320231';
const pkg = makePackage({ id: 'p-ot', number: NUMBER, carrier: 'ontrac' });
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

describe('OnTrac, keyless (PackageServices/tracking)', () => {
  it('asks for the number alone, without cookies, and reads status, forecast and history', async () => {
    server.answer({ status: 200, body: fixture('ontrac-web/tracking-out-for-delivery.json') });
    const result = await ontracWeb.refresh([pkg], ctx);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', path: `/PackageServices/tracking/${NUMBER}`, body: '' });
    expect(request?.headers).toMatchObject({ accept: 'application/json' });
    expect(request?.headers.cookie).toBeUndefined();
    expect(result).toMatchObject({ requests: 1 });
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: {
        number: NUMBER,
        status: 'out_for_delivery',
        statusText: 'Package is out for delivery',
        statusAt: Date.parse('2025-03-10T06:41:00-07:00'),
        eta: { start: '2025-03-10' },
        trackUrl: `https://www.ontrac.com/tracking/?number=${NUMBER}`,
      },
    });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    expect(detection?.events?.map((e) => [e.status, e.location])).toEqual([
      ['out_for_delivery', 'Santa Ana, CA'],
      ['in_transit', 'Commerce, CA'],
      ['info_received', undefined],
    ]);
  });

  it('reads a delivery from OnTrac’s DLVD code and drops the forecast; the words alone are not enough', async () => {
    server.answer({ status: 200, body: fixture('ontrac-web/tracking-delivered.json') });
    const result = await ontracWeb.refresh([pkg], ctx);
    expect(result.outcomes[0]).toMatchObject({ ok: true, detection: { status: 'delivered' } });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    expect(detection?.eta).toBeUndefined();
    const body = JSON.parse(
      JSON.stringify(fixture('ontrac-web/tracking-delivered.json')).replace('"DLVD"', '"ZZZZ"'),
    );
    const reading = readOntracTracking(body, NUMBER, NOW);
    expect(reading.kind === 'found' && reading.facts.status).toBe('in_transit');
  });

  it('says "not found" only on OnTrac’s problem-details 404; any other 404 is "couldn’t check"', async () => {
    server.answer({
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify(fixture('ontrac-web/not-found.json')),
    });
    const unknown = await ontracWeb.refresh([pkg], ctx);
    expect(unknown.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'not_found', message: 'OnTrac has no record of this number yet' },
    });
    expect(unknown.providerFailure).toBeUndefined();

    for (const answer of [
      { status: 404, body: '<html>Not Found</html>' },
      { status: 404, body: { Title: 'Gone fishing', Status: 404 } },
      { status: 200, body: '' },
      { status: 200, body: { Packages: [] } },
      { status: 200, body: { Packages: [{ Tracking: NUMBER, Events: [] }] } },
    ]) {
      server.answer(answer);
      const result = await ontracWeb.refresh([pkg], ctx);
      const outcome = result.outcomes[0];
      expect(outcome?.ok).toBe(false);
      if (outcome && !outcome.ok) expect(outcome.failure.kind).toBe('malformed');
    }
  });

  it('backs off for hours on a challenge page or a 403, honouring a longer Retry-After', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><title>Attention Required! | Cloudflare</title>',
    });
    const challenge = await ontracWeb.refresh([pkg], ctx);
    expect(challenge.providerFailure).toMatchObject({
      kind: 'blocked',
      message: 'OnTrac asked for a check in the browser: open its tracking page',
      retryAt: NOW + BLOCKED_PAUSE_MS,
    });
    server.answer({ status: 403, headers: { 'retry-after': String(8 * 3600) }, body: '' });
    const forbidden = await ontracWeb.refresh([pkg], ctx);
    expect(forbidden.providerFailure).toMatchObject({
      kind: 'blocked',
      status: 403,
      retryAt: NOW + 8 * HOUR,
    });
  });

  it('stops on a 401 without retrying: OnTrac’s tracking has no session to renew', async () => {
    server.answer({ status: 401, body: '' });
    const other = makePackage({ id: 'p-ls', number: '1LS717000041785', carrier: 'lasership' });
    const result = await ontracWeb.refresh([pkg, other], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.providerFailure).toMatchObject({ kind: 'blocked', status: 401 });
    expect(result.outcomes).toHaveLength(2);
  });

  it('honours a 429’s Retry-After, and pauses at least two hours when it is shorter', async () => {
    server.answer({ status: 429, headers: { 'retry-after': String(3 * 3600) }, body: '' });
    const long = await ontracWeb.refresh([pkg], ctx);
    expect(long.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + 3 * HOUR });
    server.answer({ status: 429, body: '' });
    const bare = await ontracWeb.refresh([pkg], ctx);
    expect(bare.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + RATE_LIMIT_PAUSE_MS });
  });

  it('refuses a malformed answer and an answer about another number', async () => {
    server.answer({ status: 200, body: '{"Packages": [{"Tracking": ' });
    const broken = await ontracWeb.refresh([pkg], ctx);
    expect(broken.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    const other = JSON.parse(
      JSON.stringify(fixture('ontrac-web/tracking-out-for-delivery.json')).replace(NUMBER, 'C11031500001879'),
    );
    server.answer({ status: 200, body: other });
    const mismatch = await ontracWeb.refresh([pkg], ctx);
    expect(mismatch.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringContaining('answer for another number') },
    });
  });

  it('gives up on a carrier that does not answer in time', async () => {
    server.answer('hang');
    const result = await ontracWeb.refresh([pkg], { ...ctx, timeoutMs: 300 });
    expect(result.providerFailure).toMatchObject({
      kind: 'timeout',
      message: 'OnTrac did not answer in time',
    });
  });

  it('is asked about OnTrac and LaserShip numbers only', () => {
    expect(ontracWeb.supports(pkg)).toBe(true);
    expect(
      ontracWeb.supports(makePackage({ id: 'l', number: '1LS717000041785', carrier: 'lasership' })),
    ).toBe(true);
    expect(ontracWeb.supports(makePackage({ id: 'u', number: '1Z999AA10123456784', carrier: 'ups' }))).toBe(
      false,
    );
  });
});
