import type { CredentialField, ProviderKeys } from '../providers/keys';
import type { ProviderId } from '../settings';

// The key parsing moved to utils/providers/keys.ts (the background and providers must not import the view); the
// options page keeps importing it from here under the same names.
export {
  type CredentialField,
  PROVIDER_KEYS_KEY,
  type ProviderCredentials,
  type ProviderKeys,
  parseProviderKeys,
} from '../providers/keys';

/**
 * What the options page needs to know about each status provider: the credentials it asks for and the one host the
 * extension must be allowed to reach for it (requested as an optional host permission when the user enables it).
 * Hosts and auth come from the reference notes (§4). Keys are stored under `providerKeys` in storage.local, apart
 * from settings, so a settings export or sync can never carry them.
 */

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
