import type { Detection, Eta, PackageStatus, TrackingEvent } from '../../store/types';
import { identifyTrackingNumber } from '../../tracking';
import { findDeliveryPromise } from '../delivery-date';
import { type EventLayout, readEvents } from '../events';
import { queryParam, safeHttpUrl, safeSourceUrl } from '../links';
import { statusFromText } from '../status-phrases';
import { textOf } from '../visible-text';

/**
 * Amazon's "Track package" page (/progress-tracker/package, /gp/your-account/ship-track). The page embeds its state as
 * JSON in `script[type="a-state"][data-a-state='{"key":"page-state"}']` (trackingId, orderId, shortStatus,
 * promise.promiseMessage), which is read first because it does not depend on wording or layout; the visible headline,
 * tracking-ID line, carrier line and event list are the fallback and supply what the state lacks.
 *
 * Works on any `ParentNode` and uses no browser globals, so it runs wherever a fetched page can be parsed: an
 * offscreen document on Chrome, the event page on Firefox, linkedom in Node tests.
 */

export interface AmazonTrackPage {
  orderId?: string;
  shipmentId?: string;
  /** Carrier tracking number (TBA… for Amazon Logistics, or a UPS/USPS/… number). */
  trackingId?: string;
  carrier?: string;
  carrierName?: string;
  status?: PackageStatus;
  statusText?: string;
  eta?: Eta;
  events: TrackingEvent[];
}

export interface TrackPageContext {
  /** The page's URL: order and shipment ids are in its query when the state lacks them. */
  url?: string;
  now: number;
  timeZone?: string;
}

const SHORT_STATUS: Record<string, PackageStatus> = {
  ORDER_PLACED: 'info_received',
  SHIPPING_SOON: 'info_received',
  NOT_SHIPPED: 'info_received',
  IN_TRANSIT: 'in_transit',
  SHIPPED: 'in_transit',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  DELIVERED: 'delivered',
  PICKED_UP: 'delivered',
  AVAILABLE_FOR_PICKUP: 'available_for_pickup',
  DELAYED: 'exception',
  UNDELIVERABLE: 'exception',
  DELIVERY_ATTEMPTED: 'failed_attempt',
  RETURNING: 'returned',
  RETURNED: 'returned',
};

const CARRIER_NAMES: [RegExp, string][] = [
  [/\bamazon\b/i, 'amazon'],
  [/\bups\b/i, 'ups'],
  [/\busps\b|postal service/i, 'usps'],
  [/\bfedex\b/i, 'fedex'],
  [/\bdhl\b/i, 'dhl'],
  [/\bontrac\b/i, 'ontrac'],
  [/\blasership\b/i, 'lasership'],
  [/canada post|postes canada/i, 'canada_post'],
  [/royal mail/i, 's10'],
  [/\bdpd\b/i, 'dpd'],
  [/\byodel\b/i, 'yodel'],
  [/purolator/i, 'purolator'],
];

const IDENTIFIER = /^[A-Za-z0-9-]{4,40}$/;
/** The state is small; a huge script is not Amazon's and is not parsed. */
const MAX_STATE_CHARS = 200_000;

function pageState(root: ParentNode): Record<string, unknown> | undefined {
  for (const script of root.querySelectorAll('script[type="a-state"]')) {
    const key = script.getAttribute('data-a-state') ?? '';
    if (!key.includes('page-state')) continue;
    const json = script.textContent ?? '';
    if (json.length > MAX_STATE_CHARS) continue;
    try {
      const value: unknown = JSON.parse(json);
      if (value && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // Malformed state: fall back to the visible page.
    }
  }
  return undefined;
}

function stringAt(object: Record<string, unknown> | undefined, ...path: string[]): string | undefined {
  let value: unknown = object;
  for (const key of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined;
}

/** "Tracking ID: TBA123…", "Trackingnummer TBA…", "N° de suivi : …" → the number itself, validated. */
function cleanTrackingId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const last = raw.split(/[:：]/).pop() ?? raw;
  const tokens = last.trim().split(/\s+/);
  const compact = (
    tokens.length > 1 && /^[A-Z0-9]{6,}$/i.test(tokens.at(-1) ?? '') ? tokens.at(-1) : tokens.join('')
  )
    ?.toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return compact && /^[A-Z0-9]{6,40}$/.test(compact) ? compact : undefined;
}

function carrierFromName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return CARRIER_NAMES.find(([pattern]) => pattern.test(name))?.[1];
}

