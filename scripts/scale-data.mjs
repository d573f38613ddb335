// A large, realistic store for the scale benchmarks and the 50,000-package browser test: years of packages, most
// delivered and archived, a few thousand still in the active list (recently delivered, on the way, out for delivery,
// problems), generated deterministically so every run and every test sees the same data.
const DAY = 86_400_000;
const TITLES = [
  'USB-C cable',
  'Hiking backpack',
  'Cast iron skillet',
  'Wireless earbuds',
  'Board game: Catan',
  'Yoga mat',
  'Coffee grinder',
  'Winter boots',
  'Desk lamp',
  'Printer ink',
];
const MERCHANTS = ['Amazon', 'Etsy', 'eBay', 'Target', 'REI', 'Best Buy'];
const CARRIERS = ['ups', 'usps', 'fedex', 'dhl', 'amazon', 'ontrac', 'dpd', 'canada_post'];
const CITIES = ['Louisville, KY', 'Chicago, IL', 'Memphis, TN', 'Ontario, CA', 'Newark, NJ'];
/**
 * The active list's mix, per 100 packages: 85 delivered and not yet archived, 10 on the way (in transit or label
 * created), 2 out for delivery, 2 waiting at a pickup point, 1 exception and 1 failed attempt every 200.
 */
const ACTIVE_STATUSES = [
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'failed_attempt',
  'delivered',
  'in_transit',
  'delivered',
  'delivered',
  'delivered',
  'info_received',
  'in_transit',
  'delivered',
  'delivered',
  'delivered',
  'in_transit',
  'delivered',
  'in_transit',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'info_received',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'in_transit',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'available_for_pickup',
  'delivered',
  'out_for_delivery',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'out_for_delivery',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'available_for_pickup',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'exception',
  'delivered',
  'in_transit',
  'delivered',
  'in_transit',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'info_received',
  'delivered',
  'delivered',
  'delivered',
];

/** `YYYY-MM-DD` in the local time zone of the machine (the popup's and badge's "today"). */
export function localDay(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The number of package `i`, unique and in the shape the store accepts. */
export function scaleNumber(i) {
  return `${i % 5 === 0 ? '1Z' : 'SC'}${String(i).padStart(14, '0')}`;
}

/**
 * `count` stored packages (records as an export file holds them), the first `active` of them in the active list,
 * the others delivered and archived over the years before `now`.
 */
export function scaleRecords(count, active, now) {
  const records = new Array(count);
  for (let i = 0; i < count; i++) {
    const isActive = i < active;
    const status = isActive ? ACTIVE_STATUSES[i % ACTIVE_STATUSES.length] : 'delivered';
    const age = isActive ? (i % 14) * DAY : 15 * DAY + (i - active) * 3_600_000;
    const created = now - age - 4 * DAY;
    const delivered = status === 'delivered' ? now - age : undefined;
    const eventCount = 2 + (i % 4);
    records[i] = {
      id: `scale-${i}`,
      number: scaleNumber(i),
      carrier: CARRIERS[i % CARRIERS.length],
      merchant: MERCHANTS[i % MERCHANTS.length],
      itemTitles: [`${TITLES[i % TITLES.length]} #${i}`],
      ...(i % 17 === 0 && { label: `Gift for Sam ${i}` }),
      status,
      statusText: status === 'delivered' ? 'Delivered, front door' : 'On the way',
      statusAt: delivered ?? now - (i % 30) * 3_600_000,
      ...(status !== 'delivered' && {
        eta: {
          start: localDay(now + ((i % 9) - 2) * DAY),
          ...(i % 3 === 0 && { end: localDay(now + ((i % 9) - 1) * DAY) }),
        },
      }),
      events: Array.from({ length: eventCount }, (_, e) => ({
        at: created + e * 8 * 3_600_000,
        status: e === eventCount - 1 && delivered ? 'delivered' : 'in_transit',
        description: e === eventCount - 1 && delivered ? 'Delivered' : `Arrived at facility ${e}`,
        location: CITIES[(i + e) % CITIES.length],
      })),
      sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: created }],
      createdAt: created,
      updatedAt: delivered ?? now - (i % 48) * 3_600_000,
      ...(delivered !== undefined && { deliveredAt: delivered }),
      ...(!isActive && { archivedAt: (delivered ?? created) + 7 * DAY }),
    };
  }
  return records;
}
