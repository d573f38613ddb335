/**
 * The tracking JSON endpoints that carrier pages call themselves, as plain data shared by the page-world hook (which
 * must stay tiny and import nothing) and the isolated content script that reads what the hook saw.
 * `hosts` are where the request goes; `pages` are the pages the hook runs on (the content-script matches).
 * `reader` names the carrier file that reads the answer; `carriers` are the tracking engine's carrier codes a
 * number asked there may have (OnTrac's endpoint also answers for LaserShip numbers since the two merged).
 */
export type CaptureEndpointReader = 'ups' | 'canada_post' | 'fedex' | 'dhl_express' | 'dhl_paket' | 'ontrac';

export interface CaptureEndpoint {
  reader: CaptureEndpointReader;
  carriers: readonly string[];
  hosts: readonly string[];
  /** Source of a RegExp on the URL's pathname. */
  path: string;
}

export const CAPTURE_ENDPOINTS: readonly CaptureEndpoint[] = [
  {
    reader: 'ups',
    carriers: ['ups'],
    hosts: ['webapis.ups.com', 'www.ups.com'],
    path: '^/track/api/Track/GetStatus$',
  },
  {
    reader: 'canada_post',
    carriers: ['canada_post'],
    hosts: ['www.canadapost-postescanada.ca'],
    path: '^/track-reperage/rs/track/json/package/[A-Za-z0-9]{6,40}/detail$',
  },
  { reader: 'fedex', carriers: ['fedex'], hosts: ['api.fedex.com'], path: '^/track/v2/shipments$' },
  { reader: 'dhl_express', carriers: ['dhl'], hosts: ['www.dhl.com'], path: '^/utapi$' },
  { reader: 'dhl_paket', carriers: ['dhl'], hosts: ['www.dhl.de'], path: '^/int-verfolgen/data/search/?$' },
  {
    reader: 'ontrac',
    carriers: ['ontrac', 'lasership'],
    hosts: ['webtrack.ontrac.com'],
    path: '^/PackageServices/tracking/[A-Za-z0-9]{6,40}$',
  },
];

/** Carrier pages the hook runs on: the pages that load the endpoints above (all in utils/hosts.ts CARRIER_MATCHES). */
export const CAPTURE_PAGE_MATCHES = [
  'https://www.ups.com/*',
  'https://www.canadapost-postescanada.ca/*',
  'https://www.fedex.com/*',
  'https://www.dhl.com/*',
  'https://www.dhl.de/*',
  'https://www.ontrac.com/*',
];

/** The tag of every message the hook posts; anything else on the window is ignored. */
export const CAPTURE_MESSAGE_TAG = 'doorstep:carrier-json';
/** Answers and request bodies larger than this are not forwarded (no tracking answer is this big). */
export const CAPTURE_MAX_CHARS = 1_000_000;

export function endpointFor(url: string): CaptureEndpoint | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return CAPTURE_ENDPOINTS.find(
    (e) => e.hosts.includes(parsed.hostname) && new RegExp(e.path).test(parsed.pathname),
  );
}
