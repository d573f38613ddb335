import { keylessDueAt } from '../../carrier-web/pacing';
import { type CarrierReading, compactNumber, outcomeOf } from '../../carrier-web/reading';
import { carrierJson } from '../../carrier-web/request';
import { eachPackage, packageFailed } from '../../providers/batch';
import { failure, parseJson } from '../../providers/http';
import { cleanEvents, etaFrom, failOne, joinLocation, parseInstant } from '../../providers/normalize';
import { asArray, asRecord, asString, at } from '../../providers/read';
import type { ProviderContext, RefreshResult, StatusProvider } from '../../providers/types';
import type { PackageRecord, PackageStatus } from '../../store/types';

/**
 * OnTrac (and LaserShip, which merged into it): the JSON that ontrac.com's tracking page loads from its own
 * tracking service, read on visit and, when the user turns it on, asked from the background. Public: no key, no
 * session, no cookies.
 *
 * `GET https://webtrack.ontrac.com/PackageServices/tracking/{n}`, answered with `{ Packages: [{ Tracking,
 * ExpectedDeliveryDate, UtcExpectedDeliveryDateTime, UtcDeliveryDateTime, Events: [{ EventCode, Status,
 * EventShortDescription, EventLongDescription, ZonedEventDateTime, City, State }] }] }`, newest event first. A
 * number OnTrac does not know is a 404 with RFC 9110 problem details `{ "Title": "Not Found", "Status": 404 }`;
 * any other 404 is "couldn't check".
 * Facts from: ha-parcel-integrations/ha-ontrac `CLAUDE.md` (endpoint, no credentials, the problem-details 404,
 * the EventCode map, `UtcExpectedDeliveryDateTime`/`UtcDeliveryDateTime`); the OnTrac scraper in the index
 * (`ZonedEventDateTime`, `EventShortDescription`/`EventLongDescription`, `City`/`State`), which cites ontrac.com's
 * own `ontrac-package-status.js` as the client that calls this endpoint.
 */

export const ONTRAC_NAME = 'OnTrac';
export const ONTRAC_API_ORIGIN = 'https://webtrack.ontrac.com';

/** OnTrac's event codes (ha-ontrac's map); the coarse `Status` word is not used for the status. */
const EVENT_CODES: Record<string, PackageStatus> = {
  EXRL: 'info_received',
  INRL: 'info_received',
  ORIG: 'in_transit',
  ARRD: 'in_transit',
  SFCT: 'in_transit',
  FCTF: 'in_transit',
  LOAD: 'in_transit',
  OFDL: 'out_for_delivery',
  DLVD: 'delivered',
  BCLD: 'exception',
  NDMI: 'exception',
};

export function ontracEventStatus(event: unknown): PackageStatus {
  const code = asString(at(event, 'EventCode'))?.toUpperCase();
  if (code && EVENT_CODES[code]) return EVENT_CODES[code];
  const text = `${asString(at(event, 'EventShortDescription')) ?? ''} ${asString(at(event, 'EventLongDescription')) ?? ''}`;
  if (/attempt/i.test(text)) return 'failed_attempt';
  if (/return(ed|ing) to (the )?(sender|shipper)/i.test(text)) return 'returned';
  if (/out for delivery/i.test(text)) return 'out_for_delivery';
  // "Delivered" in free text is not OnTrac's statement; only DLVD is.
  return 'in_transit';
}

export function ontracAskedNumbers(url: string): string[] {
  try {
    const n = compactNumber(decodeURIComponent(new URL(url).pathname.split('/')[3] ?? ''));
    return n ? [n] : [];
  } catch {
    return [];
  }
}

/** OnTrac's explicit "no such number": a 404 whose body is problem details saying Not Found. */
export function isOntracNotFound(status: number | undefined, body: string | undefined): boolean {
  if (status !== 404 || !body) return false;
  const parsed = parseJson(body);
  if (!parsed.ok) return false;
  const title = asString(at(parsed.value, 'Title')) ?? asString(at(parsed.value, 'title'));
  const code = at(parsed.value, 'Status') ?? at(parsed.value, 'status');
  return title?.toLowerCase() === 'not found' && code === 404;
}

/** One tracking answer; `asked` is the number requested. */
export function readOntracTracking(json: unknown, asked: string, now: number): CarrierReading {
  const body = asRecord(json);
  if (!body) return { kind: 'unreadable', reason: 'not an object' };
  const want = compactNumber(asked);
  const matches = asArray(body.Packages, 20).filter((p) => compactNumber(at(p, 'Tracking')) === want);
  if (!want || matches.length !== 1) return { kind: 'unreadable', reason: 'answer for another number' };
  const pkg = matches[0];
  const events = cleanEvents(
    asArray(at(pkg, 'Events'), 300).map((event) => ({
      at: parseInstant(at(event, 'ZonedEventDateTime')),
      status: ontracEventStatus(event),
      description: at(event, 'EventLongDescription') ?? at(event, 'EventShortDescription'),
      location: joinLocation(at(event, 'City'), at(event, 'State')),
    })),
    now,
  );
  const newest = events[0];
  if (!newest) return { kind: 'unreadable', reason: 'no events' };
  const status = newest.status;
  const eta =
    status === 'delivered' || status === 'returned'
      ? undefined
      : etaFrom(at(pkg, 'ExpectedDeliveryDate') ?? at(pkg, 'UtcExpectedDeliveryDateTime'));
  return {
    kind: 'found',
    number: want,
    facts: {
      status,
      statusText: newest.description,
      statusAt: newest.at,
      ...(eta && { eta }),
      events,
      trackUrl: `https://www.ontrac.com/tracking/?number=${want}`,
      sourceUrl: `${ONTRAC_API_ORIGIN}/PackageServices/tracking/`,
    },
  };
}

export const ontracWeb: StatusProvider = {
  id: 'ontrac-web',
  name: ONTRAC_NAME,
  origins: [`${ONTRAC_API_ORIGIN}/*`],
  needs: [],
  maxBatch: 1,
  requestPerPackage: true,
  budget: { perHour: 120, perDay: 1_500, concurrency: 1, minSpacingMs: 3_000 },
  supports: (pkg) => Boolean(pkg.number) && (pkg.carrier === 'ontrac' || pkg.carrier === 'lasership'),
  dueAt: keylessDueAt,
  refresh: refreshOntrac,
};

async function refreshOntrac(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const base = (ctx.baseUrl ?? ONTRAC_API_ORIGIN).replace(/\/+$/, '');
  return eachPackage(packages, async (pkg) => {
    const number = compactNumber(pkg.number) ?? '';
    const answer = await carrierJson(
      ctx,
      ONTRAC_NAME,
      `${base}/PackageServices/tracking/${encodeURIComponent(number)}`,
      { method: 'GET', headers: { accept: 'application/json' }, credentials: 'omit' },
    );
    if (!answer.ok) {
      if (isOntracNotFound(answer.status, answer.body))
        return { outcome: failOne(pkg, failure('not_found', ONTRAC_NAME)), requests: 1 };
      return packageFailed(pkg, answer.failure, 1);
    }
    return {
      outcome: outcomeOf(pkg, readOntracTracking(answer.json, number, ctx.now()), ctx.now(), ONTRAC_NAME),
      requests: 1,
    };
  });
}
