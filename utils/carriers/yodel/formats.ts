import type { Courier } from '../../tracking/types';

export const yodel: Courier = {
  code: 'yodel',
  aliases: ['yodel'],
  hosts: ['yodel.'],
  trackingUrl: (n) => `https://www.yodel.co.uk/tracking/${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'yodel',
      carrier: 'yodel',
      lengths: [18, 19],
      pattern: /^JJ?D[0-9]{16}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
