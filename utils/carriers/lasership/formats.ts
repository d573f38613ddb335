import type { Courier } from '../../tracking/types';

export const lasership: Courier = {
  code: 'lasership',
  aliases: ['lasership', 'laser ship'],
  hosts: ['lasership.'],
  // LaserShip merged into OnTrac, whose tracking page answers for both.
  trackingUrl: (n) => `https://www.ontrac.com/tracking/?number=${encodeURIComponent(n)}`,
  formats: [
    {
      // Ten characters without a check digit: only with context.
      id: 'lasership_lx',
      carrier: 'lasership',
      // LaserShip LX
      lengths: [10],
      pattern: /^L[AIEHNX][1-3][0-9]{7}$/,
      strength: 'weak',
      checksum: false,
    },
    {
      id: 'lasership_1ls7',
      carrier: 'lasership',
      // LaserShip 1LS7 (15)
      lengths: [15],
      pattern: /^1LS7[12][0-9]{10}$/,
      strength: 'strong',
      checksum: false,
    },
    {
      // Printed with a "-1" piece suffix, which is part of the number.
      id: 'lasership-1ls7-18',
      carrier: 'lasership',
      // LaserShip 1LS7 (18)
      lengths: [17],
      pattern: /^1LS7[12][0-9]{2}01[1-4][0-9]{6}1$/,
      strength: 'strong',
      checksum: false,
      display: (n) => `${n.slice(0, 16)}-${n.slice(16)}`,
    },
    {
      id: 'lasership_1lscx',
      carrier: 'lasership',
      // LaserShip 1LSCX (15)
      lengths: [15],
      pattern: /^1LSCX[0-9A-Z]{10}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
