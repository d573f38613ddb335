/**
 * Hosts the keyless carrier adapters ask from the background, as match patterns, kept dependency-free so
 * wxt.config.ts can list them. A host the content script already runs on (utils/hosts.ts CARRIER_MATCHES) is a
 * required host permission: the install prompt already names it, so asking for it changes nothing the user sees,
 * like the Amazon hosts. A host outside those would be optional, requested when the user turns the carrier on.
 */
export const CARRIER_WEB_ORIGINS = {
  'canadapost-web': ['https://www.canadapost-postescanada.ca/*'],
  'ups-web': ['https://www.ups.com/*', 'https://webapis.ups.com/*'],
  'dhlpaket-web': ['https://www.dhl.de/*'],
  'ontrac-web': ['https://webtrack.ontrac.com/*'],
} as const;

/** Keyless hosts the content script already covers (checked by a unit test against CARRIER_MATCHES). */
export const CARRIER_WEB_REQUIRED_ORIGINS: readonly string[] = [
  'https://www.canadapost-postescanada.ca/*',
  'https://www.ups.com/*',
  'https://www.dhl.de/*',
];

/** Keyless hosts outside the content script's sites: asked for when the user turns the carrier on. */
export const CARRIER_WEB_OPTIONAL_ORIGINS: readonly string[] = [
  'https://webapis.ups.com/*',
  'https://webtrack.ontrac.com/*',
];

/** API permissions a carrier needs beyond its hosts (UPS: reading its XSRF cookie), also optional. */
export const CARRIER_WEB_PERMISSIONS = {
  'canadapost-web': [],
  'ups-web': ['cookies'],
  'dhlpaket-web': [],
  'ontrac-web': [],
} as const;
