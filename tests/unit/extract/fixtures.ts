import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);

/** A fixture page parsed with linkedom, as the background would parse a fetched page. */
export function loadPage(file: string): Document {
  const html = readFileSync(new URL(file, PAGES), 'utf8');
  return parseHTML(html).document as unknown as Document;
}
