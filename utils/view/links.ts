import { AMAZON_STORE_HOST } from '../amazon-stores';
import { safeHttpUrl } from '../safe-url';
import { isCarrierHost } from '../store/merge';
import type { PackageRecord } from '../store/types';

/**
 * Links the popup may open. Stored URLs came from pages and APIs, so each is parsed again here (utils/safe-url.ts)
 * and only http(s) survives: a `javascript:` or `data:` URL smuggled into a record can never be opened from the popup.
 */

export { safeHttpUrl };

/** The tracking engine's `trackingUrlFor`, passed in so this module stays free of the engine. */
export type CarrierUrl = (carrier: string, number: string) => string | null | undefined;

/** The Amazon store the package was seen on (order pages, track pages); amazon.com when only an e-mail said so. */
export function amazonStoreOf(pkg: PackageRecord): string {
  for (const source of pkg.sources) {
    if (!source.url) continue;
    try {
      const host = new URL(source.url).hostname;
      if (AMAZON_STORE_HOST.test(host)) return host;
    } catch {
      // An unparsable source URL says nothing about the store.
    }
  }
  return 'www.amazon.com';
}

/**
 * Where "Open tracking page" goes: the page the package was found with when it is on the carrier's own site, else
 * the carrier's canonical page for its number (a link found in a shop's or a lookalike's e-mail is never preferred
 * to it), else the stored link, else Amazon's own tracker for a shipment without a number yet, else the order's
 * details page.
 */
export function trackingPageFor(pkg: PackageRecord, carrierUrl: CarrierUrl): string | undefined {
  const stored = safeHttpUrl(pkg.trackUrl);
  if (stored && isCarrierHost(stored, pkg.carrier)) return stored;
  if (pkg.number && pkg.carrier) {
    const carrierPage = safeHttpUrl(carrierUrl(pkg.carrier, pkg.number) ?? undefined);
    if (carrierPage) return carrierPage;
  }
  if (stored) return stored;
  if (pkg.orderId) {
    const store = `https://${amazonStoreOf(pkg)}`;
    const order = encodeURIComponent(pkg.orderId);
    if (pkg.shipmentId) {
      return `${store}/progress-tracker/package?orderId=${order}&packageIndex=0&shipmentId=${encodeURIComponent(pkg.shipmentId)}`;
    }
    return `${store}/gp/your-account/order-details?orderID=${order}`;
  }
  return undefined;
}

/** A short, readable name of where a package was found: the host of an http(s) source, never the full URL. */
export function sourceHost(url: string | undefined): string | undefined {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).hostname : undefined;
}
