import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Evri (Hermes UK until 2022): 16 characters, an H or T, then digits and a few letters (`H01HYA0012345678`), or 16
 * digits. No published check digit; the letter form is distinctive enough for one piece of context, the digits only
 * with Evri named.
 */
export const evri: Courier = {
  code: 'evri',
  aliases: ['evri', 'myhermes', 'hermes uk', 'hermes parcelnet'],
  hosts: ['evri.', 'myhermes.co.uk', 'hermes-europe.co.uk', 'hermesparcelnet.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'evri_letters',
      carrier: 'evri',
      lengths: [16],
      pattern: /^[HT][0-9]{2}[0-9A-Z]{3}[0-9]{10}$/,
      strength: 'medium',
      checksum: false,
    },
    {
      id: 'evri_16',
      carrier: 'evri',
      // Evri (16 digits)
      lengths: [16],
      pattern: /^[0-9]{16}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
