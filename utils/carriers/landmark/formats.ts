import type { Courier } from '../../tracking/types';

export const landmark: Courier = {
  code: 'landmark',
  aliases: ['landmark global', 'landmark'],
  hosts: ['landmarkglobal.'],
  trackingUrl: (n) => `https://track.landmarkglobal.com/?search=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'landmark_global',
      carrier: 'landmark',
      // Landmark Global LTN
      // LTN, digits (eight on most labels) and the piece: N1, N2... N12.
      lengths: [11, 12, 13, 14, 15, 16, 17],
      pattern: /^LTN[0-9]{6,12}N[0-9]{1,2}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
