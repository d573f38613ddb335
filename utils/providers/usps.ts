import type { PackageRecord, PackageStatus } from '../store/types';
import { eachPackage, packageFailed } from './batch';
import { originOf, USPS_API } from './catalogue';
import { failure, joinUrl, requestJson } from './http';
import { cleanEvents, etaFrom, failOne, joinLocation, parseInstant, refreshOutcome } from './normalize';
import { withClientCredentials } from './oauth';
import { asArray, at } from './read';
import type { PackageOutcome, ProviderContext, RefreshResult, StatusProvider } from './types';

/**
 * USPS APIs v3 (reference §4.5): OAuth client credentials (`POST /oauth2/v3/token`), then
 * `GET /tracking/v3/tracking/{number}?expand=DETAIL`. New apps get about 60 requests an hour, so the budget is small
 * and the token (valid ~8 h) is reused across packages.
 */

const NAME = 'USPS';
export const USPS_BASE = USPS_API;

export function uspsStatus(category: unknown, text: unknown): PackageStatus {
  const status = typeof text === 'string' ? text.toLowerCase() : '';
  if (/return(ed)? to sender/.test(status)) return 'returned';
  switch (typeof category === 'string' ? category.toLowerCase().replace(/[\s-]+/g, ' ') : '') {
    case 'pre shipment':
    case 'pre transit':
      return 'info_received';
    case 'accepted':
    case 'in transit':
      return 'in_transit';
    case 'out for delivery':
      return 'out_for_delivery';
    case 'delivered':
      return 'delivered';
    case 'available for pickup':
      return 'available_for_pickup';
    case 'delivery attempt':
      return 'failed_attempt';
    case 'alert':
      return 'exception';
    default:
      return 'unknown';
  }
}

export const usps: StatusProvider = {
  id: 'usps',
  name: NAME,
  origins: [originOf(USPS_API)],
  needs: ['clientId', 'clientSecret'],
  maxBatch: 5,
  requestPerPackage: true,
  budget: { perHour: 50, perDay: 1000, concurrency: 1, minSpacingMs: 1_000 },
  supports: (pkg) => Boolean(pkg.number) && pkg.carrier === 'usps',
  refresh: refreshUsps,
};

async function refreshUsps(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const base = ctx.baseUrl ?? USPS_BASE;
  return withClientCredentials(
    packages,
    ctx,
    NAME,
    // USPS takes the client id and secret in a JSON body, not in a Basic header.
    (clientId, clientSecret) => ({
      cacheKey: `usps:${clientId}`,
      url: joinUrl(base, 'oauth2/v3/token'),
      init: {
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'client_credentials',
        }),
      },
    }),
    (token) =>
      eachPackage(packages, async (pkg) => {
        const url = `${joinUrl(base, `tracking/v3/tracking/${encodeURIComponent(pkg.number ?? '')}`)}?expand=DETAIL`;
        const answer = await requestJson(ctx, NAME, url, {
          method: 'GET',
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        });
        if (!answer.ok) return packageFailed(pkg, answer.failure, 1);
        return { outcome: readTracking(pkg, answer.json, ctx.now()), requests: 1 };
      }),
  );
}

function readTracking(pkg: PackageRecord, json: unknown, now: number): PackageOutcome {
  const status = uspsStatus(at(json, 'statusCategory'), at(json, 'status'));
  if (status === 'unknown') {
    return failOne(pkg, failure(at(json, 'trackingNumber') ? 'not_found' : 'malformed', NAME));
  }
  const events = cleanEvents(
    asArray(at(json, 'trackingEvents')).map((event) => ({
      at: parseInstant(at(event, 'eventTimestamp')),
      status:
        uspsStatus(undefined, at(event, 'eventType')) === 'returned'
          ? 'returned'
          : eventStatus(at(event, 'eventType')),
      description: at(event, 'eventType'),
      location: joinLocation(
        at(event, 'eventCity'),
        at(event, 'eventState'),
        at(event, 'eventZIP'),
        at(event, 'eventCountry'),
      ),
    })),
    now,
  );
  // The ETA field name is not settled in USPS's documentation (reference §4.5 [U]): read the names in use.
  const eta = etaFrom(
    at(json, 'expectedDeliveryDate') ??
      at(json, 'predictedDeliveryDate') ??
      at(json, 'expectedDeliveryTimeStamp') ??
      at(json, 'predictedDeliveryWindowStartDate'),
    at(json, 'predictedDeliveryWindowEndDate'),
  );
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: at(json, 'statusSummary') ?? at(json, 'status'),
      statusAt: events[0]?.at,
      eta,
      events,
      sourceUrl: `${USPS_API}/`,
    },
    now,
    NAME,
  );
}

/** Event types are free text ("Arrived at USPS Regional Facility"): the common phrases decide. */
function eventStatus(type: unknown): PackageStatus {
  const text = typeof type === 'string' ? type.toLowerCase() : '';
  if (text.includes('out for delivery')) return 'out_for_delivery';
  if (text.startsWith('delivered')) return 'delivered';
  if (text.includes('available for pickup')) return 'available_for_pickup';
  if (text.includes('notice left') || text.includes('delivery attempt')) return 'failed_attempt';
  if (text.includes('label created') || text.includes('pre-shipment') || text.includes('shipping label'))
    return 'info_received';
  if (text.includes('alert') || text.includes('exception')) return 'exception';
  return 'in_transit';
}
