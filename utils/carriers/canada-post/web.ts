import { keylessDueAt } from '../../carrier-web/pacing';
import { type CarrierReading, compactNumber, outcomeOf, zonedInstant } from '../../carrier-web/reading';
import { carrierJson } from '../../carrier-web/request';
import { eachPackage, packageFailed } from '../../providers/batch';
import { cleanEvents, etaFrom, joinLocation } from '../../providers/normalize';
import { asArray, asRecord, asString, at } from '../../providers/read';
import type { ProviderContext, RefreshResult, StatusProvider } from '../../providers/types';
import type { PackageRecord, PackageStatus } from '../../store/types';

/**
 * Canada Post's own tracking, as its tracking page (track-reperage) loads it: public, no key, no session.
 *
 * `GET https://www.canadapost-postescanada.ca/track-reperage/rs/track/json/package/{pin}/detail`, answered with
 * `{ pin, status, delivered, returnedToSender, returnPinIndicator, expectedDlvryDateTime: { dlvryDate,
 * revisedDate }, events: [{ cd, type, descEn, datetime: { date, time, zoneOffset }, locationAddr: { city, regionCd,
 * countryCd } }] }`, newest event first; a number without history is `{ pin, error: { cd: "004", descEn: "No PIN
 * History" } }` inside a 200. The page sends `Authorization: Basic Og==` (an empty credential, not a secret) and
 * `X-Requested-With: XMLHttpRequest`, and the route refuses a bare `application/json` Accept with 406.
 * Facts from: ha-parcel-integrations/ha-canada-post `custom_components/canada_post/const.py`, `tracking/api.py`,
 * `status.py` and `tests/payloads.py`; Chris01s/CandaPost `canada_post.py`.
 */

export const CANADA_POST_NAME = 'Canada Post';
export const CANADA_POST_ORIGIN = 'https://www.canadapost-postescanada.ca';
export const CANADA_POST_DETAIL_PATH =
  /^\/track-reperage\/rs\/track\/json\/package\/([A-Za-z0-9]{6,40})\/detail$/;

/** Event codes that say more than the event type (status.py's code map, Doorstep's statuses). */
const EVENT_CODES: Record<string, PackageStatus> = {
  '3000': 'info_received',
  '1466': 'delivered',
  '0174': 'out_for_delivery',
  '0500': 'out_for_delivery',
  '1701': 'available_for_pickup',
  '0156': 'available_for_pickup',
  '2407': 'available_for_pickup',
  '1419': 'returned',
  '1481': 'returned',
  '2600': 'returned',
  '1100': 'exception',
};

const EVENT_TYPES: Record<string, PackageStatus> = {
  INDUCTION: 'in_transit',
  OUT: 'out_for_delivery',
  ATTEMPTED: 'failed_attempt',
  DETENTION: 'exception',
  FORREVIEW: 'exception',
  RTSLABELPROC: 'returned',
  DELIVERED: 'delivered',
  SIGNATURE: 'delivered',
};

/** The package-level `status` word (the progress bar), used only when no event says more. */
const PACKAGE_STATUS: Record<string, PackageStatus> = {
  HalfAccepted: 'info_received',
  FullAccepted: 'in_transit',
  InTransit: 'in_transit',
  InTransitAlert: 'exception',
  FullProgressAlert: 'exception',
  HalfDelivered: 'failed_attempt',
  ReadyPickup: 'available_for_pickup',
  Available_for_pickup_by: 'available_for_pickup',
};

export function canadaPostEventStatus(event: unknown): PackageStatus {
  const code = asString(at(event, 'cd'));
  if (code && EVENT_CODES[code]) return EVENT_CODES[code];
  const type = asString(at(event, 'type'))?.toUpperCase();
  if (type && EVENT_TYPES[type]) return EVENT_TYPES[type];
  return 'in_transit';
}

