/**
 * The one check of a link from outside (a page, an e-mail, a stored record, an API answer) before it is kept or
 * opened: resolved against a base when one is given, and kept only when http(s) and at most 2048 characters. A
 * `javascript:`, `data:` or `mailto:` URL, or garbage, is undefined, so it can never be stored or opened.
 */
export function safeHttpUrl(href: string | undefined, base?: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.href.length <= 2048 ? url.href : undefined;
  } catch {
    return undefined;
  }
}
