import type { Courier } from '../../tracking/types';

export const yunexpress: Courier = {
  code: 'yunexpress',
  aliases: ['yunexpress', 'yun express'],
  hosts: ['yuntrack.', 'yunexpress.'],
  trackingUrl: (n) => `https://www.yuntrack.com/parcelTracking?id=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'yunexpress',
      carrier: 'yunexpress',
      lengths: [18],
      pattern: /^YT[0-9]{16}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
