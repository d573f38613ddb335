import type { PackageRecord, PackageStatus } from '../store/types';
import { eachPackage, notConfigured, packageFailed } from './batch';
import { originOf, SHIP24_API } from './catalogue';
import { failure, joinUrl, requestJson } from './http';
import { cleanEvents, etaFrom, failOne, joinLocation, parseInstant, refreshOutcome } from './normalize';
import { asArray, asString, at } from './read';
import type { PackageOutcome, ProviderContext, RefreshResult, StatusProvider } from './types';

/**
 * Ship24 Tracking API v1 (reference §4.3). Existing trackers are read with `GET /trackers/search/{number}/results`
 * (no new shipment counted); only a number Ship24 does not know is created with `POST /trackers/track`, which
 * creates the tracker and returns its results in one call.
 */

const NAME = 'Ship24';
export const SHIP24_BASE = `${SHIP24_API}/public/v1`;

const MILESTONE_STATUS: Record<string, PackageStatus> = {
  pending: 'unknown',
  info_received: 'info_received',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  failed_attempt: 'failed_attempt',
  available_for_pickup: 'available_for_pickup',
  delivered: 'delivered',
  exception: 'exception',
};

export function ship24Status(milestone: unknown, statusCode: unknown): PackageStatus {
  // Status codes refine the milestone, e.g. "exception_return_to_sender" / "delivery_delivered".
  if (typeof statusCode === 'string' && /return/.test(statusCode)) return 'returned';
  return (typeof milestone === 'string' && MILESTONE_STATUS[milestone]) || 'unknown';
}

export const ship24: StatusProvider = {
  id: 'ship24',
  name: NAME,
  origins: [originOf(SHIP24_API)],
  needs: ['apiKey'],
  maxBatch: 10,
  requestPerPackage: true,
  budget: { perHour: 600, perDay: 5000, concurrency: 2, minSpacingMs: 150 },
  supports: (pkg) => Boolean(pkg.number),
  refresh: refreshShip24,
};

async function refreshShip24(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const key = ctx.credentials.apiKey;
  if (!key) return notConfigured(packages, NAME);
  const base = ctx.baseUrl ?? SHIP24_BASE;
  const headers = {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json; charset=utf-8',
    accept: 'application/json',
  };
  return eachPackage(packages, async (pkg) => {
    if (!pkg.number) return { outcome: notFound(pkg, 'no tracking number'), requests: 0 };
    const searched = await requestJson(
      ctx,
      NAME,
      joinUrl(base, `trackers/search/${encodeURIComponent(pkg.number)}/results`),
      { method: 'GET', headers },
    );
    if (searched.ok) return { outcome: readTrackings(pkg, searched.json, ctx.now()), requests: 1 };
    // Only a number Ship24 does not know is worth creating; any other failure stops the batch.
    if (searched.failure.kind !== 'not_found') return packageFailed(pkg, searched.failure, 1);
    const created = await requestJson(ctx, NAME, joinUrl(base, 'trackers/track'), {
      method: 'POST',
      headers,
      body: JSON.stringify({ trackingNumber: pkg.number }),
    });
    if (!created.ok) return packageFailed(pkg, created.failure, 2);
    const outcome = readTrackings(pkg, created.json, ctx.now());
    return {
      outcome: outcome.ok ? outcome : notFound(pkg, 'added; first results usually take a few minutes'),
      requests: 2,
    };
  });
}

function notFound(pkg: PackageRecord, detail: string): PackageOutcome {
  return failOne(pkg, failure('not_found', NAME, { detail }));
}

function readTrackings(pkg: PackageRecord, json: unknown, now: number): PackageOutcome {
  const trackings = at(json, 'data', 'trackings');
  if (!Array.isArray(trackings)) return failOne(pkg, failure('malformed', NAME));
  const tracking = trackings[0];
  if (!tracking) return notFound(pkg, 'no carrier data yet');
  const shipment = at(tracking, 'shipment');
  const status = ship24Status(at(shipment, 'statusMilestone'), at(shipment, 'statusCode'));
  if (status === 'unknown') return notFound(pkg, 'no carrier data yet');
  const events = cleanEvents(
    asArray(at(tracking, 'events')).map((event) => ({
      at: withOffset(at(event, 'occurrenceDatetime'), at(event, 'utcOffset')),
      status: ship24Status(at(event, 'statusMilestone'), at(event, 'statusCode')),
      description: at(event, 'status'),
      location: at(event, 'location') ?? joinLocation(at(event, 'location', 'city')),
    })),
    now,
  );
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: events[0]?.description,
      statusAt: events[0]?.at,
      eta: etaFrom(at(shipment, 'delivery', 'estimatedDeliveryDate')),
      events,
      sourceUrl: `${SHIP24_API}/`,
    },
    now,
    NAME,
  );
}

/** Ship24 gives local times plus a separate UTC offset ("-04:00"); a time that carries its own offset wins. */
function withOffset(datetime: unknown, offset: unknown): number | undefined {
  const text = asString(datetime);
  if (!text) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const zone = asString(offset);
  if (!hasZone && zone && /^[+-]\d{2}:\d{2}$/.test(zone)) return parseInstant(`${text}${zone}`);
  return parseInstant(hasZone ? text : `${text}Z`);
}
