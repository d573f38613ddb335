import type { Courier } from '../types';

/**
 * J&T Express: JT + 13 digits on its cross-border and American parcels (`JT5012345678901`), JP + 10 digits in
 * Indonesia. No published check digit; the short JP form only with J&T named.
 */
export const jtExpress: Courier = {
  code: 'jt_express',
  name: 'J&T Express',
  aliases: ['j&t express', 'j&t', 'jt express', 'j and t express'],
  hosts: ['jtexpress.', 'jet.co.id', 'jtjms-'],
  trackingUrl: (n) => `https://www.jtexpress.com/track?billcodes=${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'jt_express_jt',
      carrier: 'jt_express',
      name: 'J&T Express (JT)',
      lengths: [15],
      pattern: /^JT[0-9]{13}$/,
      strength: 'medium',
      checksum: false,
    },
    {
      id: 'jt_express_jp',
      carrier: 'jt_express',
      name: 'J&T Express (JP)',
      lengths: [12],
      pattern: /^JP[0-9]{10}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
    },
  ],
};
