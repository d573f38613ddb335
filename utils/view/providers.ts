import { type CredentialField, originOf, PROVIDER_CATALOGUE } from '../providers/catalogue';
import type { ProviderId } from '../settings';

/**
 * What the options page needs to know about each status provider: the credentials it asks for and the one host the
 * extension must be allowed to reach for it (requested as an optional host permission when the user enables it).
 * Hosts and auth come from the provider catalogue (utils/providers/catalogue.ts). Keys are stored under
 * `providerKeys` in storage.local, apart from settings, so a settings export or sync can never carry them.
 */

export type { CredentialField };

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  /** Match pattern for `permissions.request({ origins })`. */
  origin: string;
  fields: readonly CredentialField[];
  /** Where a person gets a key (opened only from the options page). */
  signupUrl: string;
}

/** The options page's list, from the one provider catalogue (utils/providers/catalogue.ts). */
export const PROVIDERS: readonly ProviderInfo[] = PROVIDER_CATALOGUE.map((entry) => ({
  id: entry.id,
  name: entry.name,
  origin: originOf(entry.api),
  fields: entry.fields,
  signupUrl: entry.signupUrl,
}));

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
