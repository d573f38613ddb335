import type { Detection } from '../../store/types';
import { findTrackingNumbers } from '../../tracking';
import { findDeliveryPromise } from '../delivery-date';
import { type Found, readingReference, type ScanContext, sourceOf } from '../page-scan';
import { headlineStatus } from '../status-phrases';
import { collectVisibleText, type TextCollection } from '../visible-text';
import { AMAZON_HOST, amazonShipmentLink, isAmazonProductLink, itemTitle, orderIdsIn } from './amazon-links';
import type { MailMessage } from './webmail';

/**
 * Amazon shipping and delivery e-mails ("Shipped: …", "Your Amazon.co.uk order … has been dispatched", "Delivered: …",
 * "Delivery update: …", "Versandt: …", "Consegna effettuata: …"). Every link is wrapped in Amazon's /gp/r.html?U=
 * redirector; the "Track package" link names the order and shipment, which identify the package even before a
 * carrier number exists. One detection per shipment link (or per order when there is none).
 */

/**
 * The headers a mail client writes above a forwarded message ("Begin forwarded message:", "---------- Forwarded
 * message ---------", "-----Original Message-----", "Weitergeleitete Nachricht", "Message transféré"), then the
 * original sender's line.
 */
const FORWARDED_FROM =
  /(?:begin forwarded message|forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|mensaje reenviado|messaggio inoltrato)[\s\S]{0,400}?(?:from|von|de|da|od)\s*:[^\n@]{0,120}?[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/i;

/** The domain of the sender of the message forwarded in `text`, if the mail is a forward. */
export function forwardedSenderDomain(subject: string | undefined, text: string): string | undefined {
  const head = text.slice(0, 3000);
  if (!/^\s*(?:fwd?|wg|tr|rv|i)\s*:/i.test(subject ?? '') && !FORWARDED_FROM.test(head)) return undefined;
  return FORWARDED_FROM.exec(head)?.[1]?.toLowerCase();
}

/** Sent by Amazon, or a forward of a mail Amazon sent (the user forwarding their order mails to themselves). */
export function isAmazonMail(message: MailMessage, text?: string): boolean {
  const domain = message.senderAddress?.split('@')[1];
  if (domain && AMAZON_HOST.test(domain)) return true;
  const forwarded = text === undefined ? undefined : forwardedSenderDomain(message.subject, text);
  return Boolean(forwarded && AMAZON_HOST.test(forwarded));
}

/** "Shipped: "Wool socks, 3 pairs" and 1 more item" → the item named in the subject. */
function subjectItem(subject: string | undefined): string | undefined {
  const match =
    /^(?:shipped|dispatched|delivered|out for delivery|versandt|geliefert|expédié|livré|enviado|entregado|spedito|consegnato)[^:]*:\s*(.+)$/i.exec(
      subject ?? '',
    );
  const rest = match?.[1]?.replace(/\s+and \d+ more items?$/i, '').replace(/^["“'«]|["”'»]$/g, '');
  if (
    !rest ||
    /^(?:your amazon|now arriving|arriving|ihre amazon|votre commande|tu pedido|il tuo ordine)/i.test(rest)
  ) {
    return undefined;
  }
  return itemTitle(rest);
}

export function extractAmazonEmail(
  message: MailMessage,
  context: ScanContext,
  collected: TextCollection = collectVisibleText(message.body, { trackNodes: true }),
): Found[] {
  // A mail dated in the future (a wrong clock) must not outrank what is seen now: readingReference clamps it.
  const reference = readingReference({ ...context, writtenAt: message.date ?? context.now });
  const writtenAt = reference.at;
  const source = sourceOf(context);
  const { text, links } = collected;

  const shipments = new Map<
    string,
    { orderId?: string; shipmentId?: string; url: string; anchor: Element }
  >();
  const items: string[] = [];
  for (const link of links) {
    const shipment = amazonShipmentLink(link.href, context.url);
    if (shipment?.orderId || shipment?.shipmentId) {
      const key = shipment.shipmentId ?? shipment.orderId ?? '';
      if (!shipments.has(key)) shipments.set(key, { ...shipment, anchor: link.element });
      continue;
    }
    if (shipment) continue;
    if (isAmazonProductLink(link.href, context.url)) {
      const title = itemTitle(link.text);
      if (title && !items.includes(title)) items.push(title);
    }
  }
  // One order never makes two packages: a link that names no shipment, or an order id the mail does not state
  // (a placeholder such as 123-45678-901 in a template link), speaks for the shipment another link already names.
  const named = [...shipments.values()].filter((s) => s.shipmentId);
  if (named.length > 0) {
    const stated = new Set(orderIdsIn(text.replace(/https?:\/\/\S+/g, ' ')));
    for (const [key, shipment] of shipments) {
      if (shipment.shipmentId) continue;
      const known = shipment.orderId && orderIdsIn(shipment.orderId)[0] === shipment.orderId;
      if (
        !known ||
        named.some((n) => n.orderId === shipment.orderId) ||
        !stated.has(shipment.orderId ?? '')
      ) {
        shipments.delete(key);
      }
    }
  }
  for (const shipment of shipments.values()) {
    // A link's malformed order id is not an order: the mail's own id is used instead.
    if (shipment.orderId && orderIdsIn(shipment.orderId)[0] !== shipment.orderId) delete shipment.orderId;
  }
  const fromSubject = subjectItem(message.subject);
  if (items.length === 0 && fromSubject) items.push(fromSubject);

  // The body's order ids speak for the mail; the subject's only when the body has none (subjects of test and
  // forwarded mails carry placeholders like 123-4567890-1234567 that no link or body line confirms).
  // Ids inside URLs written out in a text mail ("…/dp/B07…/ref=…/143-7900164-1929561/…") are tracking tags.
  const bodyOrderIds = orderIdsIn(text.replace(/https?:\/\/\S+/g, ' '));
  const orderIds = bodyOrderIds.length > 0 ? bodyOrderIds : orderIdsIn(message.subject ?? '');
  const status = (message.subject && headlineStatus(message.subject)) || headlineStatus(text.slice(0, 2000));
  const promise =
    status?.status === 'delivered'
      ? undefined
      : findDeliveryPromise(`${message.subject ?? ''}\n${text}`, reference);
  const numbers = findTrackingNumbers(text);

  const common: Omit<Detection, 'source'> = {
    merchant: 'Amazon',
    ...(items.length > 0 && { itemTitles: items.slice(0, 20) }),
    ...(status && { status: status.status, statusText: status.phrase, statusAt: writtenAt }),
    ...(promise && { eta: promise.eta }),
  };
  const found: Found[] = [];
  const single = shipments.size <= 1;
  for (const shipment of shipments.values()) {
    const orderId = shipment.orderId ?? (orderIds.length === 1 ? orderIds[0] : undefined);
    const number = single && numbers.length === 1 ? numbers[0] : undefined;
    if (!orderId && !number) continue;
    found.push({
      detection: {
        ...common,
        ...(orderId && { orderId }),
        ...(shipment.shipmentId && { shipmentId: shipment.shipmentId }),
        ...(number && { number: number.number, carrier: number.carrier }),
        trackUrl: shipment.url,
        source,
      },
      anchor: shipment.anchor,
    });
  }
  if (shipments.size === 0) {
    // No tracking link (order confirmations, some locales): one package per order mentioned.
    for (const orderId of orderIds.slice(0, 20)) {
      const number = orderIds.length === 1 && numbers.length === 1 ? numbers[0] : undefined;
      found.push({
        detection: {
          ...common,
          orderId,
          ...(number && { number: number.number, carrier: number.carrier }),
          source,
        },
      });
    }
  }
  return found;
}
