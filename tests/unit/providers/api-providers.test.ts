import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aftership } from '../../../utils/providers/aftership';
import { dhl } from '../../../utils/providers/dhl';
import { fedex } from '../../../utils/providers/fedex';
import { memoryTokenCache } from '../../../utils/providers/oauth';
import { seventeenTrack } from '../../../utils/providers/seventeen-track';
import { ship24 } from '../../../utils/providers/ship24';
import type { ProviderContext, StatusProvider } from '../../../utils/providers/types';
import { ups } from '../../../utils/providers/ups';
import { usps } from '../../../utils/providers/usps';
import type { PackageRecord } from '../../../utils/store/types';
import {
  type Answer,
  type ContractServer,
  fixture,
  type RecordedRequest,
  startContractServer,
} from './contract-server';
import { makePackage, NOW } from './packages';

const upsPkg = makePackage({ id: 'p-ups', number: '1Z999AA10123456784', carrier: 'ups' });
const uspsPkg = makePackage({ id: 'p-usps', number: '9400111206206406260787', carrier: 'usps' });
const fedexPkg = makePackage({ id: 'p-fedex', number: '123456789012', carrier: 'fedex' });
const fedexMissing = makePackage({ id: 'p-fedex-2', number: '987654321098', carrier: 'fedex' });
const dhlPkg = makePackage({ id: 'p-dhl', number: 'JVGL0123456789012345', carrier: 'dhl' });
const dhlDePkg = makePackage({ id: 'p-dhlde', number: '00340434161094042557', carrier: 'dhl' });

let server: ContractServer;
let ctx: ProviderContext;
beforeAll(async () => {
  server = await startContractServer();
});
afterAll(() => server.close());
beforeEach(() => {
  ctx = {
    fetch,
    now: () => NOW,
    credentials: { apiKey: 'key-123', clientId: 'client-id', clientSecret: 'client-secret' },
    baseUrl: server.origin,
    timeoutMs: 5_000,
    tokens: memoryTokenCache(),
  };
});

const ok = (body: object): Answer => ({ status: 200, body });
const json = (request: RecordedRequest | undefined) => JSON.parse(request?.body ?? 'null');

describe('AfterShip 2025-01', () => {
  it('lists numbers with as-api-key and normalises tag, checkpoints and the estimate', async () => {
    server.answer(ok(fixture('aftership/trackings-success.json')));
    const result = await aftership.refresh([upsPkg], ctx);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/trackings?tracking_numbers=1Z999AA10123456784',
      body: '',
    });
    expect(server.requests[0]?.headers['as-api-key']).toBe('key-123');
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: {
        number: '1Z999AA10123456784',
        status: 'in_transit',
        statusText: 'Departure Scan',
        statusAt: Date.parse('2025-03-09T03:12:00-05:00'),
        eta: { start: '2025-03-12' },
        trackUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784',
      },
    });
    const detection = result.outcomes[0]?.ok ? result.outcomes[0].detection : undefined;
    expect(detection?.events?.map((e) => [e.status, e.location ?? null])).toEqual([
      ['in_transit', 'Louisville, KY, USA'],
      ['info_received', 'USA'],
    ]);
  });

  it('creates a tracking AfterShip does not hold yet, exactly once', async () => {
    server.answer(ok(fixture('aftership/trackings-empty.json')), {
      status: 201,
      body: fixture('aftership/create-pending.json'),
    });
    const result = await aftership.refresh([upsPkg], ctx);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /trackings?tracking_numbers=1Z999AA10123456784',
      'POST /trackings',
    ]);
    expect(json(server.requests[1])).toEqual({ tracking_number: '1Z999AA10123456784' });
    expect(server.requests[1]?.headers['content-type']).toBe('application/json');
    expect(result.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
    expect(result.providerFailure).toBeUndefined();
  });
});

describe('Ship24 v1', () => {
  it('reads an existing tracker with a Bearer key and applies the event UTC offsets', async () => {
    server.answer(ok(fixture('ship24/results-success.json')));
    const result = await ship24.refresh([dhlDePkg], ctx);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/trackers/search/00340434161094042557/results',
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer key-123');
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: {
        status: 'out_for_delivery',
        statusAt: Date.parse('2025-03-10T06:41:00Z'),
        eta: { start: '2025-03-10' },
        statusText: 'Die Sendung wurde in das Zustellfahrzeug geladen.',
      },
    });
  });

  it('creates the tracker with POST /trackers/track only when the search finds none', async () => {
    server.answer(
      { status: 404, body: fixture('ship24/not-found.json') },
      ok(fixture('ship24/results-success.json')),
    );
    const result = await ship24.refresh([dhlDePkg], ctx);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /trackers/search/00340434161094042557/results',
      'POST /trackers/track',
    ]);
    expect(json(server.requests[1])).toEqual({ trackingNumber: '00340434161094042557' });
    expect(server.requests[1]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(result.outcomes[0]?.ok).toBe(true);
  });
});

