import { digitAt, mod10Span, weightedSumSpan } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';

const EXPRESS_12_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;
const EXPRESS_34_WEIGHTS = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;
const SSCC_CONTAINER_TYPES = new Set(['00', '01', '02', '04']);

export const fedex: Courier = {
  code: 'fedex',
  aliases: ['fedex', 'fed ex', 'federal express'],
  hosts: ['fedex.', 'fxtracking', 'fedexdeliverymanager'],
  trackingUrl: (n) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(n)}`,
  formats: [
    {
      // Twelve digits is also a UPC, an eBay item or an order number: needs context.
      id: 'fedex_12',
      carrier: 'fedex',
      // FedEx Express (12)
      lengths: [12],
      pattern: /^[0-9]{12}$/,
      validate: (n) => weightedSumSpan(n, 0, digitAt(n, 11), EXPRESS_12_WEIGHTS, 11, 10),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'fedex_34',
      carrier: 'fedex',
      // FedEx Express (34)
      lengths: [34],
      pattern: /^[0-8][0-9]{33}$/,
      validate: (n) => weightedSumSpan(n, 20, digitAt(n, 33), EXPRESS_34_WEIGHTS, 11, 10),
      strength: 'strong',
      checksum: true,
    },
    {
      // Positions 17-28 hold an Express number whose check digit is the only one the barcode has.
      id: 'fedex_astra_32',
      carrier: 'fedex',
      // FedEx ASTRA (32)
      lengths: [32],
      pattern: /^3[0-9]{31}$/,
      validate: (n) => weightedSumSpan(n, 16, digitAt(n, 27), EXPRESS_12_WEIGHTS, 11, 10),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'fedex_ground',
      carrier: 'fedex',
      // FedEx Ground
      lengths: [15],
      pattern: /^[0-9]{15}$/,
      validate: (n) => mod10Span(n, 0, 14, digitAt(n, 14), 1, 3),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'fedex_ground_sscc_18',
      carrier: 'fedex',
      // FedEx Ground (SSCC-18)
      lengths: [18],
      pattern: /^0[0-4][0-9]{16}$/,
      validate: (n) => SSCC_CONTAINER_TYPES.has(n.slice(0, 2)) && mod10Span(n, 2, 17, digitAt(n, 17), 3, 1),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'fedex_ground_96',
      carrier: 'fedex',
      // FedEx Ground 96 (22)
      lengths: [22],
      pattern: /^96[0-9]{20}$/,
      validate: (n) => mod10Span(n, 7, 21, digitAt(n, 21), 1, 3),
      strength: 'strong',
      checksum: true,
    },
    {
      // FedEx Ground Economy (SmartPost), handed to USPS for delivery: a USPS IMpb number of FedEx's mailer ids
      // 6129 / 7489, with the USPS check digit; printed with its "92" or without it.
      id: 'fedex_smartpost',
      carrier: 'fedex',
      // FedEx SmartPost
      lengths: [20, 22],
      pattern: /^(?:92)?(?:6129|7489)[0-9]{16}$/,
      validate: (n) => {
        const whole = n.length === 20 ? `92${n}` : n;
        return mod10Span(whole, 0, 21, digitAt(whole, 21), 3, 1);
      },
      strength: 'medium',
      checksum: true,
    },
    {
      // FedEx Freight (LTL) PRO numbers: nine digits with no check digit that any published source describes, the
      // shape of a thousand other ids. Counted only after a tracking label ("PRO #") with FedEx named beside it, by
      // the sender or by the link that carries it, never by shape. fedex.com's tracking takes PRO numbers too.
      id: 'fedex_freight_pro',
      carrier: 'fedex',
      // FedEx Freight PRO
      lengths: [9],
      pattern: /^[0-9]{9}$/,
      strength: 'weak',
      checksum: false,
      requiresCarrier: true,
      requiresLabel: true,
    },
    {
      id: 'fedex_ground_gsn',
      carrier: 'fedex',
      // FedEx Ground GSN
      lengths: [34],
      pattern: /^96[0-9]{32}$/,
      validate: (n) => weightedSumSpan(n, 20, digitAt(n, 33), EXPRESS_34_WEIGHTS, 11, 10),
      strength: 'strong',
      checksum: true,
    },
  ],
};
