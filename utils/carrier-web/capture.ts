import { cleanText } from '../providers/normalize';
import type { Detection } from '../store/types';
import { readCanadaPostDetail } from './canada-post';
import { dhlExpressAskedNumbers, readDhlUtapi } from './dhl-express';
import { dhlPaketAskedNumbers, readDhlPaketSearch } from './dhl-paket';
import { CAPTURE_MAX_CHARS, type CaptureReader, endpointFor } from './endpoints';
import { fedexAskedNumbers, readFedexShipments } from './fedex';
import { ontracAskedNumbers, readOntracTracking } from './ontrac';
import { type CarrierReading, compactNumber } from './reading';
import { readUpsStatus } from './ups';

/**
 * Capture on visit: a carrier page's own tracking JSON, as the page-world hook saw it, turned into detections with
 * the full event history and exact times. The hook runs among the page's scripts, so what arrives is hostile:
 * it must be a well-formed message about one of the known endpoints, the numbers asked for come from the request
 * itself (URL or body), each answer must be about exactly that number, and the number must be one the tracking
 * engine recognises as that carrier's. Anything else is dropped; the DOM reader still sees the page.
 */

export interface CapturedJson {
  /** URL the page requested. */
  url: string;
  /** Request body the page sent (UPS puts the numbers there). */
  requestBody?: string;
  /** Response text. */
  body: string;
}

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

function upsAskedNumbers(requestBody: string | undefined): string[] {
  try {
    const request = JSON.parse(requestBody ?? '') as { TrackingNumber?: unknown };
    const list = Array.isArray(request.TrackingNumber) ? request.TrackingNumber.slice(0, 25) : [];
    return list.map(compactNumber).filter((n): n is string => Boolean(n));
  } catch {
    return [];
  }
}

function canadaPostAskedNumbers(url: string): string[] {
  const n = compactNumber(new URL(url).pathname.split('/')[6]);
  return n ? [n] : [];
}

/** Per endpoint: where the request names its numbers (URL or body), and the carrier file's reader. */
const READERS: Record<
  CaptureReader,
  {
    asked: (captured: CapturedJson) => string[];
    read: (json: unknown, asked: string, now: number) => CarrierReading;
  }
> = {
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
  return endpoint ? READERS[endpoint.reader].asked(captured) : [];
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
    const reading = READERS[endpoint.reader].read(json, asked, now);
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