describe('DHL Shipment Tracking – Unified', () => {
  it('sends DHL-API-Key and reads "with delivery courier" as out for delivery with the time frame', async () => {
    server.answer(ok(fixture('dhl/shipments-success.json')));
    const result = await dhl.refresh([dhlPkg], ctx);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/track/shipments?trackingNumber=JVGL0123456789012345',
    });
    expect(server.requests[0]?.headers['dhl-api-key']).toBe('key-123');
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: {
        status: 'out_for_delivery',
        statusAt: Date.parse('2025-03-10T09:12:00Z'),
        eta: { start: '2025-03-10' },
      },
    });
    const events = result.outcomes[0]?.ok ? result.outcomes[0].detection.events : [];
    expect(events?.at(-1)).toMatchObject({
      status: 'info_received',
      location: 'SHENZHEN - CHINA MAINLAND, CN',
    });
  });

  it('maps a 404 to "not found" for that number only', async () => {
    server.answer(
      { status: 404, body: fixture('dhl/not-found.json') },
      ok(fixture('dhl/shipments-success.json')),
    );
    const other = { ...dhlPkg, id: 'p-dhl-b' };
    const result = await dhl.refresh([dhlDePkg, other], ctx);
    expect(server.requests).toHaveLength(2);
    expect(result.providerFailure).toBeUndefined();
    expect(result.outcomes.map((o) => o.ok || o.failure.kind)).toEqual(['not_found', true]);
  });
});

describe('USPS v3 (OAuth)', () => {
  it('gets a token once, then GETs tracking with expand=DETAIL', async () => {
    server.answer(ok(fixture('usps/token.json')), ok(fixture('usps/tracking-success.json')));
    const result = await usps.refresh([uspsPkg], ctx);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /oauth2/v3/token',
      'GET /tracking/v3/tracking/9400111206206406260787?expand=DETAIL',
    ]);
    expect(json(server.requests[0])).toEqual({
      client_id: 'client-id',
      client_secret: 'client-secret',
      grant_type: 'client_credentials',
    });
    expect(server.requests[1]?.headers.authorization).toBe('Bearer usps-access-token-1');
    expect(result.requests).toBe(2);
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: { status: 'delivered', statusAt: Date.parse('2025-03-10T09:23:00-04:00') },
    });
    const events = result.outcomes[0]?.ok ? result.outcomes[0].detection.events : [];
    expect(events?.map((e) => e.status)).toEqual(['delivered', 'out_for_delivery', 'in_transit']);

    // The cached token is reused by the next run.
    server.answer(ok(fixture('usps/tracking-success.json')));
    await usps.refresh([uspsPkg], ctx);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/tracking/v3/tracking/9400111206206406260787?expand=DETAIL',
    ]);
  });

  it('reports a rejected client secret (400 invalid_client) as unauthorised without tracking calls', async () => {
    server.answer({
      status: 400,
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
    });
    const result = await usps.refresh([uspsPkg], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.providerFailure).toMatchObject({ kind: 'unauthorized' });
  });
});

