import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Hermes Germany: the 14-digit Sendungsnummer. No published check digit: it counts only with Hermes named.
 */
export const hermes: Courier = {
  code: 'hermes',
  aliases: ['hermes'],
  hosts: ['myhermes.de', 'hermesworld.', 'hermes-europe.', 'hermes-einrichtungsservice.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'hermes_14',
      carrier: 'hermes',
      // Hermes (14)
      lengths: [14],
      pattern: /^[0-9]{14}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
