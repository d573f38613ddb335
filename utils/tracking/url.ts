/**
 * Links: which carrier a tracking link belongs to, the numbers it carries, the redirectors
 * e-mail wraps around links, and the carrier page to open for a number.
 */
import { COURIER_BY_CODE, COURIERS } from './format-table';
import type { CarrierCode } from './types';

/** Services that track parcels of any carrier: a number in their links is a tracking number. */
const TRACKER_HOSTS = [
  '17track.',
  'parcelsapp.',
  'aftership.',
  'ship24.',
  'trackingmore.',
  'parcelmonitor.',
  'packagetrackr.',
  'track24.',
  'parcelpanel.',
  'narvar.',
  'route.com',
  'wismolabs.',
];

/** Words in a link's path or query that say it is a tracking link, whoever hosts it. */
const TRACKING_PATH =
  /track|trace|sendung|suivi|seguimiento|rastre|tracciamento|verfolg|shipment|parcel|colis/;

/** Query parameters that e-mail redirectors put the destination in. */
const REDIRECT_PARAMS = [
  'q',
  'url',
  'u',
  'target',
  'dest',
  'destination',
  'redirect',
  'redirect_url',
  'link',
  'r',
];

/** Postal operators and the carriers that hand over to them, whose sites track UPU S10 numbers. */
const S10_SITES: readonly CarrierCode[] = [
  'usps',
  'canada_post',
  'dhl',
  's10',
  'royal_mail',
  'parcelforce',
  'la_poste',
  'chronopost',
  'postnl',
  'australia_post',
  'poste_italiane',
  'cainiao',
  'yanwen',
  'fourpx',
];

/**
 * Whether a link to `linkCarrier`'s site vouches for a number of `formatCarrier`: its own
 * numbers, S10 numbers on any postal site (S10_SITES), and LaserShip numbers on OnTrac (the two merged).
 */
export function linkVouchesFor(linkCarrier: CarrierCode | null, formatCarrier: CarrierCode): boolean {
  if (linkCarrier === null) return false;
  if (linkCarrier === formatCarrier) return true;
  if (formatCarrier === 's10') return S10_SITES.includes(linkCarrier);
  return linkCarrier === 'ontrac' && formatCarrier === 'lasership';
}

export interface LinkInfo {
  /** Carrier whose site the link points at (the innermost host when links are nested). */
  readonly carrier: CarrierCode | null;
  /** A universal tracker, or a path that talks about tracking. */
  readonly tracking: boolean;
}

function safeDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s
      .replace(/%3A/gi, ':')
      .replace(/%2F/gi, '/')
      .replace(/%3F/gi, '?')
      .replace(/%3D/gi, '=')
      .replace(/%26/gi, '&');
  }
}

const HOST_TABLE: readonly { host: string; carrier: CarrierCode }[] = COURIERS.flatMap((c) =>
  c.hosts.map((host) => ({ host: `.${host}`, carrier: c.code })),
);

/**
 * The carrier whose host table entry `dotted` (".host/") contains, or null. A postal operator's own entry wins over
 * the shared S10 entry, which lists the same sites.
 */
function carrierOfDottedHost(dotted: string): CarrierCode | null {
  let postal: CarrierCode | null = null;
  for (const entry of HOST_TABLE)
    if (dotted.includes(entry.host)) {
      if (entry.carrier !== 's10') return entry.carrier;
      postal = 's10';
    }
  return postal;
}

/**
 * The carrier a host name belongs to: a carrier's web site or the domain it sends mail from (`myhermes.co.uk`,
 * `gls-group.eu`, `dhl.de`, `email.ups.com`), or null. An e-mail address or a URL is read for its host.
 */
