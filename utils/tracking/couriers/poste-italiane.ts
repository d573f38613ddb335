import type { Courier } from '../types';

/**
 * Poste Italiane: Poste Delivery parcels carry a digit, two letters and ten digits (`1UW1234567890`); international
 * items are S10 numbers ending in IT (s10.ts). No published check digit: only with Poste Italiane named. Its
 * domestic 12- and 13-digit numbers are not read: every 12- or 13-digit number of a page would need its
 * surroundings read (a third of the page scan), for a shape nothing distinguishes.
 */
export const posteItaliane: Courier = {
  code: 'poste_italiane',
  name: 'Poste Italiane',
  aliases: ['poste italiane', 'poste delivery', 'posteitaliane'],
  hosts: ['poste.it', 'posteitaliane.'],
  trackingUrl: (n) => `https://www.poste.it/cerca/index.html#/risultati-spedizioni/${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'poste_delivery',
      carrier: 'poste_italiane',
      name: 'Poste Delivery',
      lengths: [13],
      pattern: /^[0-9][A-Z]{2}[0-9]{10}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
