import type { Courier } from '../../tracking/types';

export const gofo: Courier = {
  code: 'gofo',
  aliases: ['gofo express', 'gofo', 'cirro'],
  hosts: ['gofoexpress.', 'gofo.', 'cirroparcel.', 'cirro.'],
  trackingUrl: (n) => `https://www.gofoexpress.com/tracking.html?searchID=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'gofo_us',
      carrier: 'gofo',
      // GOFO Express (US)
      lengths: [18],
      pattern: /^GFUS[0-9]{14}$/,
      strength: 'strong',
      checksum: false,
    },
    {
      // Cirro (GOFO's former name) and GOFO's own labels outside GFUS: CR and 12 to 16 digits; no check digit.
      id: 'gofo_cr',
      carrier: 'gofo',
      // GOFO / Cirro (CR)
      lengths: [14, 15, 16, 17, 18],
      pattern: /^CR[0-9]{12,16}$/,
      strength: 'medium',
      checksum: false,
    },
  ],
};
