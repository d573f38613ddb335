import { pageKindOf } from '../../hosts';
import type { Found, ScanContext } from '../page-scan';
import { amazonPageType, extractAmazonOrders, ORDER_CARD } from './amazon-orders';
import { amazonTrackDetection, parseAmazonTrackPage } from './amazon-tracker';
import {
  carrierSite,
  genericSite,
  hostOf,
  NOTHING,
  type ScanUnit,
  type Site,
  textLength,
  wholePageSite,
} from './site';

/** The sites of the Amazon content script: order history cards, the track page, and track.amazon.com. */

function amazonTrackSite(): Site {
  const read = (root: Element, context: ScanContext): Found[] => {
    const page = parseAmazonTrackPage(root, {
      url: context.url,
      now: context.now,
      timeZone: context.timeZone,
    });
    const detection = page && amazonTrackDetection(page, { ...context });
    const anchor = root.querySelector('.pt-delivery-card-trackingId, h1, .pt-promise-main-slot') ?? undefined;
    return detection ? [{ detection, ...(anchor && { anchor }) }] : [];
  };
  return wholePageSite('amazon-track', 'amazon', read);
}

function amazonOrdersSite(): Site {
  const unit = (card: Element): ScanUnit => ({
    key: card,
    run: (context) => ({
      found: extractAmazonOrders(card, context),
      shipping: true,
      chars: textLength(card),
    }),
  });
  return {
    id: 'amazon-orders',
    kind: 'amazon',
    units: (root) =>
      [...root.querySelectorAll(ORDER_CARD)].filter((c) => !c.parentElement?.closest(ORDER_CARD)).map(unit),
    unitsFor(node) {
      const card = node.closest(ORDER_CARD);
      if (card) return [unit(card)];
      return [...node.querySelectorAll(ORDER_CARD)]
        .filter((c) => !c.parentElement?.closest(ORDER_CARD))
        .map(unit);
    },
  };
}

export function amazonSiteFor(url: string): Site {
  if (pageKindOf(url) !== 'amazon') return genericSite();
  if (hostOf(url) === 'track.amazon.com') return carrierSite();
  const type = amazonPageType(url);
  if (type === 'track') return amazonTrackSite();
  if (type === 'orders') return amazonOrdersSite();
  // Product and search pages hold no packages: nothing to read.
  return NOTHING;
}
