/**
 * Hosts the keyless carrier adapters ask from the background, one per carrier, as match patterns. Kept
 * dependency-free so wxt.config.ts can list them as optional host permissions (requested when the user turns the
 * carrier on in the options; a host the content script already runs on is granted with it).
 */
export const CARRIER_WEB_ORIGINS = {
  'canadapost-web': ['https://www.canadapost-postescanada.ca/*'],
} as const;
