import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { siteFor } from '@/utils/extract/sites';
import { extractAmazonOrders } from '@/utils/extract/sites/amazon-orders';
import { amazonTrackDetection, parseAmazonTrackPage } from '@/utils/extract/sites/amazon-tracker';
import { extractCarrierPage } from '@/utils/extract/sites/carrier-page';
import { DetectionSchema } from '@/utils/messages';
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
        // "Arriving Tuesday": on its way, due on the next Tuesday.
        status: 'in_transit',
        statusText: 'Arriving Tuesday',
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
  it('captures the status and the shipment progress UPS shows for the number in the URL', () => {
    const url = 'https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127&requester=ST/trackdetails';
    const doc = loadPage('carrier/ups-track.html');
    const [found] = extractCarrierPage(doc.body, { url, sourceKind: 'carrier', now: NOW, timeZone: NY });
    expect(found?.detection).toEqual({
      number: '1Z5R89390357567127',
      carrier: 'ups',
      status: 'out_for_delivery',
      statusText: 'Out for Delivery',
      statusAt: Date.UTC(2026, 10, 27, 10, 2),
      eta: { start: '2026-11-27', by: '19:00', timeZone: NY },
      events: [
        {
          at: Date.UTC(2026, 10, 27, 10, 2),
          status: 'out_for_delivery',
          description: 'Out For Delivery Today',
          location: 'Seattle, WA, United States',
        },
        {
          at: Date.UTC(2026, 10, 27, 4, 15),
          status: 'in_transit',
          description: 'Arrived at Facility',
          location: 'Seattle, WA, United States',
        },
      ],
      trackUrl: url,
      source: { kind: 'carrier', url: 'https://www.ups.com/track', seenAt: NOW },
    });
    expect(found?.anchor?.id).toBe('st_App_PkgStsMonthNum');
    expect(v.safeParse(DetectionSchema, found?.detection).success).toBe(true);
  });

  it('USPS: headline of the current step and every step of the history, date-only steps at noon', () => {
    const url = 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787';
    // 4 PM in New York, the day after the delivery (the demo page is dated so that it is never in a test's future).
    const now = Date.UTC(2026, 10, 27, 21);
    const [found, ...more] = extractCarrierPage(loadPage('carrier/usps-track.html').body, {
      url,
      sourceKind: 'carrier',
      now,
      timeZone: NY,
    });
    expect(more).toEqual([]);
    expect(found?.detection).toMatchObject({
      number: '9400111206206406260787',
      carrier: 'usps',
      status: 'delivered',
      statusText: 'Delivered',
      statusAt: Date.UTC(2026, 10, 26, 18, 47),
      trackUrl: url,
      source: { kind: 'carrier', url: 'https://tools.usps.com/go/TrackConfirmAction', seenAt: now },
    });
    // Delivered: no promise is kept, even though the banner names a date.
    expect(found?.detection.eta).toBeUndefined();
    expect(found?.detection.events).toEqual([
      {
        at: Date.UTC(2026, 10, 26, 18, 47),
        status: 'delivered',
        description: 'Delivered, In/At Mailbox',
        location: 'BROOKLYN, NY 11215',
      },
      {
        at: Date.UTC(2026, 10, 26, 11, 10),
        status: 'out_for_delivery',
        description: 'Out for Delivery',
        location: 'BROOKLYN, NY 11215',
      },
      {
        at: Date.UTC(2026, 10, 26, 9, 58),
        status: 'in_transit',
        description: 'Arrived at Post Office',
        location: 'BROOKLYN, NY 11215',
      },
      { at: Date.UTC(2026, 10, 24, 17), status: 'in_transit', description: 'In Transit to Next Facility' },
      {
        at: Date.UTC(2026, 10, 23, 21, 32),
        status: 'in_transit',
        description: 'USPS in possession of item',
        location: 'SEATTLE, WA 98108',
      },
      {
        at: Date.UTC(2026, 10, 22, 14, 15),
        status: 'info_received',
        description: 'Shipping Label Created, USPS Awaiting Item',
        location: 'SEATTLE, WA 98108',
      },
    ]);
    expect(v.safeParse(DetectionSchema, found?.detection).success).toBe(true);
  });

  it('FedEx: stylized status headline, travel history grouped under day headers with two-digit years', () => {
    const url = 'https://www.fedex.com/fedextrack/?trknbr=986578788855';
    const [found] = extractCarrierPage(loadPage('carrier/fedex-track.html').body, {
      url,
      sourceKind: 'carrier',
      now: NOW,
      timeZone: NY,
    });
    expect(found?.detection).toMatchObject({
      number: '986578788855',
      carrier: 'fedex',
      status: 'in_transit',
      statusText: 'On the way',
      statusAt: Date.UTC(2026, 10, 27, 9, 58),
    });
    expect(found?.anchor?.tagName.toLowerCase()).toBe('trk-shared-stylized-status');
    expect(found?.detection.events?.map((e) => [e.at, e.status, e.description, e.location])).toEqual([
      [Date.UTC(2026, 10, 27, 9, 58), 'in_transit', 'Departed FedEx hub', 'MEMPHIS, TN'],
      [Date.UTC(2026, 10, 27, 4, 21), 'in_transit', 'Arrived at FedEx hub', 'MEMPHIS, TN'],
      [Date.UTC(2026, 10, 26, 23, 3), 'in_transit', 'Left FedEx origin facility', 'HEBRON, KY'],
      [Date.UTC(2026, 10, 26, 18, 40), 'in_transit', 'Picked up', 'HEBRON, KY'],
      [Date.UTC(2026, 10, 25, 14, 2), 'info_received', 'Shipment information sent to FedEx', undefined],
    ]);
    expect(v.safeParse(DetectionSchema, found?.detection).success).toBe(true);
  });

  it('DHL Express: status copy, expected day, checkpoints under day titles in local 24-hour time', () => {
    const url = 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=3318810025&submit=1';
    const LONDON = 'Europe/London';
    const [found] = extractCarrierPage(loadPage('carrier/dhl-track.html').body, {
      url,
      sourceKind: 'carrier',
      now: NOW,
      timeZone: LONDON,
    });
    expect(found?.detection).toMatchObject({
      number: '3318810025',
      carrier: 'dhl',
      status: 'out_for_delivery',
      statusText: 'With delivery courier',
      statusAt: Date.UTC(2026, 10, 27, 7, 42),
      eta: { start: '2026-11-27', timeZone: LONDON },
    });
    expect(found?.detection.events).toEqual([
      {
        at: Date.UTC(2026, 10, 27, 7, 42),
        status: 'out_for_delivery',
        description: 'With delivery courier',
        location: 'LONDON-HEATHROW - UK',
      },
      {
        at: Date.UTC(2026, 10, 27, 5, 10),
        status: 'in_transit',
        description: 'Arrived at DHL Delivery Facility',
        location: 'LONDON-HEATHROW - UK',
      },
      {
        at: Date.UTC(2026, 10, 26, 22, 31),
        status: 'in_transit',
        description: 'Departed Facility',
        location: 'EAST MIDLANDS - UK',
      },
      {
        at: Date.UTC(2026, 10, 25, 18, 40),
        status: 'in_transit',
        description: 'Shipment picked up',
        location: 'FRANKFURT - GERMANY',
      },
    ]);
    expect(v.safeParse(DetectionSchema, found?.detection).success).toBe(true);
  });

  it('reads no events for a page that shows another number, and bounds a hostile event list', () => {
    // The USPS page opened for another number: neither its status nor its history belong to that number.
    const other = 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260794';
    const doc = loadPage('carrier/usps-track.html');
    const [found] = extractCarrierPage(doc.body, {
      url: other,
      sourceKind: 'carrier',
      now: NOW,
      timeZone: NY,
    });
    expect(found?.detection.number).toBe('9400111206206406260794');
    expect(found?.detection.status).toBeUndefined();
    expect(found?.detection.events).toBeUndefined();
    // Two numbers in one URL: the status goes to the one shown, the history to neither (it is one package's).
    const both = `${other.replace('0794', '0787')},9400111206206406260794`;
    const pair = extractCarrierPage(doc.body, { url: both, sourceKind: 'carrier', now: NOW, timeZone: NY });
    expect(pair.map((f) => [f.detection.number, f.detection.status, f.detection.events])).toEqual([
      ['9400111206206406260787', 'delivered', undefined],
      ['9400111206206406260794', undefined, undefined],
    ]);

    // A page stuffed with thousands of rows and a huge description: bounded, still valid for the background.
    const steps = doc.querySelector('.tracking-progress-bar-status-container');
    const step = doc.querySelector('.tb-step:not(.current-step)');
    for (let i = 0; i < 3000 && step && steps; i++) steps.append(step.cloneNode(true));
    const detail = doc.querySelector('.current-step .tb-status-detail');
    if (detail) detail.textContent = `Delivered ${'x'.repeat(5000)}`;
    const url = 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787';
    const [bounded] = extractCarrierPage(doc.body, { url, sourceKind: 'carrier', now: NOW, timeZone: NY });
    expect(bounded?.detection.events).toHaveLength(100);
    expect(bounded?.detection.events?.[0]?.description).toHaveLength(500);
    expect(v.safeParse(DetectionSchema, bounded?.detection).success).toBe(true);
  });

  it('skips rows without a readable date and does not invent a day for them', () => {
    const doc = loadPage('carrier/fedex-track.html');
    for (const header of doc.querySelectorAll('.travel-history__date')) header.remove();
    const [found] = extractCarrierPage(doc.body, {
      url: 'https://www.fedex.com/fedextrack/?trknbr=986578788855',
      sourceKind: 'carrier',
      now: NOW,
      timeZone: NY,
    });
    // Times alone date nothing: the status stays, the history is left out rather than guessed.
    expect(found?.detection.status).toBe('in_transit');
    expect(found?.detection.events).toBeUndefined();
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
