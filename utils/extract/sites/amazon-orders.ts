import type { Detection } from '../../store/types';
import { findDeliveryPromise } from '../delivery-date';
import { pastDayAt } from '../events';
import { queryParam } from '../links';
import { type Found, type ScanContext, sourceOf } from '../page-scan';
import { statusFromText } from '../status-phrases';
import { textOf as lineOf } from '../visible-text';
import { amazonShipmentLink, isAmazonProductLink, itemTitle, orderIdsIn } from './amazon-links';
import { selfAndDescendants } from './webmail';

/**
 * Amazon "Your Orders" (order history) and order details pages, every store: each order card, each shipment box in it,
 * the shipment's status line ("Arriving Wednesday", "Delivered November 20", "Zustellung heute", "Livré le 3 déc.")
 * and its "Track package" link. Class names from three layouts are listed; the first that matches wins.
 */

export const ORDER_CARD =
  '.order-card, .js-order-card, #orderCard, .a-box-group.order, #orderDetails, [data-component="orderCard"]';
// A shipment is the whole box: status, items and the "Track package" button. On the 2025 details page that box is an
// `.a-box` of the `shipments` component; its `shipmentStatus` part holds only the status, not the items or the link.
const SHIPMENT =
  '.delivery-box, div.a-box.shipment, [data-component="shipments"] .a-box, .js-shipment-info-container, [data-component="shipment"]';
// `.od-status-message` is the whole headline ("Delivered November 25"), of which `.a-text-bold` spans are the parts.
const STATUS_LINE =
  '.delivery-box__primary-text, .yohtmlc-shipment-status-primaryText, .od-status-message, .shipment-info-container .a-row > span, [data-component="shipmentStatus"] .a-text-bold, .a-size-medium.a-text-bold';
const SECONDARY_LINE = '.delivery-box__secondary-text, .yohtmlc-shipment-status-secondaryText';
const ORDER_ID_ELEMENT =
  '.yohtmlc-order-id span[dir="ltr"], .yohtmlc-order-id bdi, [data-component="orderId"], .order-date-invoice-item bdi';
const TRACK_LINK =
  '.track-package-button a, a[href*="ship-track"], a[href*="progress-tracker"], a[href*="shiptrack"]';
const ITEM_LINK = '.yohtmlc-product-title, .yohtmlc-item a[href], a[href*="/dp/"], a[href*="/gp/product/"]';

function orderIdOf(card: Element, url: string): string | undefined {
  const labelled = lineOf(card.querySelector(ORDER_ID_ELEMENT));
  const fromLabel = labelled ? orderIdsIn(labelled)[0] : undefined;
  if (fromLabel) return fromLabel;
  for (const link of card.querySelectorAll('a[href*="orderID="], a[href*="orderId="]')) {
    const href = link.getAttribute('href') ?? '';
    const id = queryParam(new URL(href, url).href, 'orderID');
    if (id && orderIdsIn(id).length === 1) return id;
  }
  return (
    orderIdsIn(card.textContent ?? '')[0] ??
    (card.matches('#orderDetails') ? queryParam(url, 'orderID') : undefined)
  );
}

function itemsOf(box: Element, url: string): string[] {
  const titles: string[] = [];
  for (const element of box.querySelectorAll(ITEM_LINK)) {
    const href = element.getAttribute('href');
    if (element.tagName === 'A' && href && !isAmazonProductLink(href, url)) continue;
    const title = itemTitle(element.textContent ?? '');
    if (title && !titles.includes(title)) titles.push(title);
    if (titles.length >= 20) break;
  }
  return titles;
}

function shipmentDetection(
  box: Element,
  orderId: string | undefined,
  context: ScanContext,
): Found | undefined {
  const statusLine = lineOf(box.querySelector(STATUS_LINE)) ?? lineOf(box.querySelector('.a-row'));
  const secondary = lineOf(box.querySelector(SECONDARY_LINE));
  const trackElement = box.querySelector(TRACK_LINK);
  const link = trackElement
    ? amazonShipmentLink(trackElement.getAttribute('href') ?? '', context.url)
    : undefined;
  const id = link?.orderId ?? orderId;
  if (!id) return undefined;
  const reference = { at: context.now, timeZone: context.timeZone ?? 'UTC' };
  const status = statusLine ? statusFromText(statusLine) : undefined;
  let statusAt: number | undefined;
  if (status?.status === 'delivered' && statusLine) {
    // "Delivered November 20": the day it happened, at noon (the hour is not shown).
    const at = pastDayAt(statusLine.replace(/^[^\d\p{L}]*/u, ''), '', reference);
    if (at !== undefined) statusAt = Math.min(at, context.now);
  }
  const promise =
    status?.status === 'delivered'
      ? undefined
      : findDeliveryPromise([statusLine, secondary].filter(Boolean).join('\n'), reference);
  const items = itemsOf(box, context.url);
  const detection: Detection = {
    orderId: id,
    ...(link?.shipmentId && { shipmentId: link.shipmentId }),
    merchant: 'Amazon',
    ...(items.length > 0 && { itemTitles: items }),
    ...(status && { status: status.status, statusText: statusLine }),
    ...(statusAt !== undefined && { statusAt }),
    ...(promise && { eta: promise.eta }),
    ...(link && { trackUrl: link.url }),
    source: sourceOf(context),
  };
  return { detection, anchor: trackElement ?? box.querySelector(STATUS_LINE) ?? box };
}

/** Every shipment of every order on an order history or order details page. */
export function extractAmazonOrders(root: ParentNode, context: ScanContext): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  const cards = selfAndDescendants(root, ORDER_CARD);
  for (const card of cards) {
    // Nested matches (an order details page inside a card layout) are read once, at the outermost card.
    if (card.parentElement?.closest(ORDER_CARD)) continue;
    const orderId = orderIdOf(card, context.url);
    const boxes = [...card.querySelectorAll(SHIPMENT)].filter((b) => !b.parentElement?.closest(SHIPMENT));
    for (const box of boxes.length > 0 ? boxes : [card]) {
      const shipment = shipmentDetection(box, orderId, context);
      if (!shipment) continue;
      // Without a link yet, two shipments of one order still differ by their items.
      const { orderId: id, shipmentId, trackUrl, itemTitles } = shipment.detection;
      const key = `${id}/${shipmentId ?? ''}/${trackUrl ?? ''}/${shipmentId ? '' : (itemTitles ?? []).join('\n')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(shipment);
    }
  }
  return found;
}

/** Which Amazon page a URL is. */
export function amazonPageType(url: string): 'track' | 'orders' | 'other' {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'other';
  }
  if (/\/progress-tracker\/|\/ship-track|\/shiptrack\//i.test(path)) return 'track';
  if (/order-history|\/your-orders\/|order-details|\/gp\/css\/summary/i.test(path)) return 'orders';
  return 'other';
}
