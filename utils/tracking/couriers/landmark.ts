import type { Courier } from '../types';

export const landmark: Courier = {
  code: 'landmark',
  name: 'Landmark Global',
  aliases: ['landmark global', 'landmark'],
  hosts: ['landmarkglobal.'],
  trackingUrl: (n) => `https://track.landmarkglobal.com/?search=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'landmark_global',
      carrier: 'landmark',
      name: 'Landmark Global LTN',
      lengths: [13],
      pattern: /^LTN[0-9]{8}N1$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
