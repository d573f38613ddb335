import type { ProviderId } from '../settings';

/**
 * The one catalogue of bring-your-own-key status providers: the one API host each may talk to, the credentials it
 * needs and where a person gets them. Dependency-free (a type import only) so wxt.config.ts can derive the optional
 * host permissions from it; the provider files (utils/providers/<x>.ts) take their API base and origin from it and
 * the options page (utils/view/providers.ts) its list. Hosts and auth come from the reference notes (§4).
 */

import type { CredentialField } from './keys';

export type { CredentialField };

export interface ProviderEntry {
  readonly id: ProviderId;
  readonly name: string;
  /** Scheme and host of the provider's API, no trailing slash: every request goes there and nowhere else. */
  readonly api: string;
  readonly fields: readonly CredentialField[];
  /** Where a person gets a key (opened only from the options page). */
  readonly signupUrl: string;
}

/** Each provider's API, named for the provider file that sends its requests there. */
export const SEVENTEEN_TRACK_API = 'https://api.17track.net';
export const AFTERSHIP_API = 'https://api.aftership.com';
export const SHIP24_API = 'https://api.ship24.com';
export const USPS_API = 'https://apis.usps.com';
export const UPS_API = 'https://onlinetools.ups.com';
export const FEDEX_API = 'https://apis.fedex.com';
export const DHL_API = 'https://api-eu.dhl.com';

/** In the options page's order. */
export const PROVIDER_CATALOGUE: readonly ProviderEntry[] = [
  {
    id: '17track',
    name: '17TRACK',
    api: SEVENTEEN_TRACK_API,
    fields: ['apiKey'],
    signupUrl: 'https://api.17track.net/',
  },
  {
    id: 'aftership',
    name: 'AfterShip',
    api: AFTERSHIP_API,
    fields: ['apiKey'],
    signupUrl: 'https://www.aftership.com/',
  },
  {
    id: 'ship24',
    name: 'Ship24',
    api: SHIP24_API,
    fields: ['apiKey'],
    signupUrl: 'https://www.ship24.com/',
  },
  {
    id: 'usps',
    name: 'USPS',
    api: USPS_API,
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developers.usps.com/',
  },
  {
    id: 'ups',
    name: 'UPS',
    api: UPS_API,
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developer.ups.com/',
  },
  {
    id: 'fedex',
    name: 'FedEx',
    api: FEDEX_API,
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developer.fedex.com/',
  },
  {
    id: 'dhl',
    name: 'DHL',
    api: DHL_API,
    fields: ['apiKey'],
    signupUrl: 'https://developer.dhl.com/',
  },
];

/** The match pattern of a provider's API host, for `permissions.request({ origins })` and the manifest. */
export const originOf = (api: string): string => `${api}/*`;

/** Every host a provider talks to, as match patterns: the manifest's optional host permissions. */
// `@__PURE__`: a script that imports a provider file for one helper does not build this list.
export const PROVIDER_API_ORIGINS: readonly string[] = /* @__PURE__ */ PROVIDER_CATALOGUE.map((entry) =>
  originOf(entry.api),
);
