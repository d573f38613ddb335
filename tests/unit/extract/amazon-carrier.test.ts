import { describe, expect, it } from 'vitest';
import { siteFor } from '@/utils/extract/sites';
import { extractAmazonOrders } from '@/utils/extract/sites/amazon-orders';
import { amazonTrackDetection, parseAmazonTrackPage } from '@/utils/extract/sites/amazon-tracker';
import { extractCarrierPage } from '@/utils/extract/sites/carrier-page';
import { loadPage } from './fixtures';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
// Friday 27 November 2026, 10:00 in New York.
const NOW = Date.UTC(2026, 10, 27, 15);

describe('Amazon order history', () => {
  it('reads each order card of amazon.com: status line, promise, delivered day, items, track link', () => {
    const url = 'https://www.amazon.com/gp/css/order-history?ref_=nav_orders_first';
    const found = extractAmazonOrders(loadPage('amazon/order-history.html'), {
      url,
      sourceKind: 'amazon',
      now: NOW,
      timeZone: NY,
    });
    expect(found.map((f) => f.detection)).toEqual([
      {
        orderId: '113-5838173-8241820',
        shipmentId: 'DxdffwBQ0',
        merchant: 'Amazon',
        itemTitles: ['Merino Wool Hiking Socks, 3 Pairs'],
        eta: { start: '2026-12-01', timeZone: NY },
        trackUrl:
          'https://www.amazon.com/gp/your-account/ship-track?ie=UTF8&itemId=jnlmpsllqpqwsn&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0&ref_=ppx_yo2ov_dt_b_track_package',
        source: { kind: 'amazon', url: 'https://www.amazon.com/gp/css/order-history', seenAt: NOW },
      },
      expect.objectContaining({
        orderId: '112-9087123-4471602',
        shipmentId: 'Gk2Jq8xFn',
        itemTitles: ['USB-C Charging Cable, 6 ft (2-Pack)', 'Stainless Steel Water Bottle, 32 oz'],
        status: 'delivered',
        statusText: 'Delivered November 20',
        // Noon on the day it was delivered, in the reader's zone.
        statusAt: Date.UTC(2026, 10, 20, 17),
      }),
    ]);
    expect(found[0]?.anchor?.textContent).toBe('Track package');
  });

  it('reads amazon.de in German, with and without a track link', () => {
    const url = 'https://www.amazon.de/gp/css/order-history';
    const found = extractAmazonOrders(loadPage('amazon/order-history-de.html'), {
      url,
      sourceKind: 'amazon',
      now: NOW,
      timeZone: BERLIN,
    });
    expect(found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        orderId: '302-4417781-6650713',
        shipmentId: 'Q7c9mVzTr',
        itemTitles: ['Bosch Professional Akkuschrauber GSR 12V-15'],
        eta: { start: '2026-12-01', timeZone: BERLIN },
      }),
      expect.objectContaining({
        orderId: '028-1190345-7735502',
        status: 'delivered',
        statusAt: Date.UTC(2026, 10, 20, 11),
      }),
    ]);
  });
});

