import type { PackageRecord, PackageStatus } from '../store/types';
import { failBatch } from './batch';
import { FEDEX_API, originOf } from './catalogue';
import { failure, joinUrl, requestJson } from './http';
import {
  cleanEvents,
  etaFrom,
  failOne,
  joinLocation,
  parseInstant,
  refreshOutcome,
  statedTime,
} from './normalize';
import { withClientCredentials } from './oauth';
import { asArray, asString, at } from './read';
import type { PackageOutcome, ProviderContext, RefreshResult, StatusProvider } from './types';

/**
 * FedEx Track API v1 (reference §4.7): token from `POST /oauth/token` (form body), then one
 * `POST /track/v1/trackingnumbers` for up to 30 numbers. Per-number errors ("not found") arrive inside HTTP 200.
 */

const NAME = 'FedEx';
export const FEDEX_BASE = FEDEX_API;
const MAX_NUMBERS = 30;

const CODE_STATUS: Record<string, PackageStatus> = {
  OC: 'info_received',
  PU: 'in_transit',
  PX: 'in_transit',
  IT: 'in_transit',
  AR: 'in_transit',
  DP: 'in_transit',
  AF: 'in_transit',
  FD: 'in_transit',
  OD: 'out_for_delivery',
  DL: 'delivered',
  DE: 'exception',
  SE: 'exception',
  DY: 'exception',
  DD: 'exception',
  CD: 'exception',
  CA: 'exception',
  HL: 'available_for_pickup',
  RS: 'returned',
};

export function fedexStatus(code: unknown, description: unknown): PackageStatus {
  const text = typeof description === 'string' ? description.toLowerCase() : '';
  const status = (typeof code === 'string' && CODE_STATUS[code]) || 'unknown';
  if (status === 'exception' && /attempt|not available|business closed|no access/.test(text))
    return 'failed_attempt';
  if (status === 'unknown' && text.includes('out for delivery')) return 'out_for_delivery';
  return status;
}

export const fedex: StatusProvider = {
  id: 'fedex',
  name: NAME,
  origins: [originOf(FEDEX_API)],
  needs: ['clientId', 'clientSecret'],
  maxBatch: MAX_NUMBERS,
  budget: { perHour: 200, perDay: 2000, concurrency: 2, minSpacingMs: 200 },
  supports: (pkg) => Boolean(pkg.number) && pkg.carrier === 'fedex',
  refresh: refreshFedex,
};

async function refreshFedex(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const base = ctx.baseUrl ?? FEDEX_BASE;
  return withClientCredentials(
    packages,
    ctx,
    NAME,
    // FedEx takes the client id and secret as form fields, not in a Basic header.
    (clientId, clientSecret) => ({
      cacheKey: `fedex:${clientId}`,
      url: joinUrl(base, 'oauth/token'),
      init: {
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }).toString(),
      },
    }),
    (token) => trackNumbers(packages, ctx, base, token),
  );
}

/** One request for the whole batch; the answer is matched back to the packages by tracking number. */
async function trackNumbers(
  packages: PackageRecord[],
  ctx: ProviderContext,
  base: string,
  token: string,
): Promise<RefreshResult> {
  const batch = packages.filter((p) => p.number).slice(0, MAX_NUMBERS);
  const answer = await requestJson(ctx, NAME, joinUrl(base, 'track/v1/trackingnumbers'), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-locale': 'en_US',
      accept: 'application/json',
    },
    body: JSON.stringify({
      includeDetailedScans: true,
      trackingInfo: batch.map((p) => ({ trackingNumberInfo: { trackingNumber: p.number } })),
    }),
  });
  // One request: the track call (the token request is counted by `withClientCredentials`).
  const requests = 1;
  if (!answer.ok) return failBatch(packages, answer.failure, requests);
  const results = at(answer.json, 'output', 'completeTrackResults');
  if (!Array.isArray(results)) return failBatch(packages, failure('malformed', NAME), requests);
  const byNumber = new Map<string, unknown>();
  for (const complete of results) {
    const number = asString(at(complete, 'trackingNumber'))?.toUpperCase();
    const first = at(complete, 'trackResults', 0);
    if (number && first !== undefined) byNumber.set(number, first);
  }
  const outcomes = packages.map((pkg): PackageOutcome => {
    const result = pkg.number ? byNumber.get(pkg.number) : undefined;
    if (result === undefined)
      return failOne(pkg, failure('malformed', NAME, { detail: 'number missing from the answer' }));
    return readResult(pkg, result, ctx.now());
  });
  return { outcomes, requests };
}

function readResult(pkg: PackageRecord, result: unknown, now: number): PackageOutcome {
  const error = asString(at(result, 'error', 'code'));
  if (error) {
    const kind = /NOTFOUND|NOT\.FOUND|INVALID/.test(error) ? 'not_found' : 'malformed';
    return failOne(pkg, failure(kind, NAME, { detail: error.slice(0, 80) }));
  }
  const latest = at(result, 'latestStatusDetail');
  const status = fedexStatus(at(latest, 'derivedCode') ?? at(latest, 'code'), at(latest, 'description'));
  if (status === 'unknown')
    return failOne(pkg, failure('not_found', NAME, { detail: 'no carrier data yet' }));
  const events = cleanEvents(
    asArray(at(result, 'scanEvents')).map((scan) => ({
      at: parseInstant(at(scan, 'date')),
      status: fedexStatus(
        at(scan, 'eventType') ?? at(scan, 'derivedStatusCode'),
        `${at(scan, 'eventDescription') ?? ''} ${at(scan, 'exceptionDescription') ?? ''}`,
      ),
      description: at(scan, 'eventDescription'),
      location: joinLocation(
        at(scan, 'scanLocation', 'city'),
        at(scan, 'scanLocation', 'stateOrProvinceCode'),
        at(scan, 'scanLocation', 'countryCode'),
      ),
    })),
    now,
  );
  const dates = asArray(at(result, 'dateAndTimes'));
  const estimated = asString(
    at(
      dates.find((d) => at(d, 'type') === 'ESTIMATED_DELIVERY'),
      'dateTime',
    ),
  );
  const window = at(result, 'estimatedDeliveryTimeWindow', 'window');
  const eta =
    etaFrom(at(window, 'begins'), at(window, 'ends'), statedTime(at(window, 'ends'))) ??
    etaFrom(estimated, undefined, statedTime(estimated));
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: at(latest, 'statusByLocale') ?? at(latest, 'description'),
      statusAt: events[0]?.at,
      eta,
      events,
      sourceUrl: `${FEDEX_API}/`,
    },
    now,
    NAME,
  );
}
