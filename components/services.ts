import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '@/utils/i18n/translate';
import type { MessageClient } from '@/utils/messaging/client';
import type { Settings } from '@/utils/settings';
import type { DoorstepDatabase } from '@/utils/store/db';
import type { Identify } from '@/utils/view/add-preview';
import type { CarrierUrl } from '@/utils/view/links';

/** What scanning the active tab found, or why it could not. */
export type ScanOutcome = { ok: true; found: number } | { ok: false; error: string };

/**
 * Everything the popup and options page reach outside themselves. The entrypoints wire the real browser; tests pass
 * fakes. Components read packages from the database and change them only through background messages.
 */
export interface Services {
  db: DoorstepDatabase;
  /** Typed per message: `send({ type: 'delete', id })` resolves with `ReplyTo<'delete'>`. */
  send: MessageClient;
  identify: Identify;
  carrierUrl: CarrierUrl;
  /** Opens an http(s) URL in a new tab; callers pass only URLs that went through `safeHttpUrl`. */
  openUrl(url: string): void;
  openOptions(): void;
  copyText(text: string): Promise<void>;
  scanPage(): Promise<ScanOutcome>;
  loadSettings(): Promise<Settings>;
  t: Translate;
  /** BCP 47 locale for dates and numbers, e.g. the browser's UI language. */
  locale: string;
  now(): Date;
}

export const ServicesContext = createContext<Services | undefined>(undefined);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('Doorstep: components need a ServicesContext provider');
  return services;
}
