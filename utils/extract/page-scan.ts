import type { Detection, Eta, PackageStatus, SourceKind, SourceRef } from '../store/types';
import { type CarrierCode, findTrackingNumbers, parseTrackingUrl } from '../tracking';
import { type DateReference, findDeliveryPromise } from './delivery-date';
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

/**
 * The one source of "when" and "where" for reading dates of a scan: evidence is dated when it was written, but never
 * later than when it was seen (a mail from a wrong clock), in the reader's zone (UTC when unknown).
 */
export function readingReference(context: ScanContext): DateReference & { writtenAt?: number } {
  const writtenAt = context.writtenAt === undefined ? undefined : Math.min(context.writtenAt, context.now);
  return {
    at: writtenAt ?? context.now,
    timeZone: context.timeZone ?? 'UTC',
    ...(writtenAt !== undefined && { writtenAt }),
  };
}

/** A number found in text or in a carrier link, before anything is read about it. */
export interface FoundNumber {
  number: string;
  carrier?: CarrierCode;
  trackUrl?: string;
  /** The words around a number found in the text (none for a number only in a link). */
  around?: string;
  anchor?: Element;
}

/** The numbers and carrier links of already collected text, each with the words around it. */
export function numbersIn(collection: TextCollection, context: ScanContext): FoundNumber[] {
  const { text, links } = collection;
  const byNumber = new Map<string, FoundNumber>();
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
    const anchor = elementAt(collection, match.start);
    byNumber.set(match.number, {
      number: match.number,
      carrier: match.carrier,
      around: `${before} ${after}`,
      ...(anchor && { anchor: outsideLink(anchor) }),
    });
  }
  for (const link of links) {
    const parsed = parseTrackingUrl(link.href);
    if (!parsed) continue;
    const trackUrl = resolveLink(link.href, context.url);
    for (const number of parsed.numbers) {
      const existing = byNumber.get(number);
      if (existing) {
        if (trackUrl && !existing.trackUrl) existing.trackUrl = trackUrl;
        continue;
      }
      byNumber.set(number, {
        number,
        ...(parsed.carrier && { carrier: parsed.carrier }),
        ...(trackUrl && { trackUrl }),
        anchor: link.element,
      });
    }
  }
  return [...byNumber.values()];
}

/** What a number's own words say: a status phrase and a delivery promise next to it. */
export interface NumberReading {
  status?: { status: PackageStatus; phrase: string } | undefined;
  eta?: Eta | undefined;
}

/** The status phrase next to a number found in the text. */
export function statusAround(found: FoundNumber): NumberReading['status'] {
  return found.around === undefined ? undefined : statusFromText(found.around);
}

/** The delivery promise next to a number found in the text. */
export function promiseAround(found: FoundNumber, reference: DateReference): Eta | undefined {
  return found.around === undefined ? undefined : findDeliveryPromise(found.around, reference)?.eta;
}

/** The detection of a found number: its reading, dated, and where it was seen. */
export function detectionOf(
  found: FoundNumber,
  reading: NumberReading,
  source: SourceRef,
  statusAt: number | undefined,
  extra: Partial<Detection> = {},
): Found {
  const { status, eta } = reading;
  const detection: Detection = {
    number: found.number,
    ...(found.carrier && { carrier: found.carrier }),
    ...(status && { status: status.status, statusText: status.phrase }),
    ...(status && statusAt !== undefined && { statusAt }),
    ...(eta && { eta }),
    ...(found.trackUrl && { trackUrl: found.trackUrl }),
    ...extra,
    source,
  };
  return { detection, ...(found.anchor && { anchor: found.anchor }) };
}

/** The numbers and carrier links of already collected text, each read from the words next to it. */
export function scanCollection(collection: TextCollection, context: ScanContext): Found[] {
  const reference = readingReference(context);
  const source = sourceOf(context);
  return numbersIn(collection, context).map((found) =>
    detectionOf(
      found,
      { status: statusAround(found), eta: promiseAround(found, reference) },
      source,
      reference.writtenAt,
    ),
  );
}

/** A chip must not sit inside a link (a click on it would follow the link): use the link itself as the anchor. */
export function outsideLink(element: Element): Element {
  return element.closest('a') ?? element;
}
