import { localDate } from '../../../utils/badge';
import type { PackageRecord, PackageStatus, TrackingEvent } from '../../../utils/store/types';

/**
 * Realistic packages for the popup's component tests, browser tests and screenshots. Dates are relative to `now`
 * so "Arriving today" is always today.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function dayFrom(now: Date, offset: number): string {
  return localDate(new Date(now.getTime() + offset * DAY));
}

function base(
  now: number,
  id: string,
): Pick<PackageRecord, 'id' | 'itemTitles' | 'events' | 'sources' | 'createdAt' | 'updatedAt'> {
  return { id, itemTitles: [], events: [], sources: [], createdAt: now - 3 * DAY, updatedAt: now - 2 * HOUR };
}

/** Three packages: one out for delivery, one on the way, one Amazon shipment without a tracking number yet. */
export function threePackages(nowDate: Date): PackageRecord[] {
  const now = nowDate.getTime();
  return [
    {
      ...base(now, 'pkg-headphones'),
      number: '1Z999AA10123456784',
      carrier: 'ups',
      merchant: 'Amazon',
      itemTitles: ['Sony WH-1000XM5 Wireless Noise Cancelling Headphones'],
      status: 'out_for_delivery',
      statusAt: now - 3 * HOUR,
      eta: { start: dayFrom(nowDate, 0), by: '20:00' },
      events: [
        {
          at: now - 2 * DAY,
          status: 'info_received',
          description: 'Shipper created a label',
          location: 'Seattle, WA',
        },
        {
          at: now - 1 * DAY,
          status: 'in_transit',
          description: 'Departed from facility',
          location: 'Louisville, KY',
        },
        {
          at: now - 3 * HOUR,
          status: 'out_for_delivery',
          description: 'Out for delivery',
          location: 'Austin, TX',
        },
      ],
      sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: now - 2 * DAY }],
      lastCheckedAt: now - 6 * 60_000,
    },
    {
      ...base(now, 'pkg-shoes'),
      number: '9400111206206406260787',
      carrier: 'usps',
      merchant: 'Allbirds',
      itemTitles: ['Tree Runners — Size 10'],
      status: 'in_transit',
      statusAt: now - 5 * HOUR,
      eta: { start: dayFrom(nowDate, 2), end: dayFrom(nowDate, 4) },
      events: [
        { at: now - 1 * DAY, status: 'info_received', description: 'Shipping label created' },
        {
          at: now - 5 * HOUR,
          status: 'in_transit',
          description: 'Arrived at USPS regional facility',
          location: 'Denver, CO',
        },
      ],
      sources: [{ kind: 'webmail', url: 'https://outlook.live.com/mail/0/', seenAt: now - DAY }],
      lastCheckedAt: now - 2 * HOUR,
    },
    {
      ...base(now, 'pkg-kindle'),
      orderId: '113-5838173-8241820',
      shipmentId: 'DxdffwBQ0',
      merchant: 'Amazon',
      itemTitles: ['Kindle Paperwhite (16 GB)'],
      status: 'in_transit',
      statusText: 'Arriving tomorrow',
      statusAt: now - 20 * HOUR,
      eta: { start: dayFrom(nowDate, 1) },
      sources: [
        {
          kind: 'amazon',
          url: 'https://www.amazon.com/gp/your-account/order-details?orderID=113-5838173-8241820',
          seenAt: now - 20 * HOUR,
        },
      ],
    },
  ];
}

