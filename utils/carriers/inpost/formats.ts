import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/** InPost (Paczkomat lockers, Poland and the UK): 24 digits, no published check digit; only with InPost named. */
export const inpost: Courier = {
  code: 'inpost',
  aliases: ['inpost', 'paczkomat', 'paczkomaty'],
  hosts: ['inpost.', 'paczkomaty.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'inpost',
      carrier: 'inpost',
      lengths: [24],
      pattern: /^[0-9]{24}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
