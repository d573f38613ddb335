import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOCKED_PAUSE_MS, RATE_LIMIT_PAUSE_MS } from '../../../../utils/carrier-web/request';
import { UPS_XSRF_COOKIE, upsWeb } from '../../../../utils/carriers/ups/web';
import type { ProviderContext } from '../../../../utils/providers/types';
import {
  type Answer,
  type ContractServer,
  fixture,
  type RecordedRequest,
  startContractServer,
} from '../contract-server';
import { makePackage, NOW } from '../packages';

/**
 * Contract of the keyless UPS adapter against a local server answering as ups.com's page and its GetStatus endpoint
 * do (shapes cited in utils/carriers/ups/web.ts). Plain HTTP on 127.0.0.1, for the reason given in
 * canada-post.test.ts. The browser's cookie jar is played by `jar`: loading the tracking page sets a fresh XSRF
 * token in it, as UPS's Set-Cookie does in the user's browser; every fetch's credentials mode is recorded, since
 * the session cookies themselves travel with the browser's jar, not in code.
 */

const NUMBER = '1Z999AA10123456784';
const pkg = makePackage({ id: 'p-ups', number: NUMBER, carrier: 'ups' });
const STATUS_PATH = '/track/api/Track/GetStatus?loc=en_US';
const PAGE_PATH = '/track?loc=en_US';
const HOUR = 3_600_000;

let server: ContractServer;
let ctx: ProviderContext;
let jar: Map<string, string>;
let credentials: (RequestCredentials | undefined)[];
let tokenGeneration: number;
beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());
beforeEach(() => {
  jar = new Map([[UPS_XSRF_COOKIE, 'token-1']]);
  credentials = [];
  tokenGeneration = 1;
  ctx = {
    fetch: (input, init) => {
      credentials.push(init?.credentials);
      return fetch(input, init);
    },
    now: () => NOW,
    credentials: {},
    baseUrl: server.origin,
    // Generous: the first request of a file can be slow on a loaded machine; the timeout test sets its own.
    timeoutMs: 5_000,
    cookie: async (url, name) => {
      expect(url).toBe('https://www.ups.com/');
      return jar.get(name);
    },
  };
});

/** The tracking page: a new session and token, as UPS sets them on load. */
const page = (request: RecordedRequest): Answer => {
  expect(request).toMatchObject({ method: 'GET', path: PAGE_PATH, body: '' });
  tokenGeneration++;
  jar.set(UPS_XSRF_COOKIE, `token-${tokenGeneration}`);
  return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>UPS</html>' };
};
const ok = (body: object): Answer => ({ status: 200, body });
const expectStatusRequest = (request: RecordedRequest | undefined, token: string) => {
  expect(request).toMatchObject({ method: 'POST', path: STATUS_PATH });
  expect(JSON.parse(request?.body ?? '')).toEqual({ Locale: 'en_US', TrackingNumber: [NUMBER] });
  expect(request?.headers).toMatchObject({
    'x-xsrf-token': token,
    'content-type': 'application/json',
    accept: 'application/json',
  });
};

