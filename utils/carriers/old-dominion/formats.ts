import { digitAt, luhnSpan } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

export const oldDominion: Courier = {
  code: 'old_dominion',
  aliases: ['old dominion', 'odfl'],
  hosts: ['odfl.'],
  trackingUrl: (n) =>
    `https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers=${encodeURIComponent(n)}`,
  formats: [
    {
      // Eleven-digit PRO numbers with a Luhn check: the shape of a phone number, needs context.
      id: 'old-dominion',
      carrier: 'old_dominion',
      // Old Dominion
      lengths: [11],
      pattern: /^(?:77[78]|072|780)[0-9]{8}$/,
      validate: (n) => luhnSpan(n, 0, 10, digitAt(n, 10)),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'old-dominion-guaranteed-shipment',
      carrier: 'old_dominion',
      // Old Dominion Guaranteed Shipment
      lengths: [11],
      pattern: /^80[0-9]{9}$/,
      validate: (n) => luhnSpan(n, 0, 10, digitAt(n, 10)),
      strength: 'medium',
      checksum: true,
    },
  ],
};
