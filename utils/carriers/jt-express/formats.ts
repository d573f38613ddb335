import type { Courier } from '../../tracking/types';
import { universalTrackingUrl } from '../universal-tracker';

/**
 * J&T Express: JT + 13 digits on its cross-border and American parcels (`JT5012345678901`); no published check
 * digit, so with one piece of context.
 */
export const jtExpress: Courier = {
  code: 'jt_express',
  aliases: ['j&t', 'jt express'],
  hosts: ['jtexpress.', 'jet.co.id', 'jtjms-'],
  trackingUrl: universalTrackingUrl,
  formats: [
    {
      id: 'jt_express_jt',
      carrier: 'jt_express',
      // J&T Express (JT)
      lengths: [15],
      pattern: /^JT[0-9]{13}$/,
      strength: 'medium',
      checksum: false,
    },
  ],
};
