import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * Cainiao (AliExpress Standard Shipping and its partners): LP + 14 digits (`LP00123456789012`). Its CN-prefixed
 * numbers are read as DHL eCommerce's (same shape, dhl.ts) or S10 numbers; their own layout could not be checked.
 */
export const cainiao: Courier = {
  code: 'cainiao',
  aliases: ['cainiao', 'aliexpress'],
  hosts: ['cainiao.', 'aliexpress.'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'cainiao_lp',
      carrier: 'cainiao',
      // Cainiao (LP)
      lengths: [16],
      pattern: /^LP[0-9]{14}$/,
      strength: 'strong',
      checksum: false,
    },
  ],
};
