import { PROVIDER_IDS, type ProviderId } from '../settings';

/**
 * The user's provider credentials as the background reads them: the storage key, the shape and the defensive parse.
 * Neutral ground for the background, the providers, the refresh runner and the options page (which re-exports these
 * from utils/view/providers.ts), so nothing outside the view has to import the view. Where keys are stored is not
 * decided here.
 */

export type CredentialField = 'apiKey' | 'clientId' | 'clientSecret';

export const PROVIDER_KEYS_KEY = 'providerKeys';

export type ProviderCredentials = Partial<Record<CredentialField, string>>;
export type ProviderKeys = Partial<Record<ProviderId, ProviderCredentials>>;

const FIELD_LIMIT = 512;
const FIELDS: readonly CredentialField[] = ['apiKey', 'clientId', 'clientSecret'];

/** Reads the stored keys defensively: anything that is not a short string under a known provider and field is dropped. */
export function parseProviderKeys(raw: unknown): ProviderKeys {
  const keys: ProviderKeys = {};
  if (!raw || typeof raw !== 'object') return keys;
  for (const id of PROVIDER_IDS) {
    // Own properties only: a stored `__proto__` or `constructor` entry is no provider.
    if (!Object.hasOwn(raw, id)) continue;
    const entry = (raw as Record<string, unknown>)[id];
    if (!entry || typeof entry !== 'object') continue;
    const credentials: ProviderCredentials = {};
    for (const field of FIELDS) {
      const value = Object.hasOwn(entry, field) ? (entry as Record<string, unknown>)[field] : undefined;
      if (typeof value === 'string' && value.trim() && value.length <= FIELD_LIMIT)
        credentials[field] = value.trim();
    }
    if (Object.keys(credentials).length > 0) keys[id] = credentials;
  }
  return keys;
}
