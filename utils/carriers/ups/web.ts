import { keylessDueAt } from '../../carrier-web/pacing';
import { type CarrierReading, compactNumber, outcomeOf } from '../../carrier-web/reading';
import { BLOCKED_PAUSE_MS, carrierJson } from '../../carrier-web/request';
import { eachPackage, failBatch, packageFailed } from '../../providers/batch';
import { failure, httpRequest } from '../../providers/http';
import { cleanEvents } from '../../providers/normalize';
import { asArray, asRecord, asString, at } from '../../providers/read';
import type { ProviderContext, ProviderFailure, RefreshResult, StatusProvider } from '../../providers/types';
import { upsStatus } from '../../providers/ups';
import type { PackageRecord, PackageStatus } from '../../store/types';

/**
 * The JSON that ups.com's own tracking page loads: `POST https://webapis.ups.com/track/api/Track/GetStatus?loc=en_US`
 * with `{ Locale, TrackingNumber: [n] }`, the page's session cookies and an `X-XSRF-TOKEN` header copied from its
 * `X-XSRF-TOKEN-ST` cookie. Answer: `{ statusCode: "200", trackDetails: [{ errorCode, requestedTrackingNumber,
 * trackingNumber, packageStatus, packageStatusType (the Track API's letters: D, I, M, X, P …),
 * shipmentProgressActivities: [{ gmtDate "yyyyMMdd", gmtTime "HH:mm:ss", gmtOffset, activityScan, location,
 * milestoneName: { nameKey } }] }] }`; `errorCode "504"` is UPS saying it has no record of the number.
 * Facts from: the UPS carrier of the open-source tracker indexed as `UPSTrackScraper` (request, cookie and error
 * codes) and daferferso/ups-tracker-apify `README.md` (answer fields).
 */

export const UPS_NAME = 'UPS';
export const UPS_STATUS_PATH = /^\/track\/api\/Track\/GetStatus$/;

const MILESTONES: Record<string, PackageStatus> = {
  'cms.stapp.orderReceived': 'info_received',
  'cms.stapp.inTransit': 'in_transit',
  'cms.stapp.outForDelivery': 'out_for_delivery',
  'cms.stapp.delivered': 'delivered',
};

function activityStatus(activity: unknown): PackageStatus {
  const key = asString(at(activity, 'milestoneName', 'nameKey'));
  const text = asString(at(activity, 'activityScan'));
  const fromText = upsStatus(undefined, text);
  if (fromText !== 'unknown') return fromText;
  if (key && MILESTONES[key]) return MILESTONES[key];
  if (text && /^delivered/i.test(text)) return 'delivered';
  return 'in_transit';
}

function activityTime(activity: unknown): number | undefined {
  const date = asString(at(activity, 'gmtDate'));
  const time = asString(at(activity, 'gmtTime'));
  if (!date || !time || !/^\d{8}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return undefined;
  const at_ = Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time}Z`);
  return Number.isNaN(at_) ? undefined : at_;
}

/** One GetStatus answer; `asked` is the number requested. */
export function readUpsStatus(json: unknown, asked: string, now: number): CarrierReading {
  const body = asRecord(json);
  if (!body) return { kind: 'unreadable', reason: 'not an object' };
  const want = compactNumber(asked);
  const details = asArray(body.trackDetails, 50);
  const detail = details.find(
    (d) =>
      compactNumber(at(d, 'requestedTrackingNumber')) === want ||
      compactNumber(at(d, 'trackingNumber')) === want,
  );
  if (!want || !detail) return { kind: 'unreadable', reason: 'answer for another number' };
  const errorCode = asString(at(detail, 'errorCode'));
  if (errorCode === '504') return { kind: 'not_found', number: want };
  if (errorCode) return { kind: 'unreadable', reason: `error ${errorCode.slice(0, 8)}` };
  // The package must be the one asked for (a reference number can resolve to another parcel's tracking number).
  const number = compactNumber(at(detail, 'trackingNumber'));
  if (number !== want) return { kind: 'unreadable', reason: 'answer for another number' };
  const statusText = asString(at(detail, 'packageStatus'));
  const status = upsStatus(at(detail, 'packageStatusType'), statusText);
  if (status === 'unknown') return { kind: 'unreadable', reason: 'no status yet' };
  const events = cleanEvents(
    asArray(at(detail, 'shipmentProgressActivities'), 300).map((activity) => ({
      at: activityTime(activity),
      status: activityStatus(activity),
      description: at(activity, 'activityScan'),
      location: at(activity, 'location'),
    })),
    now,
  );
  return {
    kind: 'found',
    number: want,
    facts: {
      status,
      statusText,
      ...(events[0] && { statusAt: events[0].at }),
      events,
      trackUrl: `https://www.ups.com/track?loc=en_US&tracknum=${want}`,
      sourceUrl: 'https://www.ups.com/track',
    },
  };
}

