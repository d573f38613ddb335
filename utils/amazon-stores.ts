/**
 * The one catalogue of Amazon stores. The content script's matches and the host permissions (utils/hosts.ts,
 * wxt.config.ts), the e-mail and link readers (extract/sites/amazon-links.ts) and the popup's "open on the store the
 * package was seen on" (view/links.ts) are all derived from it.
 *
 * `pages`: Doorstep reads the store's order and track pages (the content script runs there and the background may
 * fetch its track pages). The stores without it are known to the readers only, so a shipping e-mail or a link from
 * them is recognised; reading their pages would add hosts to the install prompt, which on an update makes Chrome
 * disable the extension until the user accepts again, so that is a decision of its own.
 */
export interface AmazonStore {
  /** Registrable domain; the store is `www.<domain>`. */
  readonly domain: string;
  readonly pages: boolean;
}

export const AMAZON_STORES: readonly AmazonStore[] = [
  { domain: 'amazon.com', pages: true },
  { domain: 'amazon.ca', pages: true },
  { domain: 'amazon.co.uk', pages: true },
  { domain: 'amazon.de', pages: true },
  { domain: 'amazon.fr', pages: true },
  { domain: 'amazon.es', pages: true },
  { domain: 'amazon.it', pages: true },
  { domain: 'amazon.nl', pages: true },
  { domain: 'amazon.com.au', pages: true },
  { domain: 'amazon.co.jp', pages: true },
  { domain: 'amazon.in', pages: true },
  { domain: 'amazon.com.mx', pages: true },
  { domain: 'amazon.com.br', pages: true },
  { domain: 'amazon.se', pages: true },
  { domain: 'amazon.pl', pages: true },
  { domain: 'amazon.com.be', pages: true },
  { domain: 'amazon.ie', pages: true },
  { domain: 'amazon.ae', pages: false },
  { domain: 'amazon.sa', pages: false },
  { domain: 'amazon.sg', pages: false },
  { domain: 'amazon.com.tr', pages: false },
  { domain: 'amazon.eg', pages: false },
];

/** Domains whose pages the content script reads, in catalogue order. */
export const AMAZON_PAGE_DOMAINS: readonly string[] = AMAZON_STORES.filter((s) => s.pages).map(
  (s) => s.domain,
);

const DOMAIN_ALTERNATIVES = AMAZON_STORES.map((s) => s.domain.replace(/\./g, '\\.')).join('|');

/** Any host of any store, subdomains included (`www.amazon.de`, `amazon.co.uk`, `email.amazon.com`). */
export const AMAZON_HOST = new RegExp(`(?:^|\\.)(?:${DOMAIN_ALTERNATIVES})$`, 'i');

/** A store's own web host (`www.amazon.de`): where an order or track page is opened. */
export const AMAZON_STORE_HOST = new RegExp(`^www\\.(?:${DOMAIN_ALTERNATIVES})$`);
