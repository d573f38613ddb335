import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Poste Italiane: international items are S10 numbers ending in IT (s10.ts); this entry names the carrier and its
 * sites, whose links vouch for them. Its domestic numbers (12 or 13 digits, or Poste Delivery's digit, two letters
 * and ten digits) are not read: no source for their layout could be checked here, and every 12- or 13-digit number
 * of a page would need its surroundings read (a third of the page scan) for a shape nothing distinguishes.
 */
export const posteItaliane: Courier = {
  code: 'poste_italiane',
  aliases: ['poste italiane', 'poste delivery', 'posteitaliane'],
  hosts: ['poste.it', 'posteitaliane.'],
  trackingUrl: universalTrackingUrl,
  formats: [],
};
