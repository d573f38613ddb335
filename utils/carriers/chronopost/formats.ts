import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Chronopost (France): its numbers are laid out like UPU S10 numbers (`XW123456789FR`) and read by s10.ts; this
 * entry names the carrier and its site, whose links vouch for them. Numbers of that layout that fail the S10
 * check are not read: the shape alone says nothing.
 */
export const chronopost: Courier = {
  code: 'chronopost',
  aliases: ['chronopost'],
  hosts: ['chronopost.'],
  trackingUrl: universalTrackingUrl,
  formats: [],
};
