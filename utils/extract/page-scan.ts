import type { Detection, SourceKind, SourceRef } from '../store/types';
import { findTrackingNumbers, parseTrackingUrl } from '../tracking';
import { findDeliveryPromise } from './delivery-date';
import { resolveLink, safeSourceUrl } from './links';
import { statusFromText } from './status-phrases';
import { elementAt, type TextCollection } from './visible-text';

export interface ScanContext {
  url: string;
  sourceKind: SourceKind;
  now: number;
  /** IANA zone of the reader; dates on the page are meant in it. Defaults to UTC. */
  timeZone?: string;
  /** When the text was written (an e-mail's date): anchors "Arriving Tuesday" and dates the status. */
  writtenAt?: number;
}

/** A detection and the element it was read from (where an in-page chip goes). */
export interface Found {
  detection: Detection;
  anchor?: Element;
}

/** Characters on each side of a number searched for a status phrase or a delivery promise. */
const STATUS_WINDOW = 160;

export function sourceOf(context: ScanContext): SourceRef {
  const url = safeSourceUrl(context.url);
  return { kind: context.sourceKind, ...(url && { url }), seenAt: context.now };
}

/** The numbers and carrier links of already collected text. */
export function scanCollection(collection: TextCollection, context: ScanContext): Found[] {
  const { text, links } = collection;
  const byNumber = new Map<string, Found>();
  const source = sourceOf(context);
  const reference = { at: context.writtenAt ?? context.now, timeZone: context.timeZone ?? 'UTC' };

  for (const match of findTrackingNumbers(text)) {
    if (byNumber.has(match.number)) continue;
    const before = text.slice(Math.max(0, match.start - STATUS_WINDOW), match.start);
    const after = text.slice(match.end, match.end + STATUS_WINDOW);
    const status = statusFromText(`${before} ${after}`);
    const promise = findDeliveryPromise(`${before} ${after}`, reference);
    const detection: Detection = {
      number: match.number,
      carrier: match.carrier,
      ...(status && { status: status.status, statusText: status.phrase }),
      ...(status && context.writtenAt !== undefined && { statusAt: context.writtenAt }),
      ...(promise && { eta: promise.eta }),
      source,
    };
    const anchor = elementAt(collection, match.start);
    byNumber.set(match.number, { detection, ...(anchor && { anchor: outsideLink(anchor) }) });
  }
  for (const link of links) {
    const parsed = parseTrackingUrl(link.href);
    if (!parsed) continue;
    const trackUrl = resolveLink(link.href, context.url);
    for (const number of parsed.numbers) {
      const existing = byNumber.get(number);
      if (existing) {
        if (trackUrl && !existing.detection.trackUrl) existing.detection.trackUrl = trackUrl;
        continue;
      }
      byNumber.set(number, {
        detection: {
          number,
          ...(parsed.carrier && { carrier: parsed.carrier }),
          ...(trackUrl && { trackUrl }),
          source,
        },
        anchor: link.element,
      });
    }
  }
  return [...byNumber.values()];
}

/** A chip must not sit inside a link (a click on it would follow the link): use the link itself as the anchor. */
export function outsideLink(element: Element): Element {
  return element.closest('a') ?? element;
}