describe('Amazon track page', () => {
  const url =
    'https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?_encoding=UTF8&itemId=jnlmpsllqpqwsn&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0';

  it('reads the state JSON first: tracking id, status, promise; the visible page for carrier and events', () => {
    const page = parseAmazonTrackPage(loadPage('amazon/track-package.html'), { url, now: NOW, timeZone: NY });
    expect(page).toEqual({
      orderId: '113-5838173-8241820',
      shipmentId: 'DxdffwBQ0',
      trackingId: 'TBA010000000000',
      carrier: 'amazon',
      carrierName: 'Delivery by Amazon',
      status: 'out_for_delivery',
      statusText: 'Arriving today by 10 PM',
      eta: { start: '2026-11-27', by: '22:00', timeZone: NY },
      events: [
        {
          at: Date.UTC(2026, 10, 27, 12, 48),
          status: 'out_for_delivery',
          description: 'Out for delivery',
          location: 'Seattle, WA US',
        },
        {
          at: Date.UTC(2026, 10, 27, 2, 12),
          status: 'in_transit',
          description: 'Package arrived at an Amazon facility',
          location: 'Kent, WA US',
        },
        {
          at: Date.UTC(2026, 10, 26, 12, 3),
          status: 'in_transit',
          description: 'Shipped',
          location: 'Tracy, CA US',
        },
      ],
    });
    const detection = page && amazonTrackDetection(page, { url, now: NOW, sourceKind: 'amazon' });
    expect(detection).toMatchObject({
      number: 'TBA010000000000',
      orderId: '113-5838173-8241820',
      statusAt: Date.UTC(2026, 10, 27, 12, 48),
    });
  });

  it('falls back to the visible page when the state is missing or broken (amazon.de, German)', () => {
    const doc = loadPage('amazon/track-package-de.html');
    const script = doc.querySelector('script[type="a-state"]');
    if (script) script.textContent = '{"orderId": broken';
    const page = parseAmazonTrackPage(doc, {
      url: 'https://www.amazon.de/gp/your-account/ship-track?ie=UTF8&orderId=302-4417781-6650713&packageIndex=0&shipmentId=Q7c9mVzTr',
      now: NOW,
      timeZone: BERLIN,
    });
    expect(page).toMatchObject({
      orderId: '302-4417781-6650713',
      shipmentId: 'Q7c9mVzTr',
      trackingId: 'JJD0099999999',
      carrier: 'dhl',
      status: 'in_transit',
      eta: { start: '2026-12-01', timeZone: BERLIN },
    });
    expect(page?.events).toEqual([
      {
        at: Date.UTC(2026, 10, 26, 17, 2),
        status: 'in_transit',
        description: 'Paket wurde an DHL übergeben',
        location: 'Leipzig, DE',
      },
    ]);
  });

  it('is not fooled by a page that is not a track page', () => {
    expect(parseAmazonTrackPage(loadPage('amazon/order-history.html'), { now: NOW })).toBeUndefined();
  });
});

describe('carrier page', () => {
  it('captures the status UPS shows for the number in the URL', () => {
    const url = 'https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127&requester=ST/trackdetails';
    const doc = loadPage('carrier/ups-track.html');
    const [found] = extractCarrierPage(doc.body, { url, sourceKind: 'carrier', now: NOW, timeZone: NY });
    expect(found?.detection).toEqual({
      number: '1Z5R89390357567127',
      carrier: 'ups',
      status: 'out_for_delivery',
      statusText: 'Out for Delivery',
      eta: { start: '2026-11-27', by: '19:00', timeZone: NY },
      trackUrl: url,
      source: { kind: 'carrier', url: 'https://www.ups.com/track', seenAt: NOW },
    });
  });

  it('does not lend a status to a number the page does not show', () => {
    const url = 'https://www.ups.com/track?loc=en_US&tracknum=1Z879E930346834440';
    const doc = loadPage('carrier/ups-track.html');
    const [found] = extractCarrierPage(doc.body, { url, sourceKind: 'carrier', now: NOW, timeZone: NY });
    expect(found?.detection.number).toBe('1Z879E930346834440');
    expect(found?.detection.status).toBeUndefined();
  });
});

describe('siteFor', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://mail.yahoo.com/d/folders/1', 'yahoo'],
    ['https://www.amazon.co.uk/gp/css/order-history', 'amazon-orders'],
    ['https://www.amazon.de/progress-tracker/package?orderId=1', 'amazon-track'],
    ['https://www.amazon.com/dp/B0C7QZ8K2M', 'none'],
    ['https://track.amazon.com/tracking/TBA010000000000', 'carrier'],
    ['https://www.fedex.com/fedextrack/?trknbr=986578788855', 'carrier'],
    ['https://shop.example/orders/1', 'page'],
  ])('%s → %s', (url, id) => {
    expect(siteFor(url).id).toBe(id);
  });
});
