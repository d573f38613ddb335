import type { Courier } from '../types';

export const gofo: Courier = {
  code: 'gofo',
  name: 'GOFO Express',
  aliases: ['gofo express', 'gofo'],
  hosts: ['gofoexpress.', 'gofo.'],
  trackingUrl: (n) => `https://www.gofoexpress.com/tracking.html?searchID=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'gofo_us',
      carrier: 'gofo',
      name: 'GOFO Express (US)',
      lengths: [18],
      pattern: /^GFUS[0-9]{14}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
