import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seventeenTrack } from '../../../utils/providers/seventeen-track';
import type { ProviderContext } from '../../../utils/providers/types';
import { type ContractServer, fixture, startContractServer } from './contract-server';
import { makePackage, NOW } from './packages';

const ups = makePackage({ id: 'p-ups', number: '1Z999AA10123456784', carrier: 'ups' });
const usps = makePackage({ id: 'p-usps', number: '9400111206206406260787', carrier: 'usps' });

describe('17TRACK v2.2 provider against a local server', () => {
  let server: ContractServer;
  let ctx: ProviderContext;
  beforeAll(async () => {
    server = await startContractServer();
    ctx = {
      fetch,
      now: () => NOW,
      credentials: { apiKey: 'test-17-key' },
      baseUrl: `${server.origin}/track/v2.2`,
      timeoutMs: 5_000,
    };
  });
  afterAll(() => server.close());

  it('reads two numbers in one POST and normalises status, events and the estimate', async () => {
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-success.json') });
    const result = await seventeenTrack.refresh([ups, usps], ctx);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/track/v2.2/gettrackinfo');
    expect(request?.headers['17token']).toBe('test-17-key');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual([
      { number: '1Z999AA10123456784' },
      { number: '9400111206206406260787' },
    ]);

    expect(result.requests).toBe(1);
    expect(result.providerFailure).toBeUndefined();
    const byId = Object.fromEntries(result.outcomes.map((o) => [o.id, o]));
    const upsOutcome = byId['p-ups'];
    expect(upsOutcome?.ok).toBe(true);
    if (!upsOutcome?.ok) return;
    expect(upsOutcome.detection).toMatchObject({
      number: '1Z999AA10123456784',
      status: 'out_for_delivery',
      statusText: 'Out For Delivery Today',
      statusAt: Date.parse('2025-03-10T12:14:00Z'),
      eta: { start: '2025-03-10' },
      source: { kind: 'refresh', seenAt: NOW },
    });
    expect(upsOutcome.detection.events?.map((e) => e.status)).toEqual([
      'out_for_delivery',
      'in_transit',
      'in_transit',
      'info_received',
    ]);
    expect(upsOutcome.detection.events?.[1]).toEqual({
      at: Date.parse('2025-03-10T02:40:00Z'),
      status: 'in_transit',
      description: 'Arrived at Facility',
      location: 'Parsippany, NJ, US',
    });
    const uspsOutcome = byId['p-usps'];
    expect(uspsOutcome?.ok && uspsOutcome.detection.status).toBe('returned');
    expect(uspsOutcome?.ok && uspsOutcome.detection.eta).toBeUndefined();
  });

  it('registers a number 17TRACK does not know yet, then reads it again', async () => {
    server.answer(
      { status: 200, body: fixture('17track/gettrackinfo-not-registered.json') },
      { status: 200, body: fixture('17track/register-accepted.json') },
      { status: 200, body: fixture('17track/gettrackinfo-no-info.json') },
    );
    const result = await seventeenTrack.refresh([ups], ctx);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/track/v2.2/gettrackinfo',
      '/track/v2.2/register',
      '/track/v2.2/gettrackinfo',
    ]);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual([{ number: '1Z999AA10123456784' }]);
    expect(result.requests).toBe(3);
    expect(result.outcomes).toEqual([
      { id: 'p-ups', ok: false, failure: expect.objectContaining({ kind: 'not_found' }) },
    ]);
    expect(result.providerFailure).toBeUndefined();
  });

  it('reports "no information yet" as not found without registering again', async () => {
    server.answer({ status: 200, body: fixture('17track/gettrackinfo-no-info.json') });
    const result = await seventeenTrack.refresh([ups], ctx);
    expect(server.requests).toHaveLength(1);
    expect(result.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
  });

  it('treats HTTP 401 and an invalid-token envelope as unauthorised for the whole provider', async () => {
    server.answer({ status: 401, body: { code: 401, data: null } });
    const http401 = await seventeenTrack.refresh([ups, usps], ctx);
    expect(http401.providerFailure).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(http401.outcomes.every((o) => !o.ok && o.failure.kind === 'unauthorized')).toBe(true);

    server.answer({ status: 200, body: fixture('17track/invalid-token.json') });
    const envelope = await seventeenTrack.refresh([ups], ctx);
    expect(envelope.providerFailure?.kind).toBe('unauthorized');
  });

  it('honours Retry-After on 429', async () => {
    server.answer({ status: 429, headers: { 'retry-after': '120' }, body: { code: 429 } });
    const result = await seventeenTrack.refresh([ups], ctx);
    expect(result.providerFailure).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      retryAt: NOW + 120_000,
    });
    expect(result.outcomes[0]).toMatchObject({ ok: false, failure: { kind: 'rate_limited' } });
  });

  it('reports 500, malformed JSON and a timeout as typed failures', async () => {
    server.answer({ status: 500, body: 'Internal Server Error' });
    expect((await seventeenTrack.refresh([ups], ctx)).providerFailure).toMatchObject({
      kind: 'server',
      status: 500,
    });

    server.answer({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"code":0,"data":{"accepted":[',
    });
    expect((await seventeenTrack.refresh([ups], ctx)).providerFailure).toMatchObject({ kind: 'malformed' });

    server.answer('hang');
    const timedOut = await seventeenTrack.refresh([ups], { ...ctx, timeoutMs: 300 });
    expect(timedOut.providerFailure).toMatchObject({ kind: 'timeout' });
    expect(timedOut.outcomes).toHaveLength(1);
  });

  it('refuses an answer whose fields break the detection schema instead of storing it', async () => {
    const hostile = fixture('17track/gettrackinfo-success.json') as {
      data: { accepted: { track_info: object }[] };
    };
    const first = hostile.data.accepted[0];
    if (first) {
      first.track_info = {
        ...first.track_info,
        latest_event: { time_utc: '2025-03-10T12:14:00Z', description: 'x'.repeat(5000) },
        latest_status: { status: 'Delivered' },
      };
    }
    server.answer({ status: 200, body: hostile });
    const result = await seventeenTrack.refresh([ups], ctx);
    const outcome = result.outcomes.find((o) => o.id === 'p-ups');
    // Over-long text is cut to the schema's bound rather than rejected; the status still comes through.
    expect(outcome?.ok && outcome.detection.statusText?.length).toBe(300);
  });

  it('needs a key and sends nothing without one', async () => {
    server.answer({ status: 200, body: {} });
    const result = await seventeenTrack.refresh([ups], { ...ctx, credentials: {} });
    expect(server.requests).toHaveLength(0);
    expect(result.providerFailure?.kind).toBe('not_configured');
  });
});
