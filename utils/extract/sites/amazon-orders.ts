import type { Detection } from '../../store/types';
import { findDeliveryPromise } from '../delivery-date';
import { pastDayAt } from '../events';
import { queryParam } from '../links';
import { type Found, readingReference, type ScanContext, sourceOf } from '../page-scan';
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

/** A status line is a headline ("Delivered November 20", "Arriving Wednesday"): a long text is a whole box. */
const MAX_STATUS_LINE = 100;

function statusLineOf(box: Element): string | undefined {
  const line = lineOf(box.querySelector(STATUS_LINE)) ?? lineOf(box.querySelector('.a-row'));
  return line && line.length <= MAX_STATUS_LINE ? line : undefined;
}

/**
 * Orders that never become a parcel: digital orders (D01-…), eGift cards sent by e-mail, Whole Foods and other store
 * or pickup purchases, cancelled orders. Read from the card's own words, in the stores' languages.
 */
const NOT_A_PARCEL =
  /\be-?gift ?card|manage gift card|digital order|whole foods market|in-store purchase|store purchase|items? in this purchase|picked up in store|your order (?:was|has been) cancel+ed|order cancel+ed|bestellung (?:wurde )?storniert|commande annulée|pedido cancelado|ordine annullato/i;
/** A status line that ends the order without a parcel. */
const NO_PARCEL_STATUS =
  /^(?:cancel+ed|storniert|annulée?|cancelado|annullato|sent|gesendet|envoyé|enviado|inviato)\b/i;

/** "Order placed November 17, 2010", "Ordered on October 30, 2024", "Purchased October 17, 2024", "Bestellung aufgegeben 3. Mai 2024". */
const PLACED_LABEL =
  /(?:order placed|ordered on|purchased|bestellung aufgegeben|bestellt am|commande effectuée|commandé le|pedido realizado|ordine effettuato)\s*:?\s*([^\n]{4,40})/i;

/** An order older than this whose page states no shipment status is history, not a package to wait for. */
const UNDATED_ORDER_MAX_AGE_DAYS = 28;

export function isNotAParcel(card: Element, orderId: string | undefined): boolean {
  if (orderId?.startsWith('D')) return true;
  return NOT_A_PARCEL.test((card.textContent ?? '').replace(/\s+/g, ' '));
}

/** When the order was placed (epoch ms, noon of that day), from the card's "Order placed" line. */
export function orderPlacedAt(
  card: Element,
  reference: { at: number; timeZone: string },
): number | undefined {
  const text = (card.textContent ?? '').replace(/\s+/g, ' ');
  const placed = PLACED_LABEL.exec(text)?.[1];
  return placed ? pastDayAt(placed, '', reference) : undefined;
}

function shipmentDetection(
  box: Element,
  orderId: string | undefined,
  context: ScanContext,
  placedAt: number | undefined,
): Found | undefined {
  const statusLine = statusLineOf(box);
  const secondary = lineOf(box.querySelector(SECONDARY_LINE));
  const trackElement = box.querySelector(TRACK_LINK);
  const link = trackElement
    ? amazonShipmentLink(trackElement.getAttribute('href') ?? '', context.url)
    : undefined;
  const id = link?.orderId ?? orderId;
  if (!id) return undefined;
  const reference = readingReference(context);
  if (statusLine && NO_PARCEL_STATUS.test(statusLine)) return undefined;
  const status = statusLine ? statusFromText(statusLine) : undefined;
  // An old order whose page states no shipment status (years of history) is not a package to wait for.
  if (!status && placedAt !== undefined && context.now - placedAt > UNDATED_ORDER_MAX_AGE_DAYS * 86_400_000) {
    return undefined;
  }
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
    if (isNotAParcel(card, orderId)) continue;
    const placedAt = orderPlacedAt(card, readingReference(context));
    const boxes = [...card.querySelectorAll(SHIPMENT)].filter((b) => !b.parentElement?.closest(SHIPMENT));
    for (const box of boxes.length > 0 ? boxes : [card]) {
      const shipment = shipmentDetection(box, orderId, context, placedAt);
      if (!shipment) continue;
      // Without a link yet, two shipments of one order still differ by their items.
      const { orderId: id, shipmentId, trackUrl, itemTitles, statusText } = shipment.detection;
      const key = `${id}/${shipmentId ?? ''}/${trackUrl ?? ''}/${shipmentId ? '' : `${statusText ?? ''}\n${(itemTitles ?? []).join('\n')}`}`;
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
