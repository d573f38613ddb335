import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Parcelforce Worldwide (Royal Mail's parcel arm): domestic numbers are four letters and ten digits
 * (`PBTM1234567001`) or two letters and seven digits (`PB1234567`); international ones are S10 numbers (s10.ts).
 * No check digit: only with Parcelforce named. The nine-character form is not read: it would lower the shortest
 * number the scan looks for from 10 to 9 characters, which slows every page, for a shape nothing distinguishes.
 */
export const parcelforce: Courier = {
  code: 'parcelforce',
  aliases: ['parcelforce', 'parcel force'],
  hosts: ['parcelforce.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'parcelforce_14',
      carrier: 'parcelforce',
      // Parcelforce (14)
      lengths: [14],
      pattern: /^[A-Z]{4}[0-9]{10}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
