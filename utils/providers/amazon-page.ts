import { type AmazonTrackPage, parseAmazonTrackPage } from '../extract/sites/amazon-tracker';
import type { TrackPageParser } from './amazon-session';

/** Builds an inert DOM from fetched HTML (no scripts run, nothing is loaded). */
export type HtmlToDocument = (html: string) => ParentNode;

/**
 * The Amazon track-page parser on a given DOM builder: the extraction engineer's `parseAmazonTrackPage` reads the
 * fetched page exactly as it reads the live page in a tab. The DOM builder is the only thing that differs between
 * where this runs: `DOMParser` in Chrome's offscreen document and in Firefox's event page, linkedom in Node tests.
 * Chrome's service worker has no DOMParser, and bundling a JavaScript DOM there cost ~140 KB gzip on every wake.
 */
export function documentTrackPageParser(toDocument: HtmlToDocument): TrackPageParser {
  return async (html, context): Promise<AmazonTrackPage | undefined> =>
    parseAmazonTrackPage(toDocument(html), context);
}

/** `DOMParser` where the context has one (a document, Firefox's event page); undefined in a service worker. */
export function domParserDocument(): HtmlToDocument | undefined {
  if (typeof DOMParser !== 'function') return undefined;
  return (html) => new DOMParser().parseFromString(html, 'text/html');
}
