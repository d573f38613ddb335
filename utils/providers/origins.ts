/**
 * Every host a bring-your-own-key provider talks to, as match patterns. Kept dependency-free so wxt.config.ts can
 * list them as optional host permissions; each provider file names its own entry.
 */
export const PROVIDER_API_ORIGINS = [
  'https://api.17track.net/*',
  'https://api.aftership.com/*',
  'https://api.ship24.com/*',
  'https://apis.usps.com/*',
  'https://onlinetools.ups.com/*',
  'https://apis.fedex.com/*',
  'https://api-eu.dhl.com/*',
] as const;