export function carrierFromHost(host: string): CarrierCode | null {
  if (typeof host !== 'string') return null;
  let h = host.trim().toLowerCase();
  h = h.slice(h.lastIndexOf('@') + 1);
  const scheme = h.indexOf('://');
  if (scheme >= 0) h = h.slice(scheme + 3);
  const end = h.search(/[/?#:>\s]/);
  if (end >= 0) h = h.slice(0, end);
  h = h.replace(/\.+$/, '');
  if (!/^[a-z0-9.-]+$/.test(h) || !h.includes('.')) return null;
  return carrierOfDottedHost(`.${h}/`);
}

/** The host of the last (innermost) link in a link text: redirectors put the destination last. */
function innermostHost(lowerDecoded: string): { host: string; end: number } | null {
  const scheme = lowerDecoded.lastIndexOf('://');
  const from = scheme >= 0 ? scheme + 3 : lowerDecoded.lastIndexOf('www.');
  if (from < 0) return null;
  let to = from;
  while (to < lowerDecoded.length && !'/?#&:='.includes(lowerDecoded.charAt(to))) to++;
  return { host: lowerDecoded.slice(from, to), end: to };
}

/**
 * Classifies a (lower-case, decoded) link text by its innermost host, so a redirector
 * wrapping a carrier link reads as the carrier link.
 */
export function classifyLink(lowerDecoded: string): LinkInfo {
  const inner = innermostHost(lowerDecoded);
  const carrier = inner ? carrierOfDottedHost(`.${inner.host}/`) : null;
  const tracking =
    (inner !== null && TRACKER_HOSTS.some((h) => inner.host.includes(h))) ||
    TRACKING_PATH.test(inner ? lowerDecoded.slice(inner.end) : lowerDecoded);
  return { carrier, tracking };
}

/** Characters that end a link written in text or in an attribute. */
function breaksUrl(c: number): boolean {
  return (
    c <= 32 ||
    c === 34 || // "
    c === 39 || // '
    c === 60 || // <
    c === 62 || // >
    c === 40 || // (
    c === 41 || // )
    c === 91 || // [
    c === 93 || // ]
    c === 123 || // {
    c === 125 || // }
    c === 124 || // |
    c === 92 || // backslash
    c === 94 || // ^
    c === 96 || // `
    c === 0xa0
  );
}
/**
 * Classifications of recent link texts. Pages repeat the same link with different numbers
 * ("https://www.ups.com/track?tracknum="), and classifying is the costly part of reading a link.
 */
const LINK_CACHE = new Map<string, LinkInfo>();
const LINK_CACHE_SIZE = 256;

function classifyLinkCached(lowerDecoded: string): LinkInfo {
  let info = LINK_CACHE.get(lowerDecoded);
  if (!info) {
    if (LINK_CACHE.size >= LINK_CACHE_SIZE) LINK_CACHE.clear();
    info = classifyLink(lowerDecoded);
    LINK_CACHE.set(lowerDecoded, info);
  }
  return info;
}

/** Longest stretch looked at behind a number for the link it may sit in. */
const MAX_URL_PREFIX = 800;

/**
 * If the number at `start` is inside a link written in the text (a bare URL or an href), returns
 * what that link says; otherwise null.
 */
export function linkAround(text: string, start: number): LinkInfo | null {
  const from = Math.max(0, start - MAX_URL_PREFIX);
  let s = start;
  while (s > from && !breaksUrl(text.charCodeAt(s - 1))) s--;
  if (s === start) return null;
  const prefix = text.slice(s, start).toLowerCase();
  const scheme = prefix.search(/https?:\/\/|https?%3a%2f%2f|www\./);
  if (scheme < 0) return null;
  return classifyLinkCached(safeDecode(prefix.slice(scheme)));
}

function tryParseUrl(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/**
 * Hosts of click-tracking redirectors (mail services, e-mail marketing platforms, link scanners): any query value
 * of theirs that is a link is the destination, whatever the parameter is called.
 */
const REDIRECTOR_HOSTS = [
  'awstrack.me',
  'sendgrid.net',
  'list-manage.com',
  'mailchimp.com',
  'safelinks.protection.outlook.com',
  'google.com',
];

const isRedirectorHost = (host: string) => REDIRECTOR_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));

/**
 * A destination written, percent-encoded, as a path segment: Amazon SES click tracking
 * (`….awstrack.me/L0/https:%2F%2Fryml.me%2F%3F…/1/…`) and others of its kind. The encoded destination has no raw "/".
 */
const PATH_TARGET = /\/(https?(?::|%3A)(?:%2F%2F|\/\/)[^/]+)/i;

/** The destination of one redirector link, or null when the link is not one or its destination is opaque. */
function redirectTarget(parsed: URL): string | null {
  const anyParam = isRedirectorHost(parsed.hostname.toLowerCase());
  for (const [key, value] of parsed.searchParams) {
    if (!anyParam && !REDIRECT_PARAMS.includes(key.toLowerCase())) continue;
    if (/^https?:\/\//i.test(value)) return value;
  }
  const inPath = PATH_TARGET.exec(parsed.pathname);
  if (inPath?.[1]) {
    const target = safeDecode(inPath[1]);
    if (/^https?:\/\/[^/?#]/i.test(target)) return target;
  }
  return null;
}

/**
 * Follows the redirectors that webmail and senders wrap around links (bounded depth), where the destination is
 * written in the link. Nothing is ever fetched: an opaque redirector (a token only) is returned as it is.
 */
export function unwrapRedirects(url: string): string {
  if (typeof url !== 'string') return '';
  let current = url.trim();
  for (let depth = 0; depth < 5; depth++) {
    const parsed = tryParseUrl(current);
    if (!parsed) return current;
    const next = redirectTarget(parsed);
    if (!next) return current;
    current = next;
  }
  return current;
}

export interface ParsedTrackingUrl {
  /** The link's carrier; for a universal tracker, the carrier all its numbers share, else null. */
  carrier: CarrierCode | null;
  numbers: string[];
  /** Each number with the carrier it was identified as. */
  items: { number: string; carrier: CarrierCode }[];
  /** The link after unwrapping redirectors. */
  url: string;
}

/** Values in a link that may hold numbers: query values, path segments and hash parameters. */
function linkValues(url: URL): string[] {
  const values: string[] = [];
  // A bare key is a value too: Royal Mail's short links are `ryml.me/?<number>&<token>`.
  for (const [key, value] of url.searchParams) values.push(value === '' ? key : value);
  for (const segment of url.pathname.split('/')) if (segment) values.push(safeDecode(segment));
  const hash = url.hash.replace(/^#\/?/, '');
  for (const part of hash.split(/[/?&]/)) {
    const eq = part.indexOf('=');
    values.push(safeDecode(eq >= 0 ? part.slice(eq + 1) : part));
  }
  return values.flatMap((v) => v.split(/[,;\s]+/)).filter((v) => v.length >= 8);
}

/**
 * The carrier and number(s) of a carrier tracking link, after unwrapping redirectors.
 * `identify` recognises one value; passed in to keep this module free of the matcher.
 */
export function parseLink(
  url: string,
  identify: (value: string, carrier: CarrierCode | null) => { number: string; carrier: CarrierCode } | null,
): ParsedTrackingUrl | null {
  const unwrapped = unwrapRedirects(url);
  const parsed = tryParseUrl(unwrapped);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return null;
  const info = classifyLink(safeDecode(`${parsed.protocol}//${parsed.host}${parsed.pathname}`.toLowerCase()));
  if (!info.carrier && !info.tracking) return null;
  const items: { number: string; carrier: CarrierCode }[] = [];
  for (const value of linkValues(parsed)) {
    const hit = identify(value, info.carrier);
    if (hit && !items.some((it) => it.number === hit.number)) items.push(hit);
  }
  const first = items[0];
  if (!first) return null;
  const shared = items.every((it) => it.carrier === first.carrier) ? first.carrier : null;
  return { carrier: info.carrier ?? shared, numbers: items.map((it) => it.number), items, url: unwrapped };
}

/** The carrier's public tracking page for a number (https). */
export function trackingUrlFor(carrier: CarrierCode, number: string): string | null {
  const courier = COURIER_BY_CODE.get(carrier);
  return courier ? courier.trackingUrl(number.replace(/\s+/g, '').toUpperCase()) : null;
}
