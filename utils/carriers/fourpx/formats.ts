import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/** 4PX Express: "4PX", 10 to 16 digits, "CN" (`4PX3001234567890CN`). */
export const fourpx: Courier = {
  code: 'fourpx',
  aliases: ['4px'],
  hosts: ['4px.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'fourpx',
      carrier: 'fourpx',
      lengths: [15, 16, 17, 18, 19, 20, 21],
      pattern: /^4PX[0-9]{10,16}CN$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
