import type { Courier } from '../types';

/**
 * Cainiao (AliExpress Standard Shipping and its partners): LP + 14 digits (`LP00123456789012`), and CN-prefixed
 * numbers of letters and digits (which DHL eCommerce's CN numbers share: only with Cainiao or AliExpress named).
 */
export const cainiao: Courier = {
  code: 'cainiao',
  name: 'Cainiao',
  aliases: ['cainiao', 'aliexpress', 'aliexpress standard shipping'],
  hosts: ['cainiao.', 'global.cainiao.', 'aliexpress.'],
  trackingUrl: (n) => `https://global.cainiao.com/newDetail.htm?mailNoList=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'cainiao_lp',
      carrier: 'cainiao',
      name: 'Cainiao (LP)',
      lengths: [16],
      pattern: /^LP[0-9]{14}$/,
      strength: 'strong',
      checksum: false,
    },
    {
      id: 'cainiao_cn',
      carrier: 'cainiao',
      name: 'Cainiao (CN)',
      lengths: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22],
      pattern: /^CN[0-9A-Z]{10,20}$/,
      validate: (n) => /[0-9]{8}/.test(n),
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
