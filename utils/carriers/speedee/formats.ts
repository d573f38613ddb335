import type { Courier } from '../../tracking/types';

export const speedee: Courier = {
  code: 'speedee',
  aliases: ['spee-dee', 'spee dee', 'speedee'],
  hosts: ['speedeedelivery.', 'speedee.'],
  trackingUrl: (n) => `https://www.speedeedelivery.com/track/?tracking=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'speedee',
      carrier: 'speedee',
      // Spee-Dee (20)
      lengths: [20],
      pattern: /^SP[0-9]{18}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
