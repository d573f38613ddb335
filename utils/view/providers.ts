import { originOf, PROVIDER_CATALOGUE } from '../providers/catalogue';
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
 * Hosts and auth come from the provider catalogue (utils/providers/catalogue.ts). Keys are kept in the key store
 * (utils/keys/provider-key-store.ts), apart from settings, so a settings export or sync can never carry them.
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

/** The options page's list, from the one provider catalogue (utils/providers/catalogue.ts). */
export const PROVIDERS: readonly ProviderInfo[] = PROVIDER_CATALOGUE.map((entry) => ({
  id: entry.id,
  name: entry.name,
  origin: originOf(entry.api),
  fields: entry.fields,
  signupUrl: entry.signupUrl,
}));

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
