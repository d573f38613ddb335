/**
 * Where the content script runs without being asked. Named hosts only (least privilege): webmail, Amazon stores and
 * carrier tracking sites. Anything else is scanned on request (activeTab) or with the optional "all sites" permission.
 */
import { AMAZON_PAGE_DOMAINS } from './amazon-stores';

export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://mail.yahoo.com/*',
];

export const AMAZON_MATCHES = [
  ...AMAZON_PAGE_DOMAINS.map((domain) => `https://www.${domain}/*`),
  'https://track.amazon.com/*',
];

export const CARRIER_MATCHES = [
  'https://www.ups.com/*',
  'https://tools.usps.com/*',
  'https://www.fedex.com/*',
  'https://www.dhl.com/*',
  'https://www.dhl.de/*',
  'https://www.canadapost-postescanada.ca/*',
  'https://www.royalmail.com/*',
  'https://www.ontrac.com/*',
  'https://www.purolator.com/*',
  'https://www.dpd.co.uk/*',
  'https://tracking.dpd.de/*',
];

export const CONTENT_SCRIPT_MATCHES = [...WEBMAIL_MATCHES, ...AMAZON_MATCHES, ...CARRIER_MATCHES];

export type PageKind = 'webmail' | 'amazon' | 'carrier' | 'page';

/** What kind of page a URL is, for the source of a detection and the per-site default mode. */
export function pageKindOf(url: string): PageKind {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'page';
  }
  if (matchesHost(WEBMAIL_MATCHES, host)) return 'webmail';
  if (matchesHost(AMAZON_MATCHES, host)) return 'amazon';
  if (matchesHost(CARRIER_MATCHES, host)) return 'carrier';
  return 'page';
}

function matchesHost(patterns: string[], host: string): boolean {
  return patterns.some((pattern) => new URL(pattern.replace('/*', '/')).hostname === host);
}