/** Six packages covering every section: the three above plus a problem, a stale one and a delivered one. */
export function sixPackages(nowDate: Date): PackageRecord[] {
  const now = nowDate.getTime();
  return [
    ...threePackages(nowDate),
    {
      ...base(now, 'pkg-lamp'),
      number: '449044304137821',
      carrier: 'fedex',
      merchant: 'IKEA',
      label: 'Desk lamp',
      itemTitles: ['TERTIAL work lamp'],
      status: 'exception',
      statusAt: now - 9 * HOUR,
      eta: { start: dayFrom(nowDate, -1) },
      events: [
        { at: now - 2 * DAY, status: 'in_transit', description: 'Picked up', location: 'Memphis, TN' },
        { at: now - 9 * HOUR, status: 'exception', description: 'Delivery exception: incorrect address' },
      ],
      lastCheckedAt: now - 40 * 60_000,
      lastError: 'FedEx: rate limited, retrying at 14:30',
      sources: [
        { kind: 'carrier', url: 'https://www.fedex.com/fedextrack/?trknbr=449044304137821', seenAt: now },
      ],
    },
    {
      ...base(now, 'pkg-case'),
      number: 'LZ123456789CN',
      carrier: 's10',
      merchant: 'AliExpress',
      itemTitles: ['Phone case, clear'],
      status: 'in_transit',
      statusAt: now - 8 * DAY,
      createdAt: now - 12 * DAY,
      events: [{ at: now - 8 * DAY, status: 'in_transit', description: 'Departed country of origin' }],
      sources: [
        { kind: 'page', url: 'https://www.aliexpress.com/p/order/detail.html', seenAt: now - 12 * DAY },
      ],
    },
    {
      ...base(now, 'pkg-coffee'),
      number: 'TBA304812345000',
      carrier: 'amazon',
      merchant: 'Amazon',
      itemTitles: ['Whole bean coffee, 2 lb'],
      status: 'delivered',
      statusAt: now - 26 * HOUR,
      deliveredAt: now - 26 * HOUR,
      events: [{ at: now - 26 * HOUR, status: 'delivered', description: 'Delivered, left at front door' }],
      sources: [
        { kind: 'amazon', url: 'https://www.amazon.com/progress-tracker/package', seenAt: now - 26 * HOUR },
      ],
    },
  ];
}

const TITLES = [
  'USB-C charging cable',
  'Hiking backpack 30 L',
  'Cast iron skillet',
  'Noise cancelling earbuds',
  'Board game: Catan',
  'Yoga mat',
  'LED desk lamp',
  'Winter jacket',
  'Coffee grinder',
  'Printer ink, black',
  'Running socks (3 pairs)',
  'Mechanical keyboard',
];
const MERCHANTS = ['Amazon', 'Etsy', 'eBay', 'Target', 'Best Buy', 'Zalando', 'IKEA', undefined];
const CARRIERS = ['ups', 'usps', 'fedex', 'dhl', 'amazon', 'ontrac', 'dpd', 'canada_post'];
const STATUSES: PackageStatus[] = [
  'in_transit',
  'in_transit',
  'in_transit',
  'out_for_delivery',
  'info_received',
  'delivered',
  'delivered',
  'exception',
  'available_for_pickup',
  'unknown',
];

/** `count` varied packages (deterministic), for the 200-package screenshot and the 1,000-package benchmark. */
export function manyPackages(count: number, nowDate: Date): PackageRecord[] {
  const now = nowDate.getTime();
  const list: PackageRecord[] = [];
  for (let i = 0; i < count; i++) {
    const status = STATUSES[i % STATUSES.length] ?? 'in_transit';
    const events: TrackingEvent[] = [];
    for (let e = 0; e < 2 + (i % 4); e++) {
      events.push({
        at: now - (5 - e) * 8 * HOUR - i * 1000,
        status: e === 0 ? 'info_received' : 'in_transit',
        description: e === 0 ? 'Label created' : `Arrived at sort facility ${e}`,
        location: e === 0 ? undefined : 'Chicago, IL',
      });
    }
    list.push({
      id: `gen-${i}`,
      number: `GEN${String(i).padStart(9, '0')}X`,
      carrier: CARRIERS[i % CARRIERS.length],
      merchant: MERCHANTS[i % MERCHANTS.length],
      itemTitles: [`${TITLES[i % TITLES.length]} #${i + 1}`],
      status,
      statusAt: now - (i % 48) * HOUR,
      eta:
        status === 'delivered'
          ? undefined
          : {
              start: dayFrom(nowDate, (i % 7) - 1),
              end: i % 3 === 0 ? dayFrom(nowDate, (i % 7) + 1) : undefined,
            },
      deliveredAt: status === 'delivered' ? now - (i % 72) * HOUR : undefined,
      events,
      sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: now - 3 * DAY }],
      createdAt: now - 4 * DAY - i * 60_000,
      updatedAt: now - (i % 48) * HOUR,
      lastCheckedAt: i % 2 === 0 ? now - (i % 90) * 60_000 : undefined,
      archivedAt: i % 25 === 24 ? now - DAY : undefined,
    });
  }
  return list;
}

