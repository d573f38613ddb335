import { cleanEvents } from '../providers/normalize';
import { asArray, asRecord, asString, at } from '../providers/read';
import { upsStatus } from '../providers/ups';
import type { PackageStatus } from '../store/types';
import { type CarrierReading, compactNumber } from './reading';

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
