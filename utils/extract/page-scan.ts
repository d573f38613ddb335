import type { Detection, SourceKind, SourceRef } from '../store/types';
import { type CarrierCode, findTrackingNumbers, parseTrackingUrl } from '../tracking';
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
  /** Carriers the document names outside the text (sender, subject, carrier links): see document-carriers.ts. */
  documentCarriers?: readonly CarrierCode[];
}

/** A detection and the element it was read from (where an in-page chip goes). */
export interface Found {
  detection: Detection;
  anchor?: Element;
}

/** Characters on each side of a number searched for a status phrase or a delivery promise. */
const STATUS_WINDOW = 160;
/** Raw characters read on each side before whitespace is collapsed (markup-heavy mails pad words with blank lines). */
const RAW_WINDOW = 1200;

const collapse = (text: string) => text.replace(/\s+/g, ' ');
const collapsedTail = (text: string) => collapse(text).slice(-STATUS_WINDOW);
const collapsedHead = (text: string) => collapse(text).slice(0, STATUS_WINDOW);

export function sourceOf(context: ScanContext): SourceRef {
  const url = safeSourceUrl(context.url);
  return { kind: context.sourceKind, ...(url && { url }), seenAt: context.now };
}

/** The numbers and carrier links of already collected text. */
export function scanCollection(collection: TextCollection, context: ScanContext): Found[] {
  const { text, links } = collection;
  const byNumber = new Map<string, Found>();
  const source = sourceOf(context);
  // Evidence is dated when it was written, but never later than when it was seen (a mail from a wrong clock).
  const writtenAt = context.writtenAt === undefined ? undefined : Math.min(context.writtenAt, context.now);
  const reference = { at: writtenAt ?? context.now, timeZone: context.timeZone ?? 'UTC' };
  const options = context.documentCarriers?.length ? { documentCarriers: context.documentCarriers } : {};

  const matches = findTrackingNumbers(text, options);
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i];
    if (!match || byNumber.has(match.number)) continue;
    // The words around a number belong to it up to the neighbouring numbers (a digest lists one card per parcel);
    // the window counts words, not the whitespace that table markup leaves between them.
    const previousEnd = matches[i - 1]?.end ?? 0;
    const nextStart = matches[i + 1]?.start ?? text.length;
    const before = collapsedTail(text.slice(Math.max(previousEnd, match.start - RAW_WINDOW), match.start));
    const after = collapsedHead(text.slice(match.end, Math.min(nextStart, match.end + RAW_WINDOW)));
    const status = statusFromText(`${before} ${after}`);
    const promise = findDeliveryPromise(`${before} ${after}`, reference);
    const detection: Detection = {
      number: match.number,
      carrier: match.carrier,
      ...(status && { status: status.status, statusText: status.phrase }),
      ...(status && writtenAt !== undefined && { statusAt: writtenAt }),
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
