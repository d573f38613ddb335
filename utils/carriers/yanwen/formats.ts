import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Yanwen Logistics: its own numbers are laid out like S10 numbers but end in YP, which is no country
 * (`UG123456789YP`); its S10 numbers proper (…CN) are read by s10.ts.
 */
export const yanwen: Courier = {
  code: 'yanwen',
  aliases: ['yanwen'],
  hosts: ['yw56.', 'yanwen.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'yanwen',
      carrier: 'yanwen',
      lengths: [13],
      pattern: /^[A-Z]{2}[0-9]{9}YP$/,
      strength: 'medium',
      checksum: false,
    },
  ],
};
