import { AMAZON_HOST } from '../../amazon-stores';
import { queryParam, resolveLink } from '../links';

/**
 * Amazon's own links, shared by the e-mail, order and tracker extractors: which store a host is, the order id format,
 * and the shipment a "Track package" link points at (ship-track, progress-tracker and shiptrack/view all carry it).
 */

export { AMAZON_HOST };

/** Physical orders 3-7-7 digits, digital D01-…; never inside a longer digit run. */
export const ORDER_ID = /(?<![\d-])((?:\d{3}|D\d{2})-\d{7}-\d{7})(?![\d-])/g;

const IDENTIFIER = /^[A-Za-z0-9-]{4,40}$/;
const TRACK_PATH =
  /\/(?:gp\/your-account\/ship-track|progress-tracker\/package|gp\/css\/shiptrack\/view\.html|your-orders\/ship-track)/i;

export function isAmazonUrl(url: string): boolean {
  try {
    return AMAZON_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

export interface AmazonShipmentLink {
  url: string;
  orderId?: string;
  shipmentId?: string;
}

/** The shipment a (possibly wrapped) Amazon tracking link names, or undefined for any other link. */
export function amazonShipmentLink(href: string, base?: string): AmazonShipmentLink | undefined {
  const url = resolveLink(href, base);
  if (!url || !isAmazonUrl(url) || !TRACK_PATH.test(new URL(url).pathname)) return undefined;
  const orderId = queryParam(url, 'orderId') ?? queryParam(url, 'orderNumber');
  const shipmentId = queryParam(url, 'shipmentId') ?? queryParam(url, 'orderingShipmentId');
  return {
    url,
    ...(orderId && IDENTIFIER.test(orderId) && { orderId }),
    ...(shipmentId && IDENTIFIER.test(shipmentId) && { shipmentId }),
  };
}

/** Whether a (possibly wrapped) link points at an Amazon product page, whose text is then an item title. */
export function isAmazonProductLink(href: string, base?: string): boolean {
  const url = resolveLink(href, base);
  return Boolean(
    url && isAmazonUrl(url) && /\/(?:dp|gp\/product|gp\/aw\/d)\/[A-Z0-9]{10}/i.test(new URL(url).pathname),
  );
}

/** Every distinct order id in a text, in order. */
export function orderIdsIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(ORDER_ID), (m) => m[1] ?? ''))].filter(Boolean);
}

/** A product title as shown in a link, or undefined for navigation text ("Buy it again", "View your item"). */
export function itemTitle(text: string): string | undefined {
  const title = text.replace(/\s+/g, ' ').trim();
  if (
    title.length < 3 ||
    /^(?:buy it again|view|track|write a|return|kaufen|erneut|voir|ver |vedi)/i.test(title)
  ) {
    return undefined;
  }
  return title.length > 300 ? `${title.slice(0, 299)}…` : title;
}
