import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractAmazonOrders } from '@/utils/extract/sites/amazon-orders';
import { gmail } from '@/utils/extract/sites/gmail';
import { extractMailMessage } from '@/utils/extract/sites/mail-message';
import type { MailMessage } from '@/utils/extract/sites/webmail';
import type { Detection } from '@/utils/store/types';

/** Real e-mails and Amazon pages (tests/fixtures/realworld, MIT, see its README), read as the content script does. */

const FIXTURES = new URL('../../fixtures/realworld/', import.meta.url);
const load = (file: string) =>
  parseHTML(readFileSync(new URL(file, FIXTURES), 'utf8')).document as unknown as Document;
// Monday 7 December 2026: every mail here is years old.
const NOW = Date.UTC(2026, 11, 7, 12);
const MAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzrealworld';

function openMail(id: string): MailMessage {
  const [message] = gmail.findMessages(load(`mail/${id}.html`), 'UTC');
  if (!message) throw new Error(`no message in ${id}`);
  return message;
}

function readMail(id: string, now = NOW): Detection[] {
  const scan = extractMailMessage(openMail(id), {
    url: MAIL_URL,
    sourceKind: 'webmail',
    now,
    timeZone: 'UTC',
  });
  return scan.found.map((f) => f.detection);
}

function readAmazon(id: string, url: string, now = NOW): Detection[] {
  return extractAmazonOrders(load(`amazon/${id}.html`), {
    url,
    sourceKind: 'amazon',
    now,
    timeZone: 'America/Chicago',
  }).map((f) => f.detection);
}

describe('real carrier e-mails', () => {
  it('DPD Polska via Allegro: the carrier named in the subject, "Dziś doręczamy" = out for delivery today', () => {
    const [parcel, ...rest] = readMail('dpd_com_pl_delivering');
    expect(rest).toEqual([]);
    expect(parcel).toMatchObject({
      number: '1000399528451U',
      carrier: 'dpd',
      status: 'out_for_delivery',
      eta: { start: '2022-01-13' },
    });
  });

  it('GLS (gls-group.eu): "została dzisiaj dostarczona" is delivered, "nadana przez" (sent by) is no status', () => {
    expect(readMail('gls_delivered')).toEqual([
      expect.objectContaining({ number: '90346692444', carrier: 'gls', status: 'delivered' }),
    ]);
  });

  it('GLS: in transit, the promised day behind "Przewidywana data doręczenia"; the hotline is no number', () => {
    expect(readMail('gls_delivering')).toEqual([
      expect.objectContaining({
        number: '90346692444',
        carrier: 'gls',
        status: 'in_transit',
        eta: expect.objectContaining({ start: '2021-12-24' }),
      }),
    ]);
  });

  it('Royal Mail: delivered; and on its way with "Delivery is due: Tuesday, 11 August 2020"', () => {
    expect(readMail('royal_mail_uk_delivered')).toEqual([
      expect.objectContaining({ number: 'MA038506556GB', carrier: 'royal_mail', status: 'delivered' }),
    ]);
    expect(readMail('royal_mail_uk_out_for_delivery')).toEqual([
      expect.objectContaining({
        number: 'MA038506556GB',
        status: 'in_transit',
        eta: expect.objectContaining({ start: '2020-08-11' }),
      }),
    ]);
  });

  it('USPS Informed Delivery digest: each parcel keeps the words of its own card, across table whitespace', () => {
    const found = readMail('new_informed_delivery');
    expect(found.map((d) => [d.number, d.status, d.eta?.start])).toEqual([
      ['9214490276543059184146', 'in_transit', '2022-10-31'],
      ['9212490276543059243005', 'in_transit', '2022-11-02'],
    ]);
  });

  it('USPS out for delivery: the headline status and today', () => {
    expect(readMail('usps_out_for_delivery')).toEqual([
      expect.objectContaining({
        number: '92748931508577307776690000',
        status: 'out_for_delivery',
        eta: expect.objectContaining({ start: '2020-09-23' }),
      }),
    ]);
  });

  it('a mail dated in the future never dates its evidence after it was seen', () => {
    const message = { ...openMail('gls_delivered'), date: NOW + 400 * 86_400_000 };
    const [parcel] = extractMailMessage(message, {
      url: MAIL_URL,
      sourceKind: 'webmail',
      now: NOW,
      timeZone: 'UTC',
    }).found.map((f) => f.detection);
    expect(parcel?.status).toBe('delivered');
    expect(parcel?.statusAt).toBe(NOW);
  });
});