describe('UPS, keyless (the page’s own GetStatus, with the user’s session)', () => {
  it('asks with the session’s XSRF token and nothing but the number, and reads the history', async () => {
    server.answer(ok(fixture('ups-web/getstatus-success.json')));
    const result = await upsWeb.refresh([pkg], ctx);
    expect(server.requests).toHaveLength(1);
    expectStatusRequest(server.requests[0], 'token-1');
    expect(credentials).toEqual(['include']);
    expect(result).toMatchObject({ requests: 1 });
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: {
        number: NUMBER,
        status: 'out_for_delivery',
        statusText: 'Out For Delivery Today',
        statusAt: Date.UTC(2025, 2, 10, 11, 12),
        trackUrl: `https://www.ups.com/track?loc=en_US&tracknum=${NUMBER}`,
        source: { kind: 'refresh', url: 'https://www.ups.com/track', seenAt: NOW },
      },
    });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    expect(detection?.events).toHaveLength(3);
  });

  it('renews an expired session once on 401: loads the page, then asks again with the new token', async () => {
    server.answer({ status: 401, body: '' }, page, ok(fixture('ups-web/getstatus-success.json')));
    const result = await upsWeb.refresh([pkg], ctx);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${STATUS_PATH}`,
      `GET ${PAGE_PATH}`,
      `POST ${STATUS_PATH}`,
    ]);
    expectStatusRequest(server.requests[0], 'token-1');
    expectStatusRequest(server.requests[2], 'token-2');
    expect(credentials).toEqual(['include', 'include', 'include']);
    expect(result).toMatchObject({ requests: 3, outcomes: [{ ok: true }] });
    expect(result.providerFailure).toBeUndefined();
  });

  it('loads the page first when the browser has no UPS session yet', async () => {
    jar.clear();
    server.answer(page, ok(fixture('ups-web/getstatus-success.json')));
    const result = await upsWeb.refresh([pkg], ctx);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expectStatusRequest(server.requests[1], 'token-2');
    expect(result.outcomes[0]?.ok).toBe(true);
  });

  it('stops after one renewal: a second refusal asks the user to open the page, and pauses UPS for hours', async () => {
    server.answer({ status: 403, body: 'Forbidden' }, page, { status: 403, body: 'Forbidden' });
    const result = await upsWeb.refresh([pkg], ctx);
    expect(server.requests).toHaveLength(3);
    expect(result.providerFailure).toMatchObject({
      kind: 'blocked',
      message: 'UPS asked for a check in the browser: open its tracking page',
      retryAt: NOW + BLOCKED_PAUSE_MS,
    });
  });

  it('takes a challenge page for what it is', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>Access Denied</html>',
    });
    const result = await upsWeb.refresh([pkg], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.providerFailure).toMatchObject({ kind: 'blocked' });
  });

  it('says "not found" only on UPS’s own "no record" answer', async () => {
    server.answer(ok(fixture('ups-web/getstatus-not-found.json')));
    const result = await upsWeb.refresh([pkg], ctx);
    expect(result.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'not_found', message: 'UPS has no record of this number yet' },
    });
    expect(result.providerFailure).toBeUndefined();
    server.answer(ok({ statusCode: '402', statusText: 'Bad request' }));
    const refused = await upsWeb.refresh([pkg], ctx);
    expect(refused.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
  });

  it('honours a 429’s Retry-After and pauses at least two hours', async () => {
    server.answer({ status: 429, headers: { 'retry-after': String(4 * 3600) }, body: '' });
    expect((await upsWeb.refresh([pkg], ctx)).providerFailure).toMatchObject({
      kind: 'rate_limited',
      retryAt: NOW + 4 * HOUR,
    });
    server.answer({ status: 429, body: '' });
    expect((await upsWeb.refresh([pkg], ctx)).providerFailure).toMatchObject({
      kind: 'rate_limited',
      retryAt: NOW + RATE_LIMIT_PAUSE_MS,
    });
  });

  it('refuses a malformed answer and an answer about another number', async () => {
    server.answer({ status: 200, body: '{"trackDetails": [' });
    expect((await upsWeb.refresh([pkg], ctx)).outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed' },
    });
    const other = JSON.parse(JSON.stringify(fixture('ups-web/getstatus-success.json')));
    other.trackDetails[0].requestedTrackingNumber = '1Z12345E6605272234';
    other.trackDetails[0].trackingNumber = '1Z12345E6605272234';
    server.answer(ok(other));
    expect((await upsWeb.refresh([pkg], ctx)).outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringContaining('answer for another number') },
    });
  });

  it('gives up on a UPS that does not answer in time', async () => {
    server.answer('hang');
    expect((await upsWeb.refresh([pkg], { ...ctx, timeoutMs: 300 })).providerFailure).toMatchObject({
      kind: 'timeout',
    });
  });

  it('sends nothing without the cookies permission, and says why', async () => {
    const noCookies = {
      ...ctx,
      cookie: async () => Promise.reject(new Error('cookies permission not granted')),
    };
    server.answer(ok(fixture('ups-web/getstatus-success.json')));
    const result = await upsWeb.refresh([pkg], noCookies);
    expect(server.requests).toHaveLength(0);
    expect(result.outcomes[0]).toMatchObject({
      ok: false,
      failure: {
        kind: 'permission',
        message: 'Doorstep is not allowed to contact UPS: enable it again in the options',
      },
    });
    const { cookie: _cookie, ...withoutApi } = ctx;
    expect((await upsWeb.refresh([pkg], withoutApi)).providerFailure).toMatchObject({ kind: 'permission' });
    expect(server.requests).toHaveLength(0);
  });
});
