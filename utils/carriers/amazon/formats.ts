import type { Courier } from '../../tracking/types';

export const amazon: Courier = {
  code: 'amazon',
  aliases: ['amazon logistics', 'amazon shipping', 'amazon', 'amzl'],
  hosts: ['track.amazon.', 'amazon.'],
  trackingUrl: (n) => `https://track.amazon.com/tracking/${encodeURIComponent(n)}`,
  formats: [
    {
      id: 'amazon_logistics',
      carrier: 'amazon',
      lengths: [15],
      pattern: /^TB[ACM][0-9]{12}$/,
      strength: 'strong',
      checksum: false,
    },
    {
      // Amazon Logistics in the UK: QA and ten digits (`QA0881872248`), no check digit.
      id: 'amazon_uk',
      carrier: 'amazon',
      // Amazon Logistics (UK)
      lengths: [12],
      pattern: /^QA[0-9]{10}$/,
      strength: 'medium',
      checksum: false,
    },
    {
      // No check digit and a one-letter prefix: only with a label, a link or the carrier named.
      id: 'amazon_international',
      carrier: 'amazon',
      // Amazon International
      lengths: [11],
      pattern: /^[AFC][0-9]{10}$/,
      strength: 'weak',
      checksum: false,
    },
  ],
};
