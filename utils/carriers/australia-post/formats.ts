import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Australia Post (and StarTrack) domestic parcels: the consignment id, two characters, three letters and seven
 * digits (`33ABC1234567`), and the article id, the consignment id followed by 9 to 11 more digits. International
 * items are S10 numbers ending in AU (s10.ts). No published check digit: only with Australia Post named.
 */
export const australiaPost: Courier = {
  code: 'australia_post',
  aliases: ['australia post', 'auspost', 'startrack', 'mypost'],
  hosts: ['auspost.com.au', 'startrack.com.au'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'australia_post',
      carrier: 'australia_post',
      lengths: [12, 21, 22, 23],
      pattern: /^[0-9A-Z]{2}[A-Z]{3}[0-9]{7}(?:[0-9]{9,11})?$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