/** The "Package history" list: day headers ("Friday, November 27", "Donnerstag, 26. November") and timed rows. */
const EVENTS: EventLayout = {
  within: '#tracking-events-container, .pt-events-container, [data-component="trackingEvents"]',
  rows: '.tracking-event-date-header, .tracking-event-date, .tracking-event-row, .a-row',
  day: '.tracking-event-date-header, .tracking-event-date',
  at: '.tracking-event-time',
  what: '.tracking-event-message',
  where: '.tracking-event-location',
};

/** Reads a track page; undefined when the page is not one (no state, no headline, no tracking id). */
export function parseAmazonTrackPage(
  root: ParentNode,
  context: TrackPageContext,
): AmazonTrackPage | undefined {
  const state = pageState(root);
  const headline = textOf(
    root.querySelector(
      'h1.pt-promise-main-slot, .pt-promise-main-slot, #primaryStatus, .pt-status-main-status, .milestone-primaryMessage',
    ),
  );
  const secondary = textOf(
    root.querySelector('.pt-promise-details-slot, #secondaryStatus, .pt-status-secondary-status'),
  );
  const trackingLine = textOf(
    root.querySelector('.pt-delivery-card-trackingId, .carrierRelatedInfo-trackingId-text'),
  );
  if (!state && !headline && !trackingLine) return undefined;

  const reference = { at: context.now, timeZone: context.timeZone ?? 'UTC' };
  const url = context.url ? safeHttpUrl(context.url) : undefined;
  const orderId = stringAt(state, 'orderId') ?? (url && queryParam(url, 'orderId'));
  const shipmentId = stringAt(state, 'shipmentId') ?? (url && queryParam(url, 'shipmentId'));
  const trackingId = cleanTrackingId(stringAt(state, 'trackingId')) ?? cleanTrackingId(trackingLine);
  const carrierName = textOf(
    root.querySelector('.carrierRelatedInfo-mfn-providerTitle, .pt-delivery-card-carrier'),
  );
  const carrier =
    carrierFromName(carrierName) ?? (trackingId ? identifyTrackingNumber(trackingId)?.carrier : undefined);

  const promiseMessage = stringAt(state, 'promise', 'promiseMessage') ?? headline;
  const shortStatus = stringAt(state, 'shortStatus')?.toUpperCase();
  const statusWords = statusFromText([promiseMessage, secondary].filter(Boolean).join(' · '));
  const status = (shortStatus && SHORT_STATUS[shortStatus]) || statusWords?.status;
  const promise =
    status === 'delivered' || !promiseMessage
      ? undefined
      : findDeliveryPromise(
          [promiseMessage, stringAt(state, 'promise', 'pdwHelpIconMessage'), secondary].join('\n'),
          reference,
        );

  return {
    ...(orderId && IDENTIFIER.test(orderId) && { orderId }),
    ...(shipmentId && IDENTIFIER.test(shipmentId) && { shipmentId }),
    ...(trackingId && { trackingId }),
    ...(carrier && { carrier }),
    ...(carrierName && { carrierName: carrierName.slice(0, 120) }),
    ...(status && { status }),
    ...(promiseMessage && { statusText: promiseMessage.slice(0, 300) }),
    ...(promise && { eta: promise.eta }),
    events: readEvents(root, EVENTS, reference),
  };
}

/** The package a track page shows, as a detection (undefined without an order id or a tracking number). */
export function amazonTrackDetection(
  page: AmazonTrackPage,
  context: TrackPageContext & { sourceKind: Detection['source']['kind'] },
): Detection | undefined {
  if (!page.orderId && !page.trackingId) return undefined;
  const url = context.url ? safeHttpUrl(context.url) : undefined;
  const sourceUrl = url && safeSourceUrl(url);
  const newest = page.events[0];
  return {
    ...(page.trackingId && { number: page.trackingId }),
    ...(page.carrier && { carrier: page.carrier }),
    ...(page.orderId && { orderId: page.orderId }),
    ...(page.shipmentId && { shipmentId: page.shipmentId }),
    merchant: 'Amazon',
    ...(page.status && { status: page.status }),
    ...(page.statusText && { statusText: page.statusText }),
    ...(page.status && newest && { statusAt: Math.min(newest.at, context.now) }),
    ...(page.eta && { eta: page.eta }),
    ...(page.events.length > 0 && { events: page.events }),
    ...(url && { trackUrl: url }),
    source: { kind: context.sourceKind, ...(sourceUrl && { url: sourceUrl }), seenAt: context.now },
  };
}
