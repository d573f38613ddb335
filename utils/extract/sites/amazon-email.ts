import type { Detection } from '../../store/types';
import { findTrackingNumbers } from '../../tracking';
import { findDeliveryPromise } from '../delivery-date';
import { type Found, type ScanContext, sourceOf } from '../page-scan';
import { statusFromText } from '../status-phrases';
import { collectVisibleText, type TextCollection } from '../visible-text';
import { AMAZON_HOST, amazonShipmentLink, isAmazonProductLink, itemTitle, orderIdsIn } from './amazon-links';
import type { MailMessage } from './webmail';

/**
 * Amazon shipping and delivery e-mails ("Shipped: …", "Your Amazon.co.uk order … has been dispatched", "Delivered: …",
 * "Delivery update: …", "Versandt: …", "Consegna effettuata: …"). Every link is wrapped in Amazon's /gp/r.html?U=
 * redirector; the "Track package" link names the order and shipment, which identify the package even before a
 * carrier number exists. One detection per shipment link (or per order when there is none).
 */

export function isAmazonMail(message: MailMessage): boolean {
  const domain = message.senderAddress?.split('@')[1];
  return Boolean(domain && AMAZON_HOST.test(domain));
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
  const writtenAt = message.date ?? context.now;
  const source = sourceOf(context);
  const reference = { at: writtenAt, timeZone: context.timeZone ?? 'UTC' };
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
  const fromSubject = subjectItem(message.subject);
  if (items.length === 0 && fromSubject) items.push(fromSubject);

  const orderIds = orderIdsIn(`${message.subject ?? ''}\n${text}`);
  const status = (message.subject && statusFromText(message.subject)) || statusFromText(text.slice(0, 2000));
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
