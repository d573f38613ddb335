import type { Detection } from '../../store/types';
import { parseTrackingUrl } from '../../tracking';
import { findDeliveryPromise } from '../delivery-date';
import { safeHttpUrl } from '../links';
import { type Found, type ScanContext, scanCollection, sourceOf } from '../page-scan';
import { statusFromText } from '../status-phrases';
import { collectVisibleText } from '../visible-text';

/**
 * A carrier's own tracking page (UPS, USPS, FedEx, DHL, track.amazon.com, Canada Post, Royal Mail …), opened for a
 * number: the number comes from the URL (every carrier puts it there), the status from the page's status headline.
 * Carrier pages are single-page apps with generated class names, so the headline is found by role and wording: the
 * first heading or status-named element whose text states a status. The status is only taken when the page shows the
 * number, so a results page for another number (or a search form) never lends its status to this one.
 */

const HEADLINE =
  'h1, h2, h3, [role="heading"], [class*="status"], [class*="Status"], [id*="status"], [id*="Status"], [data-test*="status"]';

function compact(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function extractCarrierPage(root: ParentNode & Node, context: ScanContext): Found[] {
  const parsed = parseTrackingUrl(context.url);
  const collected = collectVisibleText(root, { trackNodes: true });
  if (!parsed || parsed.numbers.length === 0) return scanCollection(collected, context);

  const pageText = compact(collected.text);
  const reference = { at: context.now, timeZone: context.timeZone ?? 'UTC' };
  let headline:
    | { element: Element; status: NonNullable<ReturnType<typeof statusFromText>>; text: string }
    | undefined;
  for (const element of root.querySelectorAll(HEADLINE)) {
    const text = element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!text || text.length > 200) continue;
    const status = statusFromText(text);
    if (status) {
      headline = { element, status, text };
      break;
    }
  }
  const promise = findDeliveryPromise(collected.text.slice(0, 20_000), reference);
  const trackUrl = safeHttpUrl(context.url);
  return parsed.numbers.map((number) => {
    const shown = pageText.includes(number);
    const detection: Detection = {
      number,
      ...(parsed.carrier && { carrier: parsed.carrier }),
      ...(shown && headline && { status: headline.status.status, statusText: headline.text }),
      ...(shown && promise && headline?.status.status !== 'delivered' && { eta: promise.eta }),
      ...(trackUrl && { trackUrl }),
      source: sourceOf(context),
    };
    return { detection, ...(headline && { anchor: headline.element }) };
  });
}
