import { digitAt, mod10Span } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * GLS parcel numbers: 11 digits, often printed without the 12th, a check digit (weights 3 and 1 from the right,
 * plus one). Both are shapes of any number, so they count only with GLS named (text, link, sender).
 */
export const gls: Courier = {
  code: 'gls',
  aliases: ['gls', 'general logistics systems'],
  hosts: ['gls-group.', 'gls-pakete.', 'gls-us.', 'gls-italy.', 'gls-spain.', 'gls-france.', 'gls.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'gls_11',
      carrier: 'gls',
      // GLS (11)
      lengths: [11],
      pattern: /^[0-9]{11}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
    {
      id: 'gls_12',
      carrier: 'gls',
      // GLS (12)
      lengths: [12],
      pattern: /^[0-9]{12}$/,
      validate: (n) => mod10Span(n, 0, 11, digitAt(n, 11), 3, 1, true, 1),
      strength: 'weak',
      checksum: true,
      requiresCarrier: true,
    },
  ],
};
