/**
 * The one catalogue of Amazon stores. The content script's matches and the host permissions (utils/hosts.ts,
 * wxt.config.ts), the e-mail and link readers (extract/sites/amazon-links.ts) and the popup's "open on the store the
 * package was seen on" (view/links.ts) are all derived from it.
 *
 * Page stores: Doorstep reads their order and track pages (the content script runs there and the background may
 * fetch their track pages). The link-only stores are known to the readers only, so a shipping e-mail or a link from
 * them is recognised; reading their pages would add hosts to the install prompt, which on an update makes Chrome
 * disable the extension until the user accepts again, so that is a decision of its own.
 */

/** Stores whose pages the content script reads (their `www.` host), in the manifest's order. */
export const AMAZON_PAGE_DOMAINS: readonly string[] = [
  'amazon.com',
  'amazon.ca',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.es',
  'amazon.it',
  'amazon.nl',
  'amazon.com.au',
  'amazon.co.jp',
  'amazon.in',
  'amazon.com.mx',
  'amazon.com.br',
  'amazon.se',
  'amazon.pl',
  'amazon.com.be',
  'amazon.ie',
];

/** Stores known to the readers only: their e-mails and links are recognised, their pages are not read. */
export const AMAZON_LINK_ONLY_DOMAINS: readonly string[] = [
  'amazon.ae',
  'amazon.sa',
  'amazon.sg',
  'amazon.com.tr',
  'amazon.eg',
];

// `@__PURE__` on each derived value: a script that imports this module for one of them does not build the others
// (content scripts' size budget).

/** Every store's registrable domain (`amazon.co.uk`); the store itself is `www.<domain>`. */
export const AMAZON_DOMAINS: readonly string[] =
  /* @__PURE__ */ AMAZON_PAGE_DOMAINS.concat(AMAZON_LINK_ONLY_DOMAINS);

/** A pattern of every store's domain after `prefix`, to the end of the host. */
function storeHostPattern(prefix: string, flags?: string): RegExp {
  const domains = [...AMAZON_PAGE_DOMAINS, ...AMAZON_LINK_ONLY_DOMAINS]
    .map((domain) => domain.replace(/\./g, '\\.'))
    .join('|');
  return new RegExp(`${prefix}(?:${domains})$`, flags);
}

/** Any host of any store, subdomains included (`www.amazon.de`, `amazon.co.uk`, `email.amazon.com`). */
export const AMAZON_HOST = /* @__PURE__ */ storeHostPattern('(?:^|\\.)', 'i');

/** A store's own web host (`www.amazon.de`): where an order or track page is opened. */
export const AMAZON_STORE_HOST = /* @__PURE__ */ storeHostPattern('^www\\.');
