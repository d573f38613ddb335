import { CARRIER_LAYOUTS as LAYOUTS } from '../../carriers/pages';
import type { Detection } from '../../store/types';
import { parseTrackingUrl } from '../../tracking';
import { findDeliveryPromise } from '../delivery-date';
import { readEvents } from '../events';
import { safeHttpUrl } from '../links';
import { type Found, readingReference, type ScanContext, scanCollection, sourceOf } from '../page-scan';
import { statusFromText } from '../status-phrases';
import { collectVisibleText, textOf } from '../visible-text';

/**
 * A carrier's own tracking page (UPS, USPS, FedEx, DHL, track.amazon.com, Canada Post, Royal Mail …), opened for a
 * number: the number comes from the URL (every carrier puts it there), the status from the page's status headline,
 * the history from its event list (carriers with a `page.ts` in utils/carriers/<carrier>/). Carrier pages are single-page apps with
 * generated class names, so without an adapter hook the headline is found by role and wording: the first heading or
 * status-named element whose text states a status. Status and events are only taken when the page shows the number
 * (and names one number only), so a results page for another number or a search form never lends them to this one.
 */

// "tatus": status or Status.
const HEADLINE = 'h1, h2, h3, [role="heading"], [class*="tatus"], [id*="tatus"], [data-test*="status"]';

function compact(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function findHeadline(root: ParentNode, selectors: (string | undefined)[]) {
  for (const selector of selectors) {
    if (!selector) continue;
    for (const element of root.querySelectorAll(selector)) {
      const text = textOf(element, 201) ?? '';
      const found = text.length <= 200 && statusFromText(text);
      if (found) return { element, status: found.status, text };
    }
  }
  return undefined;
}

export function extractCarrierPage(root: ParentNode & Node, context: ScanContext): Found[] {
  const parsed = parseTrackingUrl(context.url);
  const collected = collectVisibleText(root, { trackNodes: true });
  if (!parsed || parsed.numbers.length === 0) return scanCollection(collected, context);

  const pageText = compact(collected.text);
  const reference = readingReference(context);
  const layout = parsed.carrier ? LAYOUTS[parsed.carrier] : undefined;
  const headline = findHeadline(root, [layout?.headline, HEADLINE]);
  const events = layout && parsed.numbers.length === 1 ? readEvents(root, layout, reference) : [];
  const newest = events[0];
  const promise = findDeliveryPromise(collected.text.slice(0, 20_000), reference);
  const trackUrl = safeHttpUrl(context.url);
  return parsed.numbers.map((number) => {
    const shown = pageText.includes(number);
    const detection: Detection = {
      number,
      ...(parsed.carrier && { carrier: parsed.carrier }),
      ...(shown && headline && { status: headline.status, statusText: headline.text }),
      ...(shown && headline && newest && { statusAt: Math.min(newest.at, context.now) }),
      ...(shown && promise && headline?.status !== 'delivered' && { eta: promise.eta }),
      ...(shown && events.length > 0 && { events }),
      ...(trackUrl && { trackUrl }),
      source: sourceOf(context),
    };
    return { detection, ...(headline && { anchor: headline.element }) };
  });
}
