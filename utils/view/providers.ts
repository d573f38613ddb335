import type { ProviderId } from '../settings';

/**
 * What the options page needs to know about each status provider: the credentials it asks for and the one host the
 * extension must be allowed to reach for it (requested as an optional host permission when the user enables it).
 * Hosts and auth come from the reference notes (§4). Keys are stored under `providerKeys` in storage.local, apart
 * from settings, so a settings export or sync can never carry them.
 */

export type CredentialField = 'apiKey' | 'clientId' | 'clientSecret';

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  /** Match pattern for `permissions.request({ origins })`. */
  origin: string;
  fields: readonly CredentialField[];
  /** Where a person gets a key (opened only from the options page). */
  signupUrl: string;
}

export const PROVIDERS: readonly ProviderInfo[] = [
  {
    id: '17track',
    name: '17TRACK',
    origin: 'https://api.17track.net/*',
    fields: ['apiKey'],
    signupUrl: 'https://api.17track.net/',
  },
  {
    id: 'aftership',
    name: 'AfterShip',
    origin: 'https://api.aftership.com/*',
    fields: ['apiKey'],
    signupUrl: 'https://www.aftership.com/',
  },
  {
    id: 'ship24',
    name: 'Ship24',
    origin: 'https://api.ship24.com/*',
    fields: ['apiKey'],
    signupUrl: 'https://www.ship24.com/',
  },
  {
    id: 'usps',
    name: 'USPS',
    origin: 'https://apis.usps.com/*',
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developers.usps.com/',
  },
  {
    id: 'ups',
    name: 'UPS',
    origin: 'https://onlinetools.ups.com/*',
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developer.ups.com/',
  },
  {
    id: 'fedex',
    name: 'FedEx',
    origin: 'https://apis.fedex.com/*',
    fields: ['clientId', 'clientSecret'],
    signupUrl: 'https://developer.fedex.com/',
  },
  {
    id: 'dhl',
    name: 'DHL',
    origin: 'https://api-eu.dhl.com/*',
    fields: ['apiKey'],
    signupUrl: 'https://developer.dhl.com/',
  },
];

export const PROVIDER_KEYS_KEY = 'providerKeys';

export type ProviderCredentials = Partial<Record<CredentialField, string>>;
export type ProviderKeys = Partial<Record<ProviderId, ProviderCredentials>>;

const FIELD_LIMIT = 512;

/** Reads the stored keys defensively: anything that is not a short string under a known provider and field is dropped. */
export function parseProviderKeys(raw: unknown): ProviderKeys {
  const keys: ProviderKeys = {};
  if (!raw || typeof raw !== 'object') return keys;
  for (const provider of PROVIDERS) {
    const entry = (raw as Record<string, unknown>)[provider.id];
    if (!entry || typeof entry !== 'object') continue;
    const credentials: ProviderCredentials = {};
    for (const field of ['apiKey', 'clientId', 'clientSecret'] as const) {
      const value = (entry as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim() && value.length <= FIELD_LIMIT)
        credentials[field] = value.trim();
    }
    if (Object.keys(credentials).length > 0) keys[provider.id] = credentials;
  }
  return keys;
}

/** "••••••3f9a": enough to recognise a key, never enough to copy it from a screenshot. */
export function maskSecret(secret: string): string {
  const tail = secret.length > 8 ? secret.slice(-4) : '';
  return `${'•'.repeat(6)}${tail}`;
}

/** Whether every credential a provider needs is present. */
export function hasCredentials(info: ProviderInfo, keys: ProviderKeys): boolean {
  const credentials = keys[info.id];
  return info.fields.every((field) => Boolean(credentials?.[field]));
}
