import { mod10, weightedSum } from '../checksums';
import type { Courier } from '../types';

const EXPRESS_12_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;
const EXPRESS_34_WEIGHTS = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;
const SSCC_CONTAINER_TYPES = new Set(['00', '01', '02', '04']);

export const fedex: Courier = {
  code: 'fedex',
  name: 'FedEx',
  aliases: ['fedex', 'fed ex', 'federal express'],
  hosts: ['fedex.', 'fxtracking', 'fedexdeliverymanager'],
  trackingUrl: (n) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(n)}`,
  formats: [
    {
      // Twelve digits is also a UPC, an eBay item or an order number: needs context.
      id: 'fedex_12',
      carrier: 'fedex',
      name: 'FedEx Express (12)',
      lengths: [12],
      pattern: /^[0-9]{12}$/,
      validate: (n) => weightedSum(n.slice(0, 11), n.slice(11), EXPRESS_12_WEIGHTS, 11, 10),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'fedex_34',
      carrier: 'fedex',
      name: 'FedEx Express (34)',
      lengths: [34],
      pattern: /^[0-8][0-9]{33}$/,
      validate: (n) => weightedSum(n.slice(20, 33), n.slice(33), EXPRESS_34_WEIGHTS, 11, 10),
      strength: 'strong',
      checksum: true,
    },
    {
      // Positions 17-28 hold an Express number whose check digit is the only one the barcode has.
      id: 'fedex_astra_32',
      carrier: 'fedex',
      name: 'FedEx ASTRA (32)',
      lengths: [32],
      pattern: /^3[0-9]{31}$/,
      validate: (n) => weightedSum(n.slice(16, 27), n.slice(27, 28), EXPRESS_12_WEIGHTS, 11, 10),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'fedex_ground',
      carrier: 'fedex',
      name: 'FedEx Ground',
      lengths: [15],
      pattern: /^[0-9]{15}$/,
      validate: (n) => mod10(n.slice(0, 14), n.slice(14), { evens: 1, odds: 3 }),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'fedex_ground_sscc_18',
      carrier: 'fedex',
      name: 'FedEx Ground (SSCC-18)',
      lengths: [18],
      pattern: /^0[0-4][0-9]{16}$/,
      validate: (n) =>
        SSCC_CONTAINER_TYPES.has(n.slice(0, 2)) && mod10(n.slice(2, 17), n.slice(17), { evens: 3, odds: 1 }),
      strength: 'medium',
      checksum: true,
    },
    {
      id: 'fedex_ground_96',
      carrier: 'fedex',
      name: 'FedEx Ground 96 (22)',
      lengths: [22],
      pattern: /^96[0-9]{20}$/,
      validate: (n) => mod10(n.slice(7, 21), n.slice(21), { evens: 1, odds: 3 }),
      strength: 'strong',
      checksum: true,
    },
    {
      id: 'fedex_ground_gsn',
      carrier: 'fedex',
      name: 'FedEx Ground GSN',
      lengths: [34],
      pattern: /^96[0-9]{32}$/,
      validate: (n) => weightedSum(n.slice(20, 33), n.slice(33), EXPRESS_34_WEIGHTS, 11, 10),
      strength: 'strong',
      checksum: true,
    },
  ],
};
