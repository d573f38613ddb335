import { canadaPostWeb } from '../carriers/canada-post/web';
import { dhlPaketWeb } from '../carriers/dhl/paket-web';
import { ontracWeb } from '../carriers/ontrac/web';
import { upsWeb } from '../carriers/ups/web';
import type { CarrierWebProviderId, StatusProvider } from '../providers/types';
import { CARRIER_WEB_PROVIDER_IDS } from '../providers/types';
import type { KeyValueStorage } from '../settings';

/**
 * The keyless carrier adapters (the carriers' own tracking, asked from the user's browser), and the user's choice
 * of which may be asked from the background. Kept under its own storage key so that it needs no settings
 * migration; a missing or corrupted value means the defaults.
 *
 * Default on only where the carrier's tracking is public, needs no session and no new permission (Canada Post).
 * OnTrac is public too but answers from a host outside the content script's sites, so turning it on asks for
 * that host; DHL Paket's route sits behind a bot check that sometimes answers with a challenge, so it is asked
 * only when the user chooses to.
 */

export const CARRIER_WEB_PROVIDERS: Record<CarrierWebProviderId, StatusProvider> = {
  'canadapost-web': canadaPostWeb,
  'ups-web': upsWeb,
  'dhlpaket-web': dhlPaketWeb,
  'ontrac-web': ontracWeb,
};

export const CARRIER_WEB_SETTINGS_KEY = 'carrierWeb';
export type CarrierWebSettings = Record<CarrierWebProviderId, boolean>;
// UPS needs the session of the user's browser (cookies permission): off until the user turns it on.
export const CARRIER_WEB_DEFAULTS: CarrierWebSettings = {
  'canadapost-web': true,
  'ups-web': false,
  'dhlpaket-web': false,
  'ontrac-web': false,
};

export function parseCarrierWebSettings(raw: unknown): CarrierWebSettings {
  const settings = { ...CARRIER_WEB_DEFAULTS };
  if (!raw || typeof raw !== 'object') return settings;
  for (const id of CARRIER_WEB_PROVIDER_IDS) {
    const value = (raw as Record<string, unknown>)[id];
    if (typeof value === 'boolean') settings[id] = value;
  }
  return settings;
}

export async function loadCarrierWebSettings(
  storage: Pick<KeyValueStorage, 'get'>,
): Promise<CarrierWebSettings> {
  return parseCarrierWebSettings((await storage.get(CARRIER_WEB_SETTINGS_KEY))[CARRIER_WEB_SETTINGS_KEY]);
}

/** The adapters the user allows, in a fixed order (they never compete: one carrier each). */
export function enabledCarrierWebProviders(settings: CarrierWebSettings): StatusProvider[] {
  return CARRIER_WEB_PROVIDER_IDS.filter((id) => settings[id]).map((id) => CARRIER_WEB_PROVIDERS[id]);
}
