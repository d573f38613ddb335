import { pageKindOf } from '../../hosts';
import { amazonSiteFor } from './amazon-sites';
import { pageSiteFor } from './page-sites';
import type { Site } from './site';
import { webmailSiteFor } from './webmail-sites';

export type { ScanUnit, Site, UnitScan } from './site';
export { SLICE_CHARS, sliceSubtree } from './site';
export { amazonSiteFor, pageSiteFor, webmailSiteFor };

/** Every site family together: the reader each content script would pick for this URL (tests, tools). */
export function siteFor(url: string): Site {
  const kind = pageKindOf(url);
  if (kind === 'webmail') return webmailSiteFor(url);
  if (kind === 'amazon') return amazonSiteFor(url);
  return pageSiteFor(url);
}