describe('real Amazon e-mails', () => {
  it('a forwarded order confirmation is read as Amazon mail: one order, ordered, with its promised day', () => {
    expect(readMail('amazon_fwd')).toEqual([
      expect.objectContaining({
        orderId: '123-1234567-1234567',
        merchant: 'Amazon',
        status: 'info_received',
        eta: expect.objectContaining({ start: '2022-01-11' }),
      }),
    ]);
  });

  it('"will arrive:" then the date after blank markup; the subject\'s placeholder order makes no second package', () => {
    expect(readMail('amazon_shipped')).toEqual([
      expect.objectContaining({
        orderId: '113-5838173-8241820',
        shipmentId: 'DxdffwBQ0',
        status: 'in_transit',
        eta: expect.objectContaining({ start: '2020-09-11' }),
      }),
    ]);
  });

  it('Amazon UK dispatched: the QA number, the body\'s order, "Arriving: Saturday, December 12"', () => {
    expect(readMail('amazon_uk_shipped')).toEqual([
      expect.objectContaining({
        number: 'QA0881872248',
        carrier: 'amazon',
        orderId: '202-5744269-7075523',
        status: 'in_transit',
        eta: expect.objectContaining({ start: '2020-12-12' }),
      }),
    ]);
  });

  it('Amazon UK "will be delivered today": an estimate of today, not a delivery', () => {
    const [parcel, ...rest] = readMail('amazon_uk_out_for_delivery');
    expect(rest).toEqual([]);
    expect(parcel).toMatchObject({ orderId: '205-2169302-5352337', eta: { start: '2020-11-28' } });
    expect(['in_transit', 'out_for_delivery']).toContain(parcel?.status);
  });

  it('a Hub pickup notice stores neither its pickup code nor the customer-service phone', () => {
    expect(readMail('amazon_hub_notice')).toEqual([]);
  });
});

const HISTORY = (year: number) =>
  `https://www.amazon.com/your-orders/orders?timeFilter=year-${year}&startIndex=0`;

describe('real Amazon order pages', () => {
  it('an eGift card and a Whole Foods store purchase are not packages; the shipped orders are', () => {
    const found = readAmazon('order-history-egift', HISTORY(2024));
    const orders = new Set(found.map((d) => d.orderId));
    expect(orders.has('112-8022032-9113020')).toBe(false);
    expect(orders.has('113-8722089-7051426')).toBe(false);
    expect(orders.size).toBe(8);
    expect(found.every((d) => d.status === 'delivered')).toBe(true);
  });

  it('the eGift card order details page ("Sent") is not a package', () => {
    const url = 'https://www.amazon.com/gp/your-account/order-details?orderID=112-4482432-2955442';
    expect(readAmazon('order-details-112-4482432-2955442', url)).toEqual([]);
  });

  it('a cancelled order is not a package', () => {
    const found = readAmazon('order-history-canceled-order', HISTORY(2025));
    expect(found.some((d) => d.orderId === '111-9642662-1037012')).toBe(false);
    expect(new Set(found.map((d) => d.orderId)).size).toBe(9);
  });

  it('old cards without a stated shipment status are history ("Auto-delivered: Every 2 months" is no status)', () => {
    expect(readAmazon('order-history-2018-0', HISTORY(2018))).toEqual([]);
    // Seen on 2 January 2019, the orders placed in the last four weeks are still packages to wait for.
    const fresh = readAmazon('order-history-2018-0', HISTORY(2018), Date.UTC(2019, 0, 2, 18));
    const orders = new Set(fresh.map((d) => d.orderId));
    expect(orders.has('113-1971284-5573839')).toBe(true); // placed December 30, 2018
    expect(orders.has('113-6341657-9881860')).toBe(true); // December 6: 27 days
    expect(fresh.every((d) => d.status === undefined)).toBe(true);
    const old = readAmazon('order-history-2018-0', HISTORY(2018), Date.UTC(2019, 0, 20, 18));
    expect(old.map((d) => d.orderId)).not.toContain('113-6341657-9881860');
  });

  it('"Refunded" and "Return complete" are the customer\'s own returns of delivered shipments, one record each', () => {
    const url = 'https://www.amazon.com/gp/your-account/order-details?orderID=114-4894799-3952235';
    const found = readAmazon('order-subscriptions-and-reward-points-snippet', url);
    expect(found.map((d) => [d.orderId, d.status, d.statusText])).toEqual([
      ['114-4894799-3952235', 'delivered', 'Delivered March 15'],
      ['114-4894799-3952235', 'delivered', 'Refunded'],
      ['114-4894799-3952235', 'delivered', 'Return complete'],
    ]);
  });
});
