import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '@/utils/i18n/translate';
import type { ProviderKeyStore } from '@/utils/keys/provider-key-store';
import type { MessageClient } from '@/utils/messaging/client';
import type { KeyValueStorage } from '@/utils/settings';
import type { DoorstepDatabase } from '@/utils/store/db';

/** What the options page reaches outside itself; the entrypoint wires the browser, tests pass fakes. */
export interface OptionsServices {
  db: DoorstepDatabase;
  /** Typed per message: `send({ type: 'delete', id })` resolves with `ReplyTo<'delete'>`. */
  send: MessageClient;
  /** `browser.storage.local`: settings (never provider keys: content scripts can read it in Firefox). */
  storage: KeyValueStorage & { remove(key: string | string[]): Promise<void> };
  /** Provider keys, in the extension's own IndexedDB (`utils/keys/provider-key-store.ts`). */
  keys: ProviderKeyStore;
  /** Clears the synced copy (`browser.storage.sync`) when the user deletes all data. */
  clearSynced(): Promise<void>;
  /** Optional host permissions; `request` must be called straight from a click (a user gesture). */
  permissions: {
    /** `apiPermissions`: optional API permissions asked in the same prompt (keyless UPS: `cookies`). */
    request(origins: string[], apiPermissions?: string[]): Promise<boolean>;
    contains(origins: string[]): Promise<boolean>;
    remove(origins: string[]): Promise<boolean>;
  };
  download(filename: string, text: string, type: string): void;
  openUrl(url: string): void;
  t: Translate;
  locale: string;
  now(): Date;
}

export const OptionsServicesContext = createContext<OptionsServices | undefined>(undefined);

export function useOptionsServices(): OptionsServices {
  const services = useContext(OptionsServicesContext);
  if (!services) throw new Error('Doorstep: the options page needs an OptionsServicesContext provider');
  return services;
}
