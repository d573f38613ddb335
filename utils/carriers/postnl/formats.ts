import type { Courier } from '../../tracking/types';

/**
 * PostNL domestic and Benelux parcels: "3S", four letters (the customer code), 7 to 9 digits (`3SABCD1234567`).
 * International PostNL items are UPU S10 numbers (s10.ts).
 */
export const postnl: Courier = {
  code: 'postnl',
  aliases: ['postnl', 'post nl'],
  hosts: ['postnl.'],
  trackingUrl: (n) => `https://jouw.postnl.nl/track-and-trace/${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'postnl_3s',
      carrier: 'postnl',
      // PostNL (3S)
      lengths: [13, 14, 15],
      pattern: /^3S[A-Z]{4}[0-9]{7,9}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
