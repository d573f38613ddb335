import type { AmazonTrackPage } from '../extract/sites/amazon-tracker';
import type { Detection, PackageRecord } from '../store/types';
import { eachPackage, packageFailed } from './batch';
import { failure, httpRequest, joinUrl } from './http';
import { cleanEvents, failOne, refreshOutcome } from './normalize';
import type { ProviderContext, RefreshResult, StatusProvider } from './types';

/**
 * Amazon shipments refreshed with the user's own Amazon session: the background fetches the shipment's
 * track-package page (cookies included) and reads it with the extraction engineer's track-page parser (page-state
 * JSON first, visible text second), so the page is understood exactly as when the user opens it. Nothing is sent
 * anywhere but to the Amazon store the order came from.
 */

const NAME = 'Amazon';

/** What the track-page parser found on one page, in the provider's terms. */
export type AmazonPageFacts = Partial<
  Pick<
    Detection,
    'status' | 'statusText' | 'statusAt' | 'eta' | 'events' | 'number' | 'carrier' | 'orderId' | 'shipmentId'
  >
>;

/**
 * Reads a fetched track page (`parseAmazonTrackPage` on some DOM). Injected because building a DOM depends on where
 * the provider runs: Chrome's service worker has none and asks an offscreen document, Firefox's event page has
 * DOMParser, Node tests use linkedom (see utils/providers/amazon-page.ts). Asynchronous for the offscreen round trip.
 */
export type TrackPageParser = (
  html: string,
  context: { url: string; now: number; timeZone?: string },
) => Promise<AmazonTrackPage | undefined>;

export interface AmazonSessionOptions {
  /** The user's time zone: "Arriving Thursday" is read in it. */
  timeZone?: string;
}

const AMAZON_STORE =
  /^www\.amazon\.(com|ca|co\.uk|de|fr|es|it|nl|com\.au|co\.jp|in|com\.mx|com\.br|se|pl|com\.be|ie)$/;
const TRACK_PATH =
  /^\/(gp\/your-account\/ship-track|progress-tracker\/package|gp\/css\/shiptrack\/view\.html)/;

/**
 * The track page to fetch: the package's own Amazon tracking link when it has one, else the ship-track URL of its
 * order and shipment on the store it was seen on (amazon.com when unknown). Only https Amazon store URLs.
 */
export function amazonTrackUrl(pkg: PackageRecord): string | undefined {
  for (const candidate of [pkg.trackUrl, ...pkg.sources.map((s) => s.url)]) {
    const url = safeUrl(candidate);
    if (url && AMAZON_STORE.test(url.hostname) && TRACK_PATH.test(url.pathname)) return url.toString();
  }
  if (!pkg.orderId || !pkg.shipmentId) return undefined;
  const store = pkg.sources
    .map((s) => safeUrl(s.url)?.hostname)
    .find((host) => host && AMAZON_STORE.test(host));
  const query = new URLSearchParams({
    ie: 'UTF8',
    orderId: pkg.orderId,
    packageIndex: '0',
    shipmentId: pkg.shipmentId,
  });
  return `https://${store ?? 'www.amazon.com'}/gp/your-account/ship-track?${query}`;
}

/** Amazon answers a signed-out fetch with its sign-in page (reference §1.4: `auth-workflow`). */
export function isSignInPage(finalUrl: string, html: string): boolean {
  if (/\/ap\/signin|\/ax\/claim/.test(finalUrl)) return true;
  return /name="signIn"|id="ap_login_form"|auth-workflow/.test(html.slice(0, 200_000));
}

export function createAmazonSession(
  parseTrackPage: TrackPageParser,
  options: AmazonSessionOptions = {},
): StatusProvider {
  return {
    id: 'amazon',
    name: NAME,
    origins: ['https://www.amazon.com/*'],
    originsFor: amazonOrigins,
    needs: [],
    maxBatch: 1,
    requestPerPackage: true,
    // One page at a time, a few a minute at most: this is the user's own account, not an API.
    budget: { perHour: 30, perDay: 300, concurrency: 1, minSpacingMs: 2_000 },
    supports: (pkg) =>
      amazonTrackUrl(pkg) !== undefined && (pkg.carrier === 'amazon' || !pkg.number || Boolean(pkg.orderId)),
    refresh: (packages, ctx) =>
      refreshAmazon(packages, ctx, (html, url, now) =>
        parseTrackPage(html, { url, now, ...(options.timeZone && { timeZone: options.timeZone }) }),
      ),
  };
}

