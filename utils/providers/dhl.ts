import type { PackageRecord, PackageStatus } from '../store/types';
import { eachPackage, notConfigured, packageFailed } from './batch';
import { DHL_API, originOf } from './catalogue';
import { failure, joinUrl, requestJson } from './http';
import { cleanEvents, etaFrom, failOne, joinLocation, parseInstant, refreshOutcome } from './normalize';
import { asArray, at } from './read';
import type { PackageOutcome, ProviderContext, RefreshResult, StatusProvider } from './types';

/**
 * DHL Shipment Tracking – Unified (reference §4.8): `GET /track/shipments?trackingNumber=` with `DHL-API-Key`.
 * The starter quota is 250 calls a day at about one call per second, reset at 00:00 GMT, hence the small budget.
 */

const NAME = 'DHL';
export const DHL_BASE = DHL_API;

/** DHL's coarse statusCode, refined by the description where DHL has no code of its own. */
export function dhlStatus(statusCode: unknown, description: unknown): PackageStatus {
  const text = typeof description === 'string' ? description.toLowerCase() : '';
  if (/returned to (the )?sender|return(ed)? to shipper|zurück(gesendet| an den absender)/.test(text))
    return 'returned';
  switch (statusCode) {
    case 'pre-transit':
      return 'info_received';
    case 'transit':
      if (
        /out for delivery|out with courier|with (the )?delivery courier|in zustellung|zustellfahrzeug/.test(
          text,
        )
      )
        return 'out_for_delivery';
      if (/ready for (pick[- ]?up|collection)|available for pick[- ]?up|zur abholung/.test(text))
        return 'available_for_pickup';
      return 'in_transit';
    case 'delivered':
      return 'delivered';
    case 'failure':
      return /attempt|not (be )?delivered|nicht zugestellt/.test(text) ? 'failed_attempt' : 'exception';
    default:
      return 'unknown';
  }
}

export const dhl: StatusProvider = {
  id: 'dhl',
  name: NAME,
  origins: [originOf(DHL_API)],
  needs: ['apiKey'],
  maxBatch: 1,
  requestPerPackage: true,
  budget: { perHour: 40, perDay: 240, concurrency: 1, minSpacingMs: 1_100 },
  supports: (pkg) => Boolean(pkg.number) && (pkg.carrier === 'dhl' || pkg.carrier === undefined),
  refresh: refreshDhl,
};

async function refreshDhl(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const key = ctx.credentials.apiKey;
  if (!key) return notConfigured(packages, NAME);
  const base = ctx.baseUrl ?? DHL_BASE;
  return eachPackage(packages, async (pkg) => {
    if (!pkg.number) return { outcome: failOne(pkg, failure('not_found', NAME)), requests: 0 };
    const url = `${joinUrl(base, 'track/shipments')}?${new URLSearchParams({ trackingNumber: pkg.number })}`;
    const answer = await requestJson(ctx, NAME, url, {
      method: 'GET',
      headers: { 'DHL-API-Key': key, accept: 'application/json' },
    });
    if (!answer.ok) return packageFailed(pkg, answer.failure, 1);
    return { outcome: readShipment(pkg, answer.json, ctx.now()), requests: 1 };
  });
}

function readShipment(pkg: PackageRecord, json: unknown, now: number): PackageOutcome {
  const shipments = at(json, 'shipments');
  if (!Array.isArray(shipments)) return failOne(pkg, failure('malformed', NAME));
  const shipment = shipments[0];
  if (!shipment) return failOne(pkg, failure('not_found', NAME));
  const current = at(shipment, 'status');
  const status = dhlStatus(at(current, 'statusCode'), dhlWording(current));
  if (status === 'unknown')
    return failOne(pkg, failure('not_found', NAME, { detail: 'no carrier data yet' }));
  const events = cleanEvents(asArray(at(shipment, 'events')).map(readDhlEvent), now);
  const frame = at(shipment, 'estimatedDeliveryTimeFrame');
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: at(current, 'description') ?? at(current, 'status'),
      statusAt: parseInstant(at(current, 'timestamp')) ?? events[0]?.at,
      eta: etaFrom(
        at(frame, 'estimatedFrom') ?? at(shipment, 'estimatedTimeOfDelivery'),
        at(frame, 'estimatedThrough'),
      ),
      events,
      sourceUrl: `${DHL_API}/`,
    },
    now,
    NAME,
  );
}

/** DHL puts a short status ("WITH DELIVERY COURIER") and a sentence side by side; both carry meaning. */
/** The words of a status or event, for `dhlStatus` (DHL's API and its own page's utapi share this shape). */
export function dhlWording(entry: unknown): string {
  return [at(entry, 'status'), at(entry, 'description')].filter((x) => typeof x === 'string').join(' · ');
}

/** One event of a DHL shipment, as the Shipment Tracking API and the page's utapi both give it. */
export function readDhlEvent(event: unknown) {
  return {
    at: parseInstant(at(event, 'timestamp')),
    status: dhlStatus(at(event, 'statusCode'), dhlWording(event)),
    description: at(event, 'description') ?? at(event, 'status'),
    location: joinLocation(
      at(event, 'location', 'address', 'addressLocality'),
      at(event, 'location', 'address', 'countryCode'),
    ),
  };
}