describe('UPS Track API v1 (OAuth)', () => {
  it('uses HTTP Basic for the token, then transId/transactionSrc headers; out for delivery with a window', async () => {
    server.answer(ok(fixture('ups/token.json')), ok(fixture('ups/details-success.json')));
    const result = await ups.refresh([upsPkg], ctx);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/security/v1/oauth/token',
      body: 'grant_type=client_credentials',
    });
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`,
    );
    expect(server.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.requests[1]).toMatchObject({
      method: 'GET',
      path: '/api/track/v1/details/1Z999AA10123456784?locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false',
    });
    expect(server.requests[1]?.headers.authorization).toBe('Bearer ups-access-token-1');
    expect(server.requests[1]?.headers.transactionsrc).toBe('doorstep');
    expect(server.requests[1]?.headers.transid).toMatch(/^[0-9a-f]{32}$/);
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      detection: {
        status: 'out_for_delivery',
        statusText: 'Out For Delivery Today',
        statusAt: Date.parse('2025-03-10T12:14:00Z'),
        eta: { start: '2025-03-10', by: '17:00' },
      },
    });
    const events = result.outcomes[0]?.ok ? result.outcomes[0].detection.events : [];
    // gmtTime "24000" is 02:40:00 UTC (UPS does not zero-pad).
    expect(events?.[1]?.at).toBe(Date.parse('2025-03-10T02:40:00Z'));
    expect(events?.[2]?.status).toBe('info_received');
  });

  it('maps UPS 404 to not found', async () => {
    server.answer(ok(fixture('ups/token.json')), { status: 404, body: fixture('ups/not-found.json') });
    const result = await ups.refresh([upsPkg], ctx);
    expect(result.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'not_found', status: 404 } });
    expect(result.providerFailure).toBeUndefined();
  });
});

describe('FedEx Track API v1 (OAuth)', () => {
  it('posts the form token request and one batch; reads the per-number error inside HTTP 200', async () => {
    server.answer(ok(fixture('fedex/token.json')), ok(fixture('fedex/track-success.json')));
    const result = await fedex.refresh([fedexPkg, fedexMissing], ctx);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/oauth/token',
      body: 'grant_type=client_credentials&client_id=client-id&client_secret=client-secret',
    });
    expect(server.requests[1]).toMatchObject({ method: 'POST', path: '/track/v1/trackingnumbers' });
    expect(server.requests[1]?.headers['x-locale']).toBe('en_US');
    expect(server.requests[1]?.headers.authorization).toBe('Bearer fedex-access-token-1');
    expect(json(server.requests[1])).toEqual({
      includeDetailedScans: true,
      trackingInfo: [
        { trackingNumberInfo: { trackingNumber: '123456789012' } },
        { trackingNumberInfo: { trackingNumber: '987654321098' } },
      ],
    });
    const byId = Object.fromEntries(result.outcomes.map((o) => [o.id, o]));
    expect(byId['p-fedex']).toMatchObject({
      ok: true,
      detection: {
        status: 'failed_attempt',
        eta: { start: '2025-03-11' },
        statusAt: Date.parse('2025-03-10T08:05:00-05:00'),
      },
    });
    const events = byId['p-fedex']?.ok ? byId['p-fedex'].detection.events : [];
    expect(events?.map((e) => e.status)).toEqual(['failed_attempt', 'out_for_delivery', 'info_received']);
    expect(byId['p-fedex-2']).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
  });
});

/** The error matrix every provider must type the same way. `steps` are answers before the request under test. */
const matrix: { provider: StatusProvider; pkg: PackageRecord; before: Answer[] }[] = [
  { provider: seventeenTrack, pkg: upsPkg, before: [] },
  { provider: aftership, pkg: upsPkg, before: [] },
  { provider: ship24, pkg: dhlDePkg, before: [] },
  { provider: dhl, pkg: dhlPkg, before: [] },
  { provider: usps, pkg: uspsPkg, before: [ok(fixture('usps/token.json'))] },
  { provider: ups, pkg: upsPkg, before: [ok(fixture('ups/token.json'))] },
  { provider: fedex, pkg: fedexPkg, before: [ok(fixture('fedex/token.json'))] },
];

describe.each(matrix)('$provider.name: typed failures', ({ provider, pkg, before }) => {
  const run = async (answer: Answer) => {
    server.answer(...before, answer);
    ctx.tokens = memoryTokenCache();
    return provider.refresh(
      [pkg, { ...pkg, id: `${pkg.id}-second`, number: `${pkg.number?.slice(0, -1)}0` }],
      ctx,
    );
  };

  it('401 → unauthorised, the whole batch, no further requests', async () => {
    const result = await run({ status: 401, body: { error: 'unauthorized' } });
    expect(result.providerFailure).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(result.outcomes).toHaveLength(2);
    expect(result.outcomes.every((o) => !o.ok && o.failure.kind === 'unauthorized')).toBe(true);
    expect(server.requests).toHaveLength(before.length + 1);
  });

  it('429 with Retry-After (seconds and HTTP-date) → rate limited until then', async () => {
    const seconds = await run({ status: 429, headers: { 'retry-after': '90' }, body: {} });
    expect(seconds.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + 90_000 });
    const date = await run({
      status: 429,
      headers: { 'retry-after': new Date(NOW + 300_000).toUTCString() },
      body: {},
    });
    expect(date.providerFailure).toMatchObject({ kind: 'rate_limited', retryAt: NOW + 300_000 });
    expect(date.outcomes.every((o) => !o.ok)).toBe(true);
  });

  it('500 → server failure', async () => {
    const result = await run({ status: 500, body: 'oops' });
    expect(result.providerFailure).toMatchObject({ kind: 'server', status: 500 });
  });

  it('malformed JSON → malformed, nothing stored', async () => {
    const result = await run({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"data": [',
    });
    expect(result.outcomes.every((o) => !o.ok && o.failure.kind === 'malformed')).toBe(true);
  });

  it('no answer → timeout', async () => {
    ctx.timeoutMs = 300;
    const result = await run('hang');
    expect(result.providerFailure).toMatchObject({ kind: 'timeout' });
    expect(result.outcomes).toHaveLength(2);
  });
});
