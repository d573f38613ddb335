import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * SDA Express Courier (Poste Italiane's courier, which delivers many Amazon.it parcels): three digits, a letter,
 * eight digits, a letter (`350C20177729F`).
 */
export const sda: Courier = {
  code: 'sda',
  aliases: ['sda'],
  hosts: ['sda.it'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'sda',
      carrier: 'sda',
      lengths: [13],
      pattern: /^[0-9]{3}[A-Z][0-9]{8}[A-Z]$/,
      strength: 'medium',
      checksum: false,
    },
  ],
};
