import type { PackageRecord, PackageStatus } from '../store/types';
import { failBatch, notConfigured, numberedBatch } from './batch';
import { originOf, SEVENTEEN_TRACK_API } from './catalogue';
import { failure, joinUrl, requestJson } from './http';
import {
  cleanEvents,
  etaFrom,
  failAll,
  failOne,
  joinLocation,
  parseInstant,
  refreshOutcome,
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
 * 17TRACK Tracking API v2.2 (reference §4.1). A number must be registered once (one unit of the user's quota)
 * before `gettrackinfo` (free) returns results, so the provider reads first and registers only the numbers
 * 17TRACK says it does not know (-18019902): a package is never registered twice.
 */

const NAME = '17TRACK';
export const SEVENTEEN_TRACK_BASE = `${SEVENTEEN_TRACK_API}/track/v2.2`;
const MAX_NUMBERS = 40;

const NOT_REGISTERED = -18019902;
const ALREADY_REGISTERED = -18019901;
const NO_INFO_YET = -18019909;
const CARRIER_NOT_DETECTED = -18019903;
const AUTH_CODES = new Set([-18010001, -18010002, -18010004, -18010005]);
const LIMIT_CODES = new Set([-18010014, -18019907]);
const QUOTA_EXHAUSTED = -18019908;

const MAIN_STATUS: Record<string, PackageStatus> = {
  NotFound: 'unknown',
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  Expired: 'expired',
  AvailableForPickup: 'available_for_pickup',
  OutForDelivery: 'out_for_delivery',
  DeliveryFailure: 'failed_attempt',
  Delivered: 'delivered',
  Exception: 'exception',
};

/** Main status, refined by the sub-status where 17TRACK's main status is coarser than ours (returns). */
export function seventeenTrackStatus(main: unknown, sub: unknown): PackageStatus {
  if (sub === 'Exception_Returning' || sub === 'Exception_Returned') return 'returned';
  const fromMain = typeof main === 'string' ? MAIN_STATUS[main] : undefined;
  if (fromMain) return fromMain;
  // Events carry only a sub-status such as "InTransit_PickedUp": its prefix is the main status.
  const prefix = typeof sub === 'string' ? sub.split('_')[0] : undefined;
  return (prefix && MAIN_STATUS[prefix]) || 'unknown';
}

export const seventeenTrack: StatusProvider = {
  id: '17track',
  name: NAME,
  origins: [originOf(SEVENTEEN_TRACK_API)],
  needs: ['apiKey'],
  maxBatch: MAX_NUMBERS,
  // 3 requests/s per key is the documented ceiling; register costs quota, gettrackinfo does not.
  budget: { perHour: 600, perDay: 5000, concurrency: 2, minSpacingMs: 350 },
  supports: (pkg) => Boolean(pkg.number),
  refresh: refreshSeventeenTrack,
};

async function refreshSeventeenTrack(
  packages: PackageRecord[],
  ctx: ProviderContext,
): Promise<RefreshResult> {
  const key = ctx.credentials.apiKey;
  if (!key) return notConfigured(packages, NAME);
  const base = ctx.baseUrl ?? SEVENTEEN_TRACK_BASE;
  const post = (path: string, numbers: string[]) =>
    requestJson(ctx, NAME, joinUrl(base, path), {
      method: 'POST',
      headers: { '17token': key, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(numbers.map((number) => ({ number }))),
    });

  const { batch: withNumber, unasked: outcomes } = numberedBatch(packages, MAX_NUMBERS, NAME);
  let requests = 0;

  const first = await post(
    'gettrackinfo',
    withNumber.map((p) => p.number as string),
  );
  requests++;
  if (!first.ok) return failBatch(withNumber, first.failure, requests, outcomes);
  const envelopeFailure = envelopeProblem(first.json, ctx.now());
  if (envelopeFailure) return failBatch(withNumber, envelopeFailure, requests, outcomes);

  const byNumber = new Map(withNumber.map((p) => [p.number as string, p]));
  const answered = readAnswer(first.json, byNumber, ctx.now());
  const toRegister: PackageRecord[] = [];
  for (const [number, answer] of answered) {
    const pkg = byNumber.get(number);
    if (!pkg) continue;
    if (answer === 'not_registered') toRegister.push(pkg);
    else outcomes.push(answer);
  }

  let providerFailure: ProviderFailure | undefined;
  if (toRegister.length > 0) {
    const registered = await post(
      'register',
      toRegister.map((p) => p.number as string),
    );
    requests++;
    const problem = registered.ok ? envelopeProblem(registered.json, ctx.now()) : registered.failure;
    if (problem) {
      providerFailure = problem;
      outcomes.push(...failAll(toRegister, problem));
    } else {
      // Registration starts 17TRACK's own lookup; read once more in case the carrier answered at once.
      const again = await post(
        'gettrackinfo',
        toRegister.map((p) => p.number as string),
      );
      requests++;
      const second =
        again.ok && !envelopeProblem(again.json, ctx.now())
          ? readAnswer(again.json, byNumber, ctx.now())
          : undefined;
      for (const pkg of toRegister) {
        const answer = second?.get(pkg.number as string);
        if (answer && answer !== 'not_registered' && answer.ok) outcomes.push(answer);
        else
          outcomes.push(
            failOne(
              pkg,
              failure('not_found', NAME, { detail: 'registered; first results usually take a few minutes' }),
            ),
          );
      }
    }
  }

  // Every package gets an answer, even when 17TRACK silently left a number out.
  const seen = new Set(outcomes.map((o) => o.id));
  for (const pkg of withNumber) {
    if (!seen.has(pkg.id))
      outcomes.push(failOne(pkg, failure('malformed', NAME, { detail: 'number missing from the answer' })));
  }
  return providerFailure ? { outcomes, providerFailure, requests } : { outcomes, requests };
}

/** A failure of the whole request signalled inside a 200 answer, or undefined when the envelope is fine. */
function envelopeProblem(json: unknown, now: number): ProviderFailure | undefined {
  const code = asNumber(at(json, 'code'));
  if (code === undefined) return failure('malformed', NAME);
  if (code === 0) return at(json, 'data') === undefined ? failure('malformed', NAME) : undefined;
  if (AUTH_CODES.has(code)) return failure('unauthorized', NAME, { detail: `code ${code}` });
  if (LIMIT_CODES.has(code)) return failure('rate_limited', NAME, { retryAt: nextUtcMidnight(now) });
  if (code === QUOTA_EXHAUSTED)
    return failure('rate_limited', NAME, { retryAt: now + 24 * 3600_000, detail: 'quota used up' });
  // Per-number errors come with a non-zero code too; the data block then still says which numbers failed.
  return at(json, 'data') === undefined ? failure('server', NAME, { detail: `code ${code}` }) : undefined;
}

function readAnswer(
  json: unknown,
  byNumber: Map<string, PackageRecord>,
  now: number,
): Map<string, PackageOutcome | 'not_registered'> {
  const answers = new Map<string, PackageOutcome | 'not_registered'>();
  for (const entry of asArray(at(json, 'data', 'rejected'))) {
    const number = asString(at(entry, 'number'))?.toUpperCase();
    const pkg = number ? byNumber.get(number) : undefined;
    if (!pkg || !number) continue;
    const code = asNumber(at(entry, 'error', 'code'));
    if (code === NOT_REGISTERED) answers.set(number, 'not_registered');
    else if (code === NO_INFO_YET || code === ALREADY_REGISTERED)
      answers.set(
        number,
        failOne(pkg, failure('not_found', NAME, { detail: 'no tracking information yet' })),
      );
    else if (code === CARRIER_NOT_DETECTED)
      answers.set(number, failOne(pkg, failure('not_found', NAME, { detail: 'carrier not recognised' })));
    else if (code !== undefined && LIMIT_CODES.has(code))
      answers.set(number, failOne(pkg, failure('rate_limited', NAME, { retryAt: nextUtcMidnight(now) })));
    else answers.set(number, failOne(pkg, failure('malformed', NAME, { detail: `code ${code ?? '?'}` })));
  }
  for (const entry of asArray(at(json, 'data', 'accepted'))) {
    const number = asString(at(entry, 'number'))?.toUpperCase();
    const pkg = number ? byNumber.get(number) : undefined;
    if (!pkg || !number) continue;
    answers.set(number, readTrackInfo(pkg, at(entry, 'track_info'), now));
  }
  return answers;
}

function readTrackInfo(pkg: PackageRecord, info: unknown, now: number): PackageOutcome {
  const status = seventeenTrackStatus(
    at(info, 'latest_status', 'status'),
    at(info, 'latest_status', 'sub_status'),
  );
  if (status === 'unknown') {
    return failOne(pkg, failure('not_found', NAME, { detail: 'the carrier has no record yet' }));
  }
  const rawEvents = asArray(at(info, 'tracking', 'providers')).flatMap((provider) =>
    asArray(at(provider, 'events')),
  );
  const events = cleanEvents(
    rawEvents.map((event) => ({
      at: parseInstant(at(event, 'time_utc')) ?? parseInstant(at(event, 'time_iso')),
      status: seventeenTrackStatus(undefined, at(event, 'sub_status')),
      description: at(event, 'description'),
      location: at(event, 'location'),
    })),
    now,
  );
  const latest = at(info, 'latest_event');
  const statusAt =
    parseInstant(at(latest, 'time_utc')) ?? parseInstant(at(latest, 'time_iso')) ?? events[0]?.at;
  const estimate = at(info, 'time_metrics', 'estimated_delivery_date');
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: at(latest, 'description') ?? at(info, 'latest_status', 'sub_status_descr'),
      statusAt,
      eta: etaFrom(at(estimate, 'from'), at(estimate, 'to')),
      events:
        events.length > 0
          ? events
          : cleanEvents(
              [
                {
                  at: statusAt,
                  status,
                  description: at(latest, 'description'),
                  location: joinLocation(at(latest, 'location')),
                },
              ],
              now,
            ),
      sourceUrl: `${SEVENTEEN_TRACK_API}/`,
    },
    now,
    NAME,
  );
}

function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
