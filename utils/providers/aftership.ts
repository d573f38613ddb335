import type { PackageRecord, PackageStatus } from '../store/types';
import { failBatch, notConfigured, numberedBatch } from './batch';
import { AFTERSHIP_API, originOf } from './catalogue';
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
import { asArray, asNumber, asString, at } from './read';
import type {
  PackageOutcome,
  ProviderContext,
  ProviderFailure,
  RefreshResult,
  StatusProvider,
} from './types';

/**
 * AfterShip Tracking API, version 2025-01 (reference §4.2). Numbers are read with one list request per batch
 * (`GET /trackings?tracking_numbers=`); a number AfterShip does not hold yet is created once (`POST /trackings`,
 * counted against the user's plan) and read on the next run, when AfterShip has fetched it.
 */

const NAME = 'AfterShip';
export const AFTERSHIP_BASE = `${AFTERSHIP_API}/tracking/2025-01`;
const MAX_NUMBERS = 20;

const TAG_STATUS: Record<string, PackageStatus> = {
  Pending: 'unknown',
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  OutForDelivery: 'out_for_delivery',
  AttemptFail: 'failed_attempt',
  Delivered: 'delivered',
  AvailableForPickup: 'available_for_pickup',
  Exception: 'exception',
  Expired: 'expired',
};

export function aftershipStatus(tag: unknown, returnToSender = false): PackageStatus {
  const status = (typeof tag === 'string' && TAG_STATUS[tag]) || 'unknown';
  return status === 'exception' && returnToSender ? 'returned' : status;
}

export const aftership: StatusProvider = {
  id: 'aftership',
  name: NAME,
  origins: [originOf(AFTERSHIP_API)],
  needs: ['apiKey'],
  maxBatch: MAX_NUMBERS,
  // GET /trackings allows 6 requests/s (reference §4.2); stay far below.
  budget: { perHour: 600, perDay: 5000, concurrency: 2, minSpacingMs: 200 },
  supports: (pkg) => Boolean(pkg.number),
  refresh: refreshAftership,
};

async function refreshAftership(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const key = ctx.credentials.apiKey;
  if (!key) return notConfigured(packages, NAME);
  const base = ctx.baseUrl ?? AFTERSHIP_BASE;
  const headers = { 'as-api-key': key, 'content-type': 'application/json', accept: 'application/json' };
  const { batch, unasked: outcomes } = numberedBatch(packages, MAX_NUMBERS, NAME);

  const query = new URLSearchParams({ tracking_numbers: batch.map((p) => p.number).join(',') });
  const listed = await requestJson(ctx, NAME, `${joinUrl(base, 'trackings')}?${query}`, {
    method: 'GET',
    headers,
  });
  let requests = 1;
  if (!listed.ok) return failBatch(batch, listed.failure, requests, outcomes);
  const trackings = at(listed.json, 'data', 'trackings');
  if (!Array.isArray(trackings)) return failBatch(batch, failure('malformed', NAME), requests, outcomes);

  const found = new Map<string, unknown>();
  for (const tracking of asArray(trackings)) {
    const number = asString(at(tracking, 'tracking_number'))?.toUpperCase().replace(/\s+/g, '');
    if (number) found.set(number, tracking);
  }
  let providerFailure: ProviderFailure | undefined;
  for (const pkg of batch) {
    const tracking = found.get(pkg.number as string);
    if (tracking) {
      outcomes.push(readTracking(pkg, tracking, ctx.now()));
      continue;
    }
    if (providerFailure) {
      outcomes.push(failOne(pkg, providerFailure));
      continue;
    }
    const created = await requestJson(
      ctx,
      NAME,
      joinUrl(base, 'trackings'),
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ tracking_number: pkg.number }),
      },
      [400, 409, 422],
    );
    requests++;
    if (!created.ok) {
      if (created.failure.kind !== 'not_found') providerFailure = created.failure;
      outcomes.push(failOne(pkg, created.failure));
      continue;
    }
    const metaCode = asNumber(at(created.json, 'meta', 'code'));
    if (created.status >= 400 && metaCode !== 4003) {
      const detail = asString(at(created.json, 'meta', 'message'))?.slice(0, 100);
      outcomes.push(failOne(pkg, failure('not_found', NAME, { detail: detail ?? 'number refused' })));
      continue;
    }
    const createdTracking = at(created.json, 'data', 'tracking') ?? at(created.json, 'data');
    const outcome = readTracking(pkg, createdTracking, ctx.now());
    outcomes.push(
      outcome.ok
        ? outcome
        : failOne(
            pkg,
            failure('not_found', NAME, { detail: 'added; first results usually take a few minutes' }),
          ),
    );
  }
  return providerFailure ? { outcomes, providerFailure, requests } : { outcomes, requests };
}

function readTracking(pkg: PackageRecord, tracking: unknown, now: number): PackageOutcome {
  const status = aftershipStatus(at(tracking, 'tag'), at(tracking, 'return_to_sender') === true);
  if (status === 'unknown')
    return failOne(pkg, failure('not_found', NAME, { detail: 'no carrier data yet' }));
  const events = cleanEvents(
    asArray(at(tracking, 'checkpoints')).map((checkpoint) => ({
      at: parseInstant(at(checkpoint, 'checkpoint_time')),
      status: aftershipStatus(at(checkpoint, 'tag')),
      description: at(checkpoint, 'message'),
      location:
        at(checkpoint, 'location') ??
        joinLocation(at(checkpoint, 'city'), at(checkpoint, 'state'), at(checkpoint, 'country_region')),
    })),
    now,
  );
  const latest = at(tracking, 'latest_estimated_delivery');
  const courierEstimate = at(tracking, 'courier_estimated_delivery_date');
  const eta =
    etaFrom(
      at(latest, 'datetime') ?? at(latest, 'datetime_min'),
      at(latest, 'datetime_max'),
      statedTime(at(latest, 'datetime_max')) ?? undefined,
    ) ??
    etaFrom(
      at(courierEstimate, 'estimated_delivery_date') ?? at(courierEstimate, 'estimated_delivery_date_min'),
      at(courierEstimate, 'estimated_delivery_date_max'),
    );
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: at(tracking, 'subtag_message') ?? events[0]?.description,
      statusAt: events[0]?.at,
      eta,
      events,
      trackUrl: asString(at(tracking, 'courier_tracking_link')),
      sourceUrl: `${AFTERSHIP_API}/`,
    },
    now,
    NAME,
  );
}
