import { pageKindOf } from '../hosts';

/**
 * One content script per site family, each with only its own readers (the engine is shared): webmail on the webmail
 * hosts, Amazon on the Amazon stores, and the page script on carrier sites, on any page scanned on request and, with
 * the optional permission, on every other site.
 */
export const CONTENT_SCRIPT_FILES = {
  webmail: 'content-scripts/webmail.js',
  amazon: 'content-scripts/amazon.js',
  page: 'content-scripts/content.js',
} as const;

/** The content script that reads this URL (the one "Scan this page" injects, the same one the manifest runs there). */
export function contentScriptFileFor(url: string | undefined): string {
  const kind = url === undefined ? 'page' : pageKindOf(url);
  if (kind === 'webmail') return CONTENT_SCRIPT_FILES.webmail;
  if (kind === 'amazon') return CONTENT_SCRIPT_FILES.amazon;
  return CONTENT_SCRIPT_FILES.page;
}
