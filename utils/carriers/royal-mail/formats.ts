import type { Courier } from '../../tracking/types';

/**
 * Royal Mail: its tracked items, domestic ones included, carry UPU S10 numbers ending in GB (s10.ts checks them);
 * this entry names the carrier and its sites (royalmail.com, the ryml.me short links of its e-mails), whose links
 * vouch for those numbers, so it has no format of its own.
 */
export const royalMail: Courier = {
  code: 'royal_mail',
  aliases: ['royal mail', 'royalmail'],
  hosts: ['royalmail.', 'ryml.me'],
  trackingUrl: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${encodeURIComponent(n)}`,
  formats: [],
};
