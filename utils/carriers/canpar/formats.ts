import type { Courier } from '../../tracking/types';

export const canpar: Courier = {
  code: 'canpar',
  aliases: ['canpar'],
  hosts: ['canpar.'],
  trackingUrl: (n) =>
    `https://www.canpar.com/en/track/tracking.jsp?reference=${encodeURIComponent(n)}&locale=en`,
  formats: [
    {
      id: 'canpar_22',
      carrier: 'canpar',
      // Canpar (22)
      lengths: [22],
      pattern: /^[CDKLSUXZ][0-9]{21}$/,
      strength: 'weak',
      checksum: false,
    },
  ],
};
