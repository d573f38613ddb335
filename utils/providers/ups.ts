import type { PackageRecord, PackageStatus } from '../store/types';
import { eachPackage, packageFailed } from './batch';
import { originOf, UPS_API } from './catalogue';
import { failure, joinUrl, requestJson } from './http';
import { cleanEvents, failOne, joinLocation, refreshOutcome } from './normalize';
import { basicAuth, withClientCredentials } from './oauth';
import { asArray, asString, at } from './read';
import type { PackageOutcome, ProviderContext, RefreshResult, StatusProvider } from './types';

/**
 * UPS Track API v1 (reference §4.6): token from `POST /security/v1/oauth/token` (HTTP Basic client id:secret),
 * then `GET /api/track/v1/details/{number}` with the required `transId` (unique per request) and `transactionSrc`.
 */

const NAME = 'UPS';
export const UPS_BASE = UPS_API;
export const UPS_TRANSACTION_SOURCE = 'doorstep';

const TYPE_STATUS: Record<string, PackageStatus> = {
  D: 'delivered',
  I: 'in_transit',
  P: 'in_transit',
  W: 'in_transit',
  M: 'info_received',
  MV: 'exception',
  X: 'exception',
  RS: 'returned',
  O: 'out_for_delivery',
};

/** The status letter, refined by the text: UPS sometimes reports "Out For Delivery" under I or D (reference §4.6). */
export function upsStatus(type: unknown, description: unknown): PackageStatus {
  const text = typeof description === 'string' ? description.toLowerCase() : '';
  if (text.includes('out for delivery')) return 'out_for_delivery';
  if (text.includes('returned to shipper') || text.includes('returning to sender')) return 'returned';
  const status = (typeof type === 'string' && TYPE_STATUS[type]) || 'unknown';
  if (status === 'exception' && /attempt/.test(text)) return 'failed_attempt';
  if (
    status === 'delivered' &&
    /access point|ready for pickup|awaiting customer pickup/.test(text) &&
    !text.startsWith('delivered')
  )
    return 'available_for_pickup';
  return status;
}

export const ups: StatusProvider = {
  id: 'ups',
  name: NAME,
  origins: [originOf(UPS_API)],
  needs: ['clientId', 'clientSecret'],
  maxBatch: 5,
  requestPerPackage: true,
  budget: { perHour: 200, perDay: 2000, concurrency: 2, minSpacingMs: 200 },
  supports: (pkg) => Boolean(pkg.number) && pkg.carrier === 'ups',
  refresh: refreshUps,
};

async function refreshUps(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const base = ctx.baseUrl ?? UPS_BASE;
  return withClientCredentials(
    packages,
    ctx,
    NAME,
    (clientId, clientSecret) => ({
      cacheKey: `ups:${clientId}`,
      url: joinUrl(base, 'security/v1/oauth/token'),
      init: {
        headers: {
          authorization: basicAuth(clientId, clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      },
    }),
    (token) =>
      eachPackage(packages, async (pkg) => {
        const query = new URLSearchParams({
          locale: 'en_US',
          returnSignature: 'false',
          returnMilestones: 'false',
          returnPOD: 'false',
        });
        const url = `${joinUrl(base, `api/track/v1/details/${encodeURIComponent(pkg.number ?? '')}`)}?${query}`;
        const answer = await requestJson(ctx, NAME, url, {
          method: 'GET',
          headers: {
            authorization: `Bearer ${token}`,
            transId: crypto.randomUUID().replace(/-/g, '').slice(0, 32),
            transactionSrc: UPS_TRANSACTION_SOURCE,
            accept: 'application/json',
          },
        });
        if (!answer.ok) return packageFailed(pkg, answer.failure, 1);
        return { outcome: readPackage(pkg, answer.json, ctx.now()), requests: 1 };
      }),
  );
}

function readPackage(pkg: PackageRecord, json: unknown, now: number): PackageOutcome {
  const shipment = at(json, 'trackResponse', 'shipment', 0);
  if (shipment === undefined) return failOne(pkg, failure('malformed', NAME));
  const upsPackage = at(shipment, 'package', 0);
  if (upsPackage === undefined) {
    const warning = asString(at(shipment, 'warnings', 0, 'message'));
    return failOne(pkg, failure('not_found', NAME, warning ? { detail: warning.slice(0, 100) } : {}));
  }
  const current = at(upsPackage, 'currentStatus');
  const status = upsStatus(
    at(current, 'type') ?? at(upsPackage, 'activity', 0, 'status', 'type'),
    at(current, 'description'),
  );
  if (status === 'unknown')
    return failOne(pkg, failure('not_found', NAME, { detail: 'no carrier data yet' }));
  const events = cleanEvents(
    asArray(at(upsPackage, 'activity')).map((activity) => ({
      at: activityTime(activity),
      status: upsStatus(at(activity, 'status', 'type'), at(activity, 'status', 'description')),
      description: at(activity, 'status', 'description'),
      location: joinLocation(
        at(activity, 'location', 'address', 'city'),
        at(activity, 'location', 'address', 'stateProvince'),
        at(activity, 'location', 'address', 'countryCode') ?? at(activity, 'location', 'address', 'country'),
      ),
    })),
    now,
  );
  return refreshOutcome(
    pkg,
    {
      status,
      statusText: at(current, 'description'),
      statusAt: events[0]?.at,
      eta: upsEta(upsPackage),
      events,
      sourceUrl: `${UPS_API}/`,
    },
    now,
    NAME,
  );
}

/** Scheduled or rescheduled date (YYYYMMDD) plus the end of the delivery window (HHMMSS) when UPS gives one. */
function upsEta(upsPackage: unknown) {
  const dates = asArray(at(upsPackage, 'deliveryDate'));
  const pick = (type: string) =>
    asString(
      at(
        dates.find((d) => at(d, 'type') === type),
        'date',
      ),
    );
  const date = pick('RDD') ?? pick('SDD');
  const match = date ? /^(\d{4})(\d{2})(\d{2})$/.exec(date) : null;
  if (!match) return undefined;
  const end = asString(at(upsPackage, 'deliveryTime', 'endTime'));
  const by = end && /^\d{6}$/.test(end) ? `${end.slice(0, 2)}:${end.slice(2, 4)}` : undefined;
  const start = `${match[1]}-${match[2]}-${match[3]}`;
  return by ? { start, by } : { start };
}

/** UTC from gmtDate + gmtTime (HMMSS, not always zero-padded); else local date/time with gmtOffset. */
function activityTime(activity: unknown): number | undefined {
  const gmtDate = asString(at(activity, 'gmtDate'));
  const gmtTime = asString(at(activity, 'gmtTime'));
  if (gmtDate && gmtTime && /^\d{8}$/.test(gmtDate) && /^\d{5,6}$/.test(gmtTime)) {
    return toEpoch(gmtDate, gmtTime.padStart(6, '0'), 'Z');
  }
  const date = asString(at(activity, 'date'));
  const time = asString(at(activity, 'time'));
  const offset = asString(at(activity, 'gmtOffset'));
  if (date && time && /^\d{8}$/.test(date) && /^\d{5,6}$/.test(time)) {
    return toEpoch(date, time.padStart(6, '0'), offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : 'Z');
  }
  return undefined;
}

function toEpoch(date: string, time: string, zone: string): number | undefined {
  const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}${zone}`;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : at;
}
