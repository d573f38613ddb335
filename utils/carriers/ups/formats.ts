import { digitAt, mod10Span } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

export const ups: Courier = {
  code: 'ups',
  aliases: ['ups', 'united parcel service'],
  hosts: ['ups.com', 'ups-mi.'],
  trackingUrl: (n) => `https://www.ups.com/track?loc=en_US&tracknum=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'ups',
      carrier: 'ups',
      lengths: [18],
      pattern: /^1Z[0-9A-Z]{15}[0-9]$/,
      validate: (n) => mod10Span(n, 2, 17, digitAt(n, 17), 1, 2),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'ups-waybill',
      carrier: 'ups',
      // UPS Waybill
      lengths: [11],
      pattern: /^[AHJKTV][0-9]{10}$/,
      validate: (n) => mod10Span(n, 1, 10, digitAt(n, 10), 1, 2),
      strength: 'medium',
      checksum: true,
    },
  ],
};
