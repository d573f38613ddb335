import type { ProviderId } from '../settings';

/**
 * The one catalogue of bring-your-own-key status providers: the one API host each may talk to, the credentials it
 * needs and where a person gets them. Dependency-free (a type import only) so wxt.config.ts can derive the optional
 * host permissions from it; the provider files (utils/providers/<x>.ts) take their API base and origin from it and
 * the options page (utils/view/providers.ts) its list. Hosts and auth come from the reference notes (§4).
 */

export type CredentialField = 'apiKey' | 'clientId' | 'clientSecret';

export interface ProviderEntry {
  readonly id: ProviderId;
  readonly name: string;
  /** Scheme and host of the provider's API, no trailing slash: every request goes there and nowhere else. */
  readonly api: string;
  readonly fields: readonly CredentialField[];
  /** Where a person gets a key (opened only from the options page). */
  readonly signupUrl: string;
}

/** In the options page's order. */
export const PROVIDER_CATALOGUE: readonly ProviderEntry[] = [
  {
    id: '17track',
    name: '17TRACK',
    api: 'https://api.17track.net',
    fields: ['apiKey'],
    signupUrl: 'https://api.17track.net/',
  },
  {
    id: 'aftership',
    name: 'AfterShip',
    api: 'https://api.aftership.com',
    fields: ['apiKey'],
    signupUrl: 'https://www.aftership.com/',
  },
  {
    id: 'ship24',
    name: 'Ship24',
    api: 'https://api.ship24.com',
    fields: ['apiKey'],
    signupUrl: 'https://www.ship24.com/',
  },
  {
    id: 'usps',
    name: 'USPS',
    api: 'https://apis.usps.com',
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developers.usps.com/',
  },
  {
    id: 'ups',
    name: 'UPS',
    api: 'https://onlinetools.ups.com',
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developer.ups.com/',
  },
  {
    id: 'fedex',
    name: 'FedEx',
    api: 'https://apis.fedex.com',
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developer.fedex.com/',
  },
  {
    id: 'dhl',
    name: 'DHL',
    api: 'https://api-eu.dhl.com',
    fields: ['apiKey'],
    signupUrl: 'https://developer.dhl.com/',
  },
];

/** The match pattern of a provider's API host, for `permissions.request({ origins })` and the manifest. */
export const originOf = (entry: Pick<ProviderEntry, 'api'>): string => `${entry.api}/*`;

/** A provider's catalogue entry; every ProviderId has one (tests/unit/providers/catalogue.test.ts). */
export function providerEntry(id: ProviderId): ProviderEntry {
  const entry = PROVIDER_CATALOGUE.find((e) => e.id === id);
  if (!entry) throw new Error(`provider ${id} is missing from the catalogue`);
  return entry;
}

/** Every host a provider talks to, as match patterns: the manifest's optional host permissions. */
export const PROVIDER_API_ORIGINS: readonly string[] = PROVIDER_CATALOGUE.map(originOf);
