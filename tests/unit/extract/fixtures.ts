import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { datePage } from '../../../scripts/demo-server.mjs';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);

/** The day the demo pages were written for: their `{{day:…}}` tokens are read relative to it in unit tests. */
export const PAGE_DAY = new Date(2026, 10, 27, 12);

/** A demo page's HTML as the unit tests read it: dated as of PAGE_DAY (the demo and browser tests date it today). */
export function pageHtml(file: string): string {
  return datePage(readFileSync(new URL(file, PAGES), 'utf8'), PAGE_DAY);
}

/** A fixture page parsed with linkedom, as the background would parse a fetched page. */
export function loadPage(file: string): Document {
  const html = pageHtml(file);
  return parseHTML(html).document as unknown as Document;
}