/** Host permission patterns for the track pages of these packages (the stores they came from). */
export function amazonOrigins(packages: PackageRecord[]): string[] {
  const hosts = new Set<string>();
  for (const pkg of packages) {
    const url = amazonTrackUrl(pkg);
    if (url) hosts.add(`https://${new URL(url).hostname}/*`);
  }
  return [...hosts];
}

async function refreshAmazon(
  packages: PackageRecord[],
  ctx: ProviderContext,
  parsePage: (html: string, url: string, now: number) => Promise<AmazonTrackPage | undefined>,
): Promise<RefreshResult> {
  return eachPackage(packages, async (pkg) => {
    const trackUrl = amazonTrackUrl(pkg);
    if (!trackUrl) {
      return {
        outcome: failOne(pkg, failure('not_found', NAME, { detail: 'no Amazon order or shipment' })),
        requests: 0,
      };
    }
    // Tests point the provider at a local server: keep the path and query, swap the origin.
    const { pathname, search } = new URL(trackUrl);
    const url = ctx.baseUrl ? joinUrl(ctx.baseUrl, `${pathname}${search}`) : trackUrl;
    const answer = await httpRequest(ctx, NAME, url, {
      method: 'GET',
      credentials: 'include',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    if (!answer.ok) return packageFailed(pkg, answer.failure, 1);
    if (isSignInPage(answer.url, answer.body)) {
      // Signed out concerns every Amazon package: stop, and say so on each one.
      const f = failure('signed_out', NAME);
      return { outcome: failOne(pkg, f), requests: 1, providerFailure: f };
    }
    let facts: AmazonPageFacts | undefined;
    try {
      const page = await parsePage(answer.body, trackUrl, ctx.now());
      facts = page && pageFacts(page, ctx.now());
    } catch (error) {
      // The parser itself failed (in Chrome: the offscreen document could not be created or did not answer).
      const reason = error instanceof Error ? error.message : String(error);
      const detail = `the track page could not be read (${reason.slice(0, 120)})`;
      return { outcome: failOne(pkg, failure('malformed', NAME, { detail })), requests: 1 };
    }
    if (!facts?.status) {
      return {
        outcome: failOne(pkg, failure('malformed', NAME, { detail: 'the track page was not understood' })),
        requests: 1,
      };
    }
    const outcome = refreshOutcome(
      pkg,
      {
        status: facts.status,
        statusText: facts.statusText,
        statusAt: facts.statusAt,
        eta: facts.eta,
        events: facts.events ? cleanEvents(facts.events, ctx.now()) : undefined,
        // A tracking ID revealed on the page is the carrier's number: the merge rules attach it to this shipment.
        number: pkg.number ?? facts.number,
        carrier: !pkg.number && facts.number ? facts.carrier : undefined,
        trackUrl,
        sourceUrl: trackUrl,
      },
      ctx.now(),
      NAME,
    );
    return { outcome, requests: 1 };
  });
}

/** The parser's page in the provider's terms; undefined when the page states no status. */
export function pageFacts(page: AmazonTrackPage, now: number): AmazonPageFacts | undefined {
  if (!page.status) return undefined;
  const newest = page.events[0];
  return {
    status: page.status,
    ...(page.statusText && { statusText: page.statusText }),
    ...(newest && { statusAt: Math.min(newest.at, now) }),
    ...(page.eta && { eta: page.eta }),
    ...(page.events.length > 0 && { events: page.events }),
    ...(page.trackingId && { number: page.trackingId }),
    ...(page.carrier && { carrier: page.carrier }),
    ...(page.orderId && { orderId: page.orderId }),
    ...(page.shipmentId && { shipmentId: page.shipmentId }),
  };
}

function safeUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
