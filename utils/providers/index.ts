import type { ProviderId } from '../settings';
import { aftership } from './aftership';
import { dhl } from './dhl';
import { fedex } from './fedex';
import { seventeenTrack } from './seventeen-track';
import { ship24 } from './ship24';
import type { StatusProvider } from './types';
import { ups } from './ups';
import { usps } from './usps';

/** The bring-your-own-key providers by settings id. The Amazon session provider is built in the background. */
export const API_PROVIDERS: Record<ProviderId, StatusProvider> = {
  '17track': seventeenTrack,
  aftership,
  ship24,
  usps,
  ups,
  fedex,
  dhl,
};

export type { RefreshProviderId, StatusProvider } from './types';
