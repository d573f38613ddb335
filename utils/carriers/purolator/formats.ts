import { digitAt, luhnSpan } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

export const purolator: Courier = {
  code: 'purolator',
  aliases: ['purolator'],
  hosts: ['purolator.'],
  trackingUrl: (n) => `https://www.purolator.com/en/shipping/tracker?searchValue=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'purolator_numeric',
      carrier: 'purolator',
      // Purolator (12)
      lengths: [12],
      pattern: /^[0-5][0-9]{11}$/,
      validate: (n) => luhnSpan(n, 0, 11, digitAt(n, 11)),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'purolator_alpha',
      carrier: 'purolator',
      // Purolator (alpha + 9)
      lengths: [12],
      pattern: /^[A-Z]{3}[0-9]{9}$/,
      strength: 'weak',
      checksum: false,
    },
  ],
};
