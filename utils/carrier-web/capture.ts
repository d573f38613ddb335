import { canadaPostAskedNumbers, readCanadaPostDetail } from '../carriers/canada-post/web';
import { dhlExpressAskedNumbers, readDhlUtapi } from '../carriers/dhl/express-web';
import { dhlPaketAskedNumbers, readDhlPaketSearch } from '../carriers/dhl/paket-web';
import { fedexAskedNumbers, readFedexShipments } from '../carriers/fedex/web';
import { ontracAskedNumbers, readOntracTracking } from '../carriers/ontrac/web';
import { readUpsStatus, upsAskedNumbers } from '../carriers/ups/web';
import { cleanText } from '../providers/normalize';
import type { Detection } from '../store/types';
import { CAPTURE_MAX_CHARS, type CaptureEndpointReader, endpointFor } from './endpoints';
import { type CapturedJson, type CaptureReader, compactNumber } from './reading';

/**
 * Capture on visit: a carrier page's own tracking JSON, as the page-world hook saw it, turned into detections with
 * the full event history and exact times. The hook runs among the page's scripts, so what arrives is hostile:
 * it must be a well-formed message about one of the known endpoints, the numbers asked for come from the request
 * itself (URL or body), each answer must be about exactly that number, and the number must be one the tracking
 * engine recognises as that carrier's. Anything else is dropped; the DOM reader still sees the page.
 */

export type { CapturedJson };

/** `identifyTrackingNumber` of utils/tracking, passed in so tests and the bundle choose. */
export type IdentifyCarrier = (number: string) => { number: string; carrier: string } | null;

/** Reads a message posted on the window; undefined unless it has exactly the expected shape and bounds. */
export function parseCapturedMessage(data: unknown, tag: string): CapturedJson | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.tag !== tag || typeof d.url !== 'string' || typeof d.body !== 'string') return undefined;
  if (d.url.length > 2048 || d.body.length > CAPTURE_MAX_CHARS) return undefined;
  if (d.requestBody !== undefined && (typeof d.requestBody !== 'string' || d.requestBody.length > 10_000))
    return undefined;
  return {
    url: d.url,
    body: d.body,
    ...(typeof d.requestBody === 'string' && { requestBody: d.requestBody }),
  };
}

/**
 * The capture context's index: per endpoint, one line naming its carrier folder's `web.ts` functions: where the
 * request names its numbers (URL or body) and the reader of the answer. The endpoint's hosts and path are data in
 * endpoints.ts, which the page-world hook shares. Written as literals here rather than one exported object per
 * carrier: the carrier-relay bundle stays byte-for-byte the size it was.
 */
export const CAPTURE_READERS: Record<CaptureEndpointReader, CaptureReader> = {
  ups: { asked: (c) => upsAskedNumbers(c.requestBody), read: readUpsStatus },
  canada_post: { asked: (c) => canadaPostAskedNumbers(c.url), read: readCanadaPostDetail },
  fedex: { asked: (c) => fedexAskedNumbers(c.requestBody), read: readFedexShipments },
  dhl_express: { asked: (c) => dhlExpressAskedNumbers(c.url), read: readDhlUtapi },
  dhl_paket: { asked: (c) => dhlPaketAskedNumbers(c.url), read: readDhlPaketSearch },
  ontrac: { asked: (c) => ontracAskedNumbers(c.url), read: readOntracTracking },
};

/** Numbers the page asked about in this request. */
export function askedNumbers(captured: CapturedJson): string[] {
  const endpoint = endpointFor(captured.url);
  return endpoint ? CAPTURE_READERS[endpoint.reader].asked(captured) : [];
}

export function detectionsFromCapture(
  captured: CapturedJson,
  pageUrl: string,
  now: number,
  identify: IdentifyCarrier,
): Detection[] {
  const endpoint = endpointFor(captured.url);
  if (!endpoint) return [];
  let json: unknown;
  try {
    json = JSON.parse(captured.body);
  } catch {
    return [];
  }
  const source: Detection['source'] = { kind: 'carrier', seenAt: now };
  if (/^https:\/\//.test(pageUrl) && pageUrl.length <= 2048) source.url = pageUrl;
  const detections: Detection[] = [];
  for (const asked of askedNumbers(captured)) {
    const known = identify(asked);
    if (!known || !endpoint.carriers.includes(known.carrier) || compactNumber(known.number) !== asked)
      continue;
    const reading = CAPTURE_READERS[endpoint.reader].read(json, asked, now);
    if (reading.kind !== 'found') continue;
    const { facts } = reading;
    const detection: Detection = {
      number: known.number,
      carrier: known.carrier,
      status: facts.status,
      statusAt: Math.min(facts.statusAt ?? now, now),
      source,
    };
    const statusText = cleanText(facts.statusText, 300);
    if (statusText) detection.statusText = statusText;
    if (facts.eta) detection.eta = facts.eta;
    if (facts.events && facts.events.length > 0) detection.events = facts.events;
    if (facts.trackUrl) detection.trackUrl = facts.trackUrl;
    detections.push(detection);
  }
  return detections;
}
