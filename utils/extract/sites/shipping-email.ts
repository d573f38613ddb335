import { carrierFromHost } from '../../tracking';
import { dayIn, toIsoDay } from '../calendar';
import { findDeliveryPromise } from '../delivery-date';
import { carriersNamedIn, documentCarriers } from '../document-carriers';
import {
  detectionOf,
  type Found,
  numbersIn,
  promiseAround,
  readingReference,
  type ScanContext,
  sourceOf,
  statusAround,
} from '../page-scan';
import { headlineStatus } from '../status-phrases';
import { collectVisibleText } from '../visible-text';
import { B } from '../word-chars';
import type { MailMessage } from './webmail';

/**
 * Any shop's or carrier's shipping e-mail (UPS, FedEx, USPS, DHL, Etsy, eBay, Shopify stores …): the numbers and carrier
 * links of the body, dated by the e-mail, with the subject's status, the body's delivery promise, the sender as the
 * merchant and a labelled order number.
 */

/** Senders that are carriers, not shops: their display name is not the merchant. */
const CARRIER_SENDER =
  /@(?:[\w-]+\.)*(?:ups|usps|fedex|dhl|dhl-news|deutschepost|royalmail|canadapost|purolator|ontrac|dpd|hermes|evri|gls|yodel|laposte|colissimo|correos|poste|postnl|amazon)\.[a-z.]+$/i;

/** Words that make an e-mail a shipping e-mail (automatic mode) rather than any mail with a number in it (ask). */
export const SHIPPING_WORDS =
  /\b(?:shipped|shipping|shipment|dispatched|tracking|track (?:your|my) (?:package|order|parcel)|out for delivery|delivered|delivery|on (?:its|the) way|arriving|package|parcel|versandt|versendet|sendung|paket|zugestellt|lieferung|expédi[ée]|colis|livraison|livré|enviado|envío|paquete|entrega|spedito|spedizione|pacco|consegna)/i;

const ORDER_LABEL =
  /(?:order|bestellung|bestellnummer|commande|pedido|ordine)\s*(?:number|no\.?|nr\.?|n[°º.]|#|numéro|número|numero)?\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]{3,39})\b/gi;

export function isCarrierSender(address: string | undefined): boolean {
  return Boolean(address && CARRIER_SENDER.test(address));
}

/** Parcel words of languages the list above lacks but real carrier mails use (pl, nl). */
const MORE_SHIPPING_WORDS = new RegExp(
  `${B}(?:paczk[aięą]|przesyłk[aię]|kurier|doręcz|dostarcz|pakket|bezorg|zending)`,
  'iu',
);

/** A mail about a parcel: a carrier sent it or its subject names one, or its words are about shipping. */
export function isShippingMail(message: MailMessage, text: string): boolean {
  if (message.senderAddress && carrierFromHost(message.senderAddress)) return true;
  const head = `${message.subject ?? ''}\n${text.slice(0, 4000)}`;
  return (
    SHIPPING_WORDS.test(head) || MORE_SHIPPING_WORDS.test(head) || carriersNamedIn(message.subject).length > 0
  );
}

export function extractShippingEmail(
  message: MailMessage,
  context: ScanContext,
  collected = collectVisibleText(message.body, { trackNodes: true }),
): Found[] {
  // A mail dated in the future (a wrong clock) must not outrank what is seen now: readingReference clamps it.
  const reference = readingReference({ ...context, writtenAt: message.date ?? context.now });
  const writtenAt = reference.at;
  const carriers = documentCarriers({
    ...(message.senderAddress && { senderAddress: message.senderAddress }),
    ...(message.subject && { subject: message.subject }),
    hrefs: collected.links.map((l) => l.href),
  });
  const numbers = numbersIn(collected, {
    ...context,
    ...(carriers.length > 0 && { documentCarriers: carriers }),
  });
  if (numbers.length === 0) return [];

  // The message is read once: its headline status, its subject's and its delivery promise, each when first needed.
  const subjectStatus = message.subject ? headlineStatus(message.subject) : undefined;
  const single = numbers.length === 1;
  // One package: the message's own headline speaks for it ("out for delivery" above "will be delivered today"), then
  // the subject (in a thread it may be an earlier message's), then the words next to the number.
  // Several: each keeps the words next to it, the subject filling in where there are none.
  const messageStatus = single ? (headlineStatus(collected.text.slice(0, 1500)) ?? subjectStatus) : undefined;
  // "Your order from LittleLoomStudio" names no order: the id is the first labelled value holding a digit.
  const orderId = single
    ? Array.from(collected.text.matchAll(ORDER_LABEL), (m) => m[1] ?? '').find((id) => /\d/.test(id))
    : undefined;
  const merchant =
    message.senderName && !isCarrierSender(message.senderAddress)
      ? message.senderName.slice(0, 120)
      : undefined;
  const source = sourceOf(context);

  return numbers.map((found) => {
    const status = messageStatus ?? statusAround(found) ?? subjectStatus;
    // The promise next to the number, else the mail's (for one package), else: out for delivery means today, in the
    // reader's zone, even where the mail prints no date ("Dziś doręczamy").
    const eta =
      promiseAround(found, reference) ??
      (single
        ? findDeliveryPromise(`${message.subject ?? ''}\n${collected.text}`, reference)?.eta
        : undefined) ??
      (status?.status === 'out_for_delivery'
        ? { start: toIsoDay(dayIn(writtenAt, reference.timeZone)), timeZone: reference.timeZone }
        : undefined);
    return detectionOf(found, { status, eta }, source, writtenAt, {
      ...(merchant && { merchant }),
      ...(orderId && { orderId }),
    });
  });
}
