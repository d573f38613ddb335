import { parseHTML } from 'linkedom';
import { parseAmazonTrackPage } from '../extract/sites/amazon-tracker';
import type { AmazonPageFacts, AmazonPageParser } from './amazon-session';

/**
 * Parses a fetched Amazon track page in the service worker. A service worker has no DOMParser; linkedom builds a
 * DOM from the HTML in plain JavaScript (no network, no script execution), and the extraction engineer's
 * `parseAmazonTrackPage` reads it exactly as it reads the live page in a tab. Chosen over an offscreen document:
 * it also runs in Firefox's event page and in Node tests, needs no extra permission, and keeps parsing synchronous
 * inside the refresh run (bundle cost is measured in the report).
 */
export function amazonPageParser(timeZone?: string): AmazonPageParser {
  return (html, url, now): AmazonPageFacts | undefined => {
    const { document } = parseHTML(html);
    const page = parseAmazonTrackPage(document, { url, now, ...(timeZone && { timeZone }) });
    if (!page?.status) return undefined;
    const newest = page.events[0];
    return {
      status: page.status,
      ...(page.statusText && { statusText: page.statusText }),
      ...(newest && { statusAt: Math.min(newest.at, now) }),
      ...(page.eta && { eta: page.eta }),
      ...(page.events.length > 0 && { events: page.events }),
      ...(page.trackingId && { number: page.trackingId }),
      ...(page.carrier && { carrier: page.carrier }),
      ...(page.orderId && { orderId: page.orderId }),
      ...(page.shipmentId && { shipmentId: page.shipmentId }),
    };
  };
}