/** Reads one detail answer; `asked` is the number requested (the answer must be about exactly that number). */
export function readCanadaPostDetail(json: unknown, asked: string, now: number): CarrierReading {
  const body = asRecord(json);
  if (!body) return { kind: 'unreadable', reason: 'not an object' };
  const pin = compactNumber(body.pin);
  if (!pin) return { kind: 'unreadable', reason: 'no number in the answer' };
  if (pin !== compactNumber(asked)) return { kind: 'unreadable', reason: 'answer for another number' };
  const error = asRecord(body.error);
  if (error) {
    // Only the documented "no history" code is the carrier saying so; any other error is "couldn't check".
    if (asString(error.cd) === '004') return { kind: 'not_found', number: pin };
    return { kind: 'unreadable', reason: `error ${String(asString(error.cd) ?? '?').slice(0, 8)}` };
  }
  const rawEvents = asArray(body.events, 300);
  const events = cleanEvents(
    rawEvents.map((event) => ({
      at: zonedInstant(
        at(event, 'datetime', 'date'),
        at(event, 'datetime', 'time'),
        at(event, 'datetime', 'zoneOffset'),
      ),
      status: canadaPostEventStatus(event),
      description: at(event, 'descEn') ?? at(event, 'descFr'),
      location: joinLocation(
        at(event, 'locationAddr', 'city'),
        at(event, 'locationAddr', 'regionCd'),
        at(event, 'locationAddr', 'countryCd'),
      ),
    })),
    now,
  );
  if (events.length === 0 && body.delivered !== true) return { kind: 'unreadable', reason: 'no events' };
  const newest = events[0];
  const returned = body.returnedToSender === true || body.returnPinIndicator === true;
  let status: PackageStatus;
  if (body.delivered === true) status = returned ? 'returned' : 'delivered';
  else if (returned) status = 'returned';
  else {
    const word = asString(body.status);
    const eventStatus = newest?.status ?? 'in_transit';
    // The package word refines a plain "in transit" scan; an event that names an outcome wins.
    status =
      eventStatus === 'in_transit' && word && PACKAGE_STATUS[word]
        ? (PACKAGE_STATUS[word] as PackageStatus)
        : eventStatus;
    // Only the carrier's explicit `delivered` flag makes a package delivered.
    if (status === 'delivered') status = 'in_transit';
  }
  const expected = at(body, 'expectedDlvryDateTime');
  const eta =
    status === 'delivered' || status === 'returned'
      ? undefined
      : etaFrom(at(expected, 'revisedDate') ?? at(expected, 'dlvryDate'));
  return {
    kind: 'found',
    number: pin,
    facts: {
      status,
      statusText: newest?.description,
      ...(newest && { statusAt: newest.at }),
      ...(eta && { eta }),
      events,
      trackUrl: `${CANADA_POST_ORIGIN}/track-reperage/en#/details/${pin}`,
      sourceUrl: `${CANADA_POST_ORIGIN}/track-reperage/`,
    },
  };
}

/** The PIN a captured detail request asked about, from its path. */
export function canadaPostAskedNumbers(url: string): string[] {
  const n = compactNumber(new URL(url).pathname.split('/')[6]);
  return n ? [n] : [];
}

export const canadaPostWeb: StatusProvider = {
  id: 'canadapost-web',
  name: CANADA_POST_NAME,
  origins: [`${CANADA_POST_ORIGIN}/*`],
  needs: [],
  maxBatch: 1,
  requestPerPackage: true,
  // One request at a time, seconds apart. The per-package pacing is what keeps checks rare (a few packages cost a
  // few dozen requests a day); this cap only guards against a bug or a huge list (bench-carrier-schedule: 200
  // Canada Post packages for a day stay below it).
  budget: { perHour: 120, perDay: 1_500, concurrency: 1, minSpacingMs: 3_000 },
  supports: (pkg) => Boolean(pkg.number) && pkg.carrier === 'canada_post',
  dueAt: keylessDueAt,
  refresh: refreshCanadaPost,
};

async function refreshCanadaPost(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const base = ctx.baseUrl ?? CANADA_POST_ORIGIN;
  return eachPackage(packages, async (pkg) => {
    const number = pkg.number ?? '';
    const url = `${base.replace(/\/+$/, '')}/track-reperage/rs/track/json/package/${encodeURIComponent(number)}/detail`;
    const answer = await carrierJson(ctx, CANADA_POST_NAME, url, {
      method: 'GET',
      headers: {
        accept: 'application/json, text/plain, */*',
        authorization: 'Basic Og==',
        'x-requested-with': 'XMLHttpRequest',
      },
      // Public data: the user's Canada Post cookies are not needed and not sent.
      credentials: 'omit',
    });
    if (!answer.ok) return packageFailed(pkg, answer.failure, 1);
    return {
      outcome: outcomeOf(
        pkg,
        readCanadaPostDetail(answer.json, number, ctx.now()),
        ctx.now(),
        CANADA_POST_NAME,
      ),
      requests: 1,
    };
  });
}
