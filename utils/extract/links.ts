import { safeHttpUrl } from '../safe-url';
import { unwrapRedirects } from '../tracking';

/**
 * Links as found in pages and e-mails: resolved against the page, unwrapped from redirectors (Gmail's
 * google.com/url?q=, Outlook Safe Links' url=, Amazon's /gp/r.html?U=), and kept only when http(s).
 */

export { safeHttpUrl };

/** The destination of a possibly wrapped link, as an absolute http(s) URL. */
export function resolveLink(href: string, base?: string): string | undefined {
  const absolute = safeHttpUrl(href, base);
  return absolute ? safeHttpUrl(unwrapRedirects(absolute)) : undefined;
}

/** Where a package was seen, without query or fragment: those may carry session tokens or e-mail ids. */
export function safeSourceUrl(href: string): string | undefined {
  const url = safeHttpUrl(href);
  if (!url) return undefined;
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`.slice(0, 2048);
}

/** A query parameter looked up without regard to case (`orderID` and `orderId` are both used by Amazon). */
export function queryParam(url: string, name: string): string | undefined {
  try {
    const wanted = name.toLowerCase();
    for (const [key, value] of new URL(url).searchParams)
      if (key.toLowerCase() === wanted && value) return value;
  } catch {
    // not a URL
  }
  return undefined;
}