/** The numbers a captured GetStatus request asked about, from its JSON body. */
export function upsAskedNumbers(requestBody: string | undefined): string[] {
  try {
    const request = JSON.parse(requestBody ?? '') as { TrackingNumber?: unknown };
    const list = Array.isArray(request.TrackingNumber) ? request.TrackingNumber.slice(0, 25) : [];
    return list.map(compactNumber).filter((n): n is string => Boolean(n));
  } catch {
    return [];
  }
}

/**
 * Background check without a key, as ups.com's own page asks: the session cookies of the user's browser and the
 * XSRF token from the `X-XSRF-TOKEN-ST` cookie (read with the optional `cookies` permission). Without a token, or
 * when UPS answers 401/403 (the session expired), the session is renewed once by loading the tracking page itself
 * (`GET https://www.ups.com/track?loc=en_US`, no number), then the request is sent once more; a second refusal is
 * "UPS asked for a check: open the page" and pauses UPS for hours. Only the number is sent, only to UPS's hosts.
 */
export const UPS_PAGE_ORIGIN = 'https://www.ups.com';
export const UPS_API_ORIGIN = 'https://webapis.ups.com';
export const UPS_XSRF_COOKIE = 'X-XSRF-TOKEN-ST';

export const upsWeb: StatusProvider = {
  id: 'ups-web',
  name: UPS_NAME,
  origins: [`${UPS_PAGE_ORIGIN}/*`, `${UPS_API_ORIGIN}/*`],
  needs: [],
  maxBatch: 1,
  requestPerPackage: true,
  // As for Canada Post, a safety cap: the per-package pacing keeps checks rare.
  budget: { perHour: 120, perDay: 1_500, concurrency: 1, minSpacingMs: 5_000 },
  supports: (pkg) => Boolean(pkg.number) && pkg.carrier === 'ups',
  dueAt: keylessDueAt,
  refresh: refreshUpsWeb,
};

async function refreshUpsWeb(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const pageBase = (ctx.baseUrl ?? UPS_PAGE_ORIGIN).replace(/\/+$/, '');
  const apiBase = (ctx.baseUrl ?? UPS_API_ORIGIN).replace(/\/+$/, '');
  const readCookie = ctx.cookie;
  if (!readCookie) return failBatch(packages, failure('permission', UPS_NAME), 0);
  const token = async () => {
    try {
      return { ok: true as const, value: await readCookie(`${UPS_PAGE_ORIGIN}/`, UPS_XSRF_COOKIE) };
    } catch {
      return { ok: false as const };
    }
  };
  /** Loads UPS's tracking page so that UPS sets a fresh session and token in the user's browser. */
  const renewSession = async (): Promise<ProviderFailure | undefined> => {
    const page = await httpRequest(ctx, UPS_NAME, `${pageBase}/track?loc=en_US`, {
      method: 'GET',
      headers: { accept: 'text/html' },
      credentials: 'include',
    });
    return page.ok ? undefined : page.failure;
  };
  let requests = 0;
  return eachPackage(packages, async (pkg) => {
    const number = pkg.number ?? '';
    const spent = requests;
    const ask = async (xsrf: string) => {
      requests++;
      return carrierJson(ctx, UPS_NAME, `${apiBase}/track/api/Track/GetStatus?loc=en_US`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-xsrf-token': xsrf },
        body: JSON.stringify({ Locale: 'en_US', TrackingNumber: [number] }),
        credentials: 'include',
      });
    };
    let xsrf = await token();
    if (!xsrf.ok) return packageFailed(pkg, failure('permission', UPS_NAME), 0);
    let renewed = false;
    if (!xsrf.value) {
      requests++;
      const renewal = await renewSession();
      if (renewal) return packageFailed(pkg, renewal, requests - spent);
      renewed = true;
      xsrf = await token();
    }
    if (!xsrf.ok || !xsrf.value)
      return packageFailed(pkg, blockedFailure(ctx.now(), 'no session'), requests - spent);
    let answer = await ask(xsrf.value);
    if (!answer.ok && (answer.status === 401 || answer.status === 403) && !renewed) {
      // The session or its token expired: renew it once, as the page would on reload, and ask once more.
      requests++;
      const renewal = await renewSession();
      if (renewal) return packageFailed(pkg, renewal, requests - spent);
      xsrf = await token();
      if (!xsrf.ok || !xsrf.value)
        return packageFailed(pkg, blockedFailure(ctx.now(), 'no session'), requests - spent);
      answer = await ask(xsrf.value);
    }
    if (!answer.ok) return packageFailed(pkg, answer.failure, requests - spent);
    const code = asString(at(answer.json, 'statusCode'));
    const reading: CarrierReading =
      code !== undefined && code !== '200'
        ? { kind: 'unreadable', reason: `status ${code.slice(0, 8)}` }
        : readUpsStatus(answer.json, number, ctx.now());
    return { outcome: outcomeOf(pkg, reading, ctx.now(), UPS_NAME), requests: requests - spent };
  });
}

function blockedFailure(now: number, detail: string): ProviderFailure {
  return failure('blocked', UPS_NAME, { retryAt: now + BLOCKED_PAUSE_MS, detail });
}
