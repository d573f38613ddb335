import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { findDeliveryPromise } from '@/utils/extract/delivery-date';
import { siteFor } from '@/utils/extract/sites';
import { amazonPageType, extractAmazonOrders } from '@/utils/extract/sites/amazon-orders';
import { DetectionSchema } from '@/utils/messages';
import { loadPage } from './fixtures';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
// Friday 27 November 2026, 10:00 in New York, 16:00 in Berlin.
const NOW = Date.UTC(2026, 10, 27, 15);

const COM_URL =
  'https://www.amazon.com/your-orders/order-details?orderID=113-2047766-5561938&ref=ppx_yo2ov_dt_b_fed_order_details';
const DE_URL =
  'https://www.amazon.de/gp/your-account/order-details?ie=UTF8&orderID=304-8825146-2209917&ref_=ppx_yo_dt_b_order_details_o00';

describe('Amazon order details page', () => {
  it('is an orders page under every details URL Amazon uses', () => {
    expect(amazonPageType(COM_URL)).toBe('orders');
    expect(amazonPageType(DE_URL)).toBe('orders');
    expect(
      amazonPageType('https://www.amazon.co.uk/gp/css/summary/edit.html?orderID=202-5744269-7075523'),
    ).toBe('orders');
    expect(siteFor(COM_URL).id).toBe('amazon-orders');
  });

  it('amazon.com (2025 layout): each shipment of a two-shipment order, with its own status, items and link', () => {
    const found = extractAmazonOrders(loadPage('amazon/order-details.html'), {
      url: COM_URL,
      sourceKind: 'amazon',
      now: NOW,
      timeZone: NY,
    });
    const source = { kind: 'amazon', url: 'https://www.amazon.com/your-orders/order-details', seenAt: NOW };
    expect(found.map((f) => f.detection)).toEqual([
      {
        orderId: '113-2047766-5561938',
        shipmentId: 'Hx7pQ2mLd',
        merchant: 'Amazon',
        itemTitles: ['Lodge Cast Iron Skillet, 12 Inch, Pre-Seasoned'],
        status: 'delivered',
        statusText: 'Delivered November 25',
        // Noon on the day it was delivered, in the reader's zone (the hour is not shown).
        statusAt: Date.UTC(2026, 10, 25, 17),
        trackUrl:
          'https://www.amazon.com/gp/your-account/ship-track?itemId=kqmnrpstlpxsoq&orderId=113-2047766-5561938&shipmentId=Hx7pQ2mLd&packageIndex=0&ref_=ppx_hzod_shipconns_dt_b_track_package_0',
        source,
      },
      {
        orderId: '113-2047766-5561938',
        shipmentId: 'Bv3nK9tWq',
        merchant: 'Amazon',
        itemTitles: [
          'Rechargeable LED Headlamp, 1200 Lumen, Waterproof',
          'AA Rechargeable Batteries, 2800mAh (8-Pack)',
        ],
        // "Arriving Thursday" on Friday 27 November: the next Thursday, 3 December; a parcel on its way.
        status: 'in_transit',
        statusText: 'Arriving Thursday',
        eta: { start: '2026-12-03', timeZone: NY },
        trackUrl:
          'https://www.amazon.com/gp/your-account/ship-track?itemId=hlmqrpsnkpxtou&orderId=113-2047766-5561938&shipmentId=Bv3nK9tWq&packageIndex=0&ref_=ppx_hzod_shipconns_dt_b_track_package_1',
        source,
      },
    ]);
    // The chip goes next to each shipment's own "Track package" button.
    expect(found.map((f) => f.anchor?.textContent)).toEqual(['Track package', 'Track package']);
    for (const { detection } of found) expect(v.safeParse(DetectionSchema, detection).success).toBe(true);
  });

  it('amazon.de (older layout, German): the one shipment, its promised day and "Lieferung verfolgen" link', () => {
    const found = extractAmazonOrders(loadPage('amazon/order-details-de.html'), {
      url: DE_URL,
      sourceKind: 'amazon',
      now: NOW,
      timeZone: BERLIN,
    });
    expect(found.map((f) => f.detection)).toEqual([
      {
        orderId: '304-8825146-2209917',
        shipmentId: 'Wm4rT8zQk',
        merchant: 'Amazon',
        itemTitles: ['Edelstahl Thermoskanne 1 Liter, doppelwandig, auslaufsicher'],
        eta: { start: '2026-12-02', timeZone: BERLIN },
        trackUrl:
          'https://www.amazon.de/gp/your-account/ship-track?ie=UTF8&itemId=jpmnqrsoklrtun&orderId=304-8825146-2209917&packageIndex=0&shipmentId=Wm4rT8zQk&ref_=ppx_od_dt_b_track_package',
        source: { kind: 'amazon', url: 'https://www.amazon.de/gp/your-account/order-details', seenAt: NOW },
      },
    ]);
    expect(found[0]?.anchor?.textContent).toBe('Lieferung verfolgen');
  });

  it('reads each page the way the content script does: one unit, the same shipments', () => {
    const doc = loadPage('amazon/order-details.html');
    const units = siteFor(COM_URL).units(doc.body);
    expect(units).toHaveLength(1);
    const scanned = units.flatMap(
      (u) => u.run({ url: COM_URL, sourceKind: 'amazon', now: NOW, timeZone: NY }).found,
    );
    expect(scanned.map((f) => f.detection.shipmentId)).toEqual(['Hx7pQ2mLd', 'Bv3nK9tWq']);
  });

  it('takes the order id from the page header when a shipment has no track link yet', () => {
    const doc = loadPage('amazon/order-details.html');
    for (const link of doc.querySelectorAll('[data-component="shipmentConnections"] a')) link.remove();
    const found = extractAmazonOrders(doc, { url: COM_URL, sourceKind: 'amazon', now: NOW, timeZone: NY });
    // Both shipments are still there, told apart by their items even without a shipment id.
    expect(
      found.map((f) => [f.detection.orderId, f.detection.shipmentId, f.detection.itemTitles?.length]),
    ).toEqual([
      ['113-2047766-5561938', undefined, 1],
      ['113-2047766-5561938', undefined, 2],
    ]);
  });
});

describe('German day-first dates in a status line', () => {
  const reference = { at: NOW, timeZone: BERLIN };

  it('reads "2. Dezember" as one date: the ordinal period does not end the sentence', () => {
    expect(findDeliveryPromise('Zustellung voraussichtlich 2. Dezember', reference)?.eta).toEqual({
      start: '2026-12-02',
      timeZone: BERLIN,
    });
    expect(findDeliveryPromise('Zustellung: 15. Januar\nVersandt mit DHL', reference)?.eta).toEqual({
      start: '2027-01-15',
      timeZone: BERLIN,
    });
  });

  it('still ends a sentence at a period that is not a day before a month', () => {
    // "Bestellt am 20." closes its sentence; the promise-less "Zustellung" line borrows no date from the next one.
    expect(
      findDeliveryPromise('Zustellung folgt in Kürze. Bestellt am 26. November', reference),
    ).toBeUndefined();
    expect(
      findDeliveryPromise('Arriving December 3. Track your package', { at: NOW, timeZone: NY })?.eta,
    ).toEqual({ start: '2026-12-03', timeZone: NY });
  });
});
