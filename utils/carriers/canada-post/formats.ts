import { digitAt, mod10Span } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

export const canadaPost: Courier = {
  code: 'canada_post',
  aliases: ['canada post', 'postes canada', 'postes-canada'],
  hosts: ['canadapost', 'postescanada'],
  trackingUrl: (n) =>
    `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${encodeURIComponent(n)}`,
  formats: [
    {
      // 16 digits is also the shape of a payment card number: needs context.
      id: 'canada_post',
      carrier: 'canada_post',
      // Canada Post (16)
      lengths: [16],
      pattern: /^[0-9]{16}$/,
      validate: (n) => mod10Span(n, 0, 15, digitAt(n, 15), 3, 1),
      strength: 'medium',
      checksum: true,
    },
  ],
};
