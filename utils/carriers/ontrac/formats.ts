import { mod10 } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

/** OnTrac computes the check digit as if the leading letter were a digit (C as 4, D as 5). */
function ontracCheck(n: string, letterDigit: string): boolean {
  const serial = n.slice(1, 14);
  const prefixed = serial.startsWith(letterDigit) ? serial : letterDigit + serial;
  return mod10(prefixed, n.slice(14), { evens: 1, odds: 2 });
}

export const ontrac: Courier = {
  code: 'ontrac',
  aliases: ['ontrac', 'on trac'],
  hosts: ['ontrac.'],
  trackingUrl: (n) => `https://www.ontrac.com/tracking/?number=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'ontrac_c',
      carrier: 'ontrac',
      lengths: [15],
      pattern: /^C[0-9]{14}$/,
      validate: (n) => ontracCheck(n, '4'),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'ontrac_d',
      carrier: 'ontrac',
      // OnTrac D
      lengths: [15],
      pattern: /^D[0-9]{14}$/,
      validate: (n) => ontracCheck(n, '5'),
      strength: 'medium',
      checksum: true,
    },
  ],
};
