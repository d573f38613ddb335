import { type CarrierReading, compactNumber, zonedInstant } from '../../carrier-web/reading';
import { fedexStatus } from '../../providers/fedex';
import { cleanEvents, etaFrom } from '../../providers/normalize';
import { asArray, asRecord, asString, at } from '../../providers/read';
import type { PackageStatus } from '../../store/types';

/**
 * The JSON that fedex.com's own tracking page loads (capture on visit only: FedEx guards this endpoint with a bot
 * check, so Doorstep never asks it from the background; "check now" opens the page instead).
 *
 * Request: `POST https://api.fedex.com/track/v2/shipments` with `{ appDeviceType: "WTRK", appType: "WTRK",
 * uniqueKey, trackingInfo: [{ trackNumberInfo: { trackingNumber, trackingQualifier, trackingCarrier } }] }`
 * (some page versions spell the inner key `trackingNumberInfo`). Answer: `{ transactionId, output: { packages: [{
 * trackingNbr, keyStatus, keyStatusCD, statusWithDetails, isDelivered, estDeliveryDt, actDeliveryDt,
 * scanEventList: [{ date "yyyy-MM-dd", time "HH:mm:ss", gmtOffset "-05:00", status, statusCD, scanLocation,
 * scanDetails }], errorList: [{ code, message }] }] } }`.
 * Facts from: littlehawk93/columba `providers/fedex/trackingRequest.go` and `providers/fedex/trackingResponse.go`
 * (request and scan fields); a FedEx adapter's notes in the index (`keyStatusCD`, `estDeliveryDt`, `actDeliveryDt`,
 * binding to `trackingNbr`); status codes as in FedEx's documented Track API (utils/providers/fedex.ts).
 */

export const FEDEX_NAME = 'FedEx';

/** The numbers a captured request asked about, from its JSON body. */
export function fedexAskedNumbers(requestBody: string | undefined): string[] {
  try {
    const request = JSON.parse(requestBody ?? '') as { trackingInfo?: unknown };
    return asArray(request.trackingInfo, 30)
      .map((info) =>
        compactNumber(
          at(info, 'trackNumberInfo', 'trackingNumber') ?? at(info, 'trackingNumberInfo', 'trackingNumber'),
        ),
      )
      .filter((n): n is string => Boolean(n));
  } catch {
    return [];
  }
}

function scanStatus(scan: unknown): PackageStatus {
  const status = fedexStatus(at(scan, 'statusCD'), at(scan, 'status'));
  return status === 'unknown' ? 'in_transit' : status;
}

/** One `track/v2/shipments` answer; `asked` is the number requested. */
export function readFedexShipments(json: unknown, asked: string, now: number): CarrierReading {
  const output = asRecord(at(json, 'output'));
  if (!output) return { kind: 'unreadable', reason: 'not an object' };
  const want = compactNumber(asked);
  // Bound strictly to the number: several packages (a multi-piece shipment) may come back in one answer.
  const matches = asArray(output.packages, 50).filter((p) => compactNumber(at(p, 'trackingNbr')) === want);
  if (!want || matches.length !== 1) return { kind: 'unreadable', reason: 'answer for another number' };
  const pkg = matches[0];
  const errors = asArray(at(pkg, 'errorList'), 10);
  const codes = errors.map((e) => asString(at(e, 'code'))).filter((c): c is string => Boolean(c));
  // The Track API's own "not found" code is FedEx saying so; any other error is "couldn't check".
  if (codes.includes('TRACKING.TRACKINGNUMBER.NOTFOUND')) return { kind: 'not_found', number: want };
  if (codes.length > 0) return { kind: 'unreadable', reason: `error ${codes[0]?.slice(0, 40)}` };
  const events = cleanEvents(
    asArray(at(pkg, 'scanEventList'), 300).map((scan) => ({
      at: zonedInstant(at(scan, 'date'), at(scan, 'time'), at(scan, 'gmtOffset')),
      status: scanStatus(scan),
      description: [at(scan, 'status'), at(scan, 'scanDetails')]
        .filter((part) => typeof part === 'string' && part.trim())
        .join(': '),
      location: at(scan, 'scanLocation'),
    })),
    now,
  );
  const keyText = asString(at(pkg, 'keyStatus'));
  let status = fedexStatus(at(pkg, 'keyStatusCD'), keyText);
  if (status === 'unknown') status = events[0]?.status ?? 'unknown';
  // Delivered only on FedEx's own code or flag, never from a scan's wording.
  const deliveredSaid = at(pkg, 'keyStatusCD') === 'DL' || at(pkg, 'isDelivered') === true;
  if (status === 'delivered' && !deliveredSaid) status = 'in_transit';
  if (status === 'unknown') return { kind: 'unreadable', reason: 'no status yet' };
  const eta = status === 'delivered' || status === 'returned' ? undefined : etaFrom(at(pkg, 'estDeliveryDt'));
  return {
    kind: 'found',
    number: want,
    facts: {
      status,
      statusText: keyText ?? events[0]?.description,
      ...(events[0] && { statusAt: events[0].at }),
      ...(eta && { eta }),
      events,
      trackUrl: `https://www.fedex.com/fedextrack/?trknbr=${want}`,
      sourceUrl: 'https://www.fedex.com/fedextrack/',
    },
  };
}