/**
 * One package in each state the badge and the popup must agree on, relative to `now` (noon-ish local time works
 * best): the section each belongs to and whether it is a problem are in the ids, so tests can read them back.
 */
export function truthSet(nowDate: Date): PackageRecord[] {
  const now = nowDate.getTime();
  const mail = (seenAt: number) => [{ kind: 'webmail' as const, seenAt }];
  const seenDaysAgo = (days: number) => ({ createdAt: now - days * DAY, updatedAt: now - days * DAY });
  return [
    {
      ...base(now, 'today-eta'),
      number: '9400111899223197428490',
      carrier: 'usps',
      status: 'in_transit',
      statusAt: now - 20 * HOUR,
      eta: { start: dayFrom(nowDate, 0) },
      sources: mail(now - DAY),
    },
    {
      ...base(now, 'ofd-today'),
      number: '1Z999AA10123456784',
      carrier: 'ups',
      status: 'out_for_delivery',
      statusAt: now - HOUR,
      eta: { start: dayFrom(nowDate, 0) },
      sources: mail(now - HOUR),
    },
    {
      ...base(now, 'ofd-amazon'),
      orderId: '113-5838173-8241820',
      merchant: 'Amazon',
      itemTitles: ['Kindle Paperwhite'],
      status: 'out_for_delivery',
      statusAt: now - 2 * HOUR,
      sources: [{ kind: 'amazon', seenAt: now - 2 * HOUR }],
    },
    {
      ...base(now, 'problem-stuck'),
      ...seenDaysAgo(12),
      number: '1Z999AA10123456795',
      carrier: 'ups',
      status: 'out_for_delivery',
      statusAt: now - 10 * DAY,
      sources: mail(now - 10 * DAY),
    },
    {
      ...base(now, 'problem-late'),
      number: '9400111899223197428506',
      carrier: 'usps',
      status: 'in_transit',
      statusAt: now - DAY,
      eta: { start: dayFrom(nowDate, -3) },
      sources: mail(now - DAY),
    },
    {
      ...base(now, 'problem-stale'),
      ...seenDaysAgo(12),
      number: 'JD014600006281230704',
      carrier: 'dhl',
      status: 'in_transit',
      statusAt: now - 9 * DAY,
      sources: mail(now - 12 * DAY),
      lastCheckedAt: now - 3 * HOUR,
    },
    {
      ...base(now, 'problem-exception'),
      number: '612999999999',
      carrier: 'fedex',
      status: 'exception',
      statusAt: now - 2 * DAY,
      statusText: 'Delivery exception: address issue',
      sources: mail(now - 2 * DAY),
    },
    {
      ...base(now, 'on-the-way-manual'),
      ...seenDaysAgo(9),
      number: 'LX123456785CN',
      status: 'unknown',
      sources: [{ kind: 'manual', seenAt: now - 9 * DAY }],
    },
    {
      ...base(now, 'delivered-returned'),
      number: '1Z999AA10123456802',
      carrier: 'ups',
      status: 'returned',
      statusAt: now - 4 * DAY,
      deliveredAt: now - 4 * DAY,
      sources: mail(now - 6 * DAY),
    },
    {
      ...base(now, 'delivered-recent'),
      number: '9400111899223197428513',
      carrier: 'usps',
      status: 'delivered',
      statusAt: now - 2 * DAY,
      deliveredAt: now - 2 * DAY,
      sources: mail(now - 5 * DAY),
    },
    {
      ...base(now, 'archive-old-delivery'),
      ...seenDaysAgo(20),
      number: '9400111899223197428520',
      carrier: 'usps',
      status: 'delivered',
      statusAt: now - 17 * DAY,
      deliveredAt: now - 17 * DAY,
      sources: mail(now - 20 * DAY),
    },
    {
      ...base(now, 'archive-old-exception'),
      createdAt: Date.UTC(2019, 4, 2),
      updatedAt: Date.UTC(2019, 4, 9),
      number: '612999999998',
      carrier: 'fedex',
      status: 'exception',
      statusAt: Date.UTC(2019, 4, 9),
      sources: mail(Date.UTC(2019, 4, 2)),
    },
  ];
}
