import { digitAt, mod7Span } from '../../tracking/checksums';
import type { Courier } from '../../tracking/types';
import { dhlPaketFormats } from './paket-formats';

const DHL_ECOMMERCE_PREFIX = /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)/;

export const dhl: Courier = {
  code: 'dhl',
  aliases: ['dhl', 'deutsche post'],
  hosts: ['dhl.', 'dhlecs.', 'dhlparcel.', 'dhlglobalmail.', 'dhlecommerce.', 'deutschepost.'],
  trackingUrl: (n) =>
    `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(n)}&submit=1`,
  formats: [
    {
      // 10-11 digits with a 1-in-7 check: the shape of phone and order numbers, needs context.
      id: 'dhl_express',
      carrier: 'dhl',
      // DHL Express
      lengths: [10, 11],
      pattern: /^[0-9]{10,11}$/,
      validate: (n) => mod7Span(n, 0, n.length - 1, digitAt(n, n.length - 1)),
      strength: 'medium',
      checksum: true,
    },
    {
      // The licence plate of a DHL Express piece: JD and 18 digits.
      id: 'dhl_express_jd',
      carrier: 'dhl',
      // DHL Express (JD)
      lengths: [20],
      pattern: /^JD[0-9]{18}$/,
      strength: 'strong',
      checksum: false,
    },
    {
      id: 'dhl_express_piece_id',
      carrier: 'dhl',
      // DHL Express (Piece ID)
      lengths: [12, 13, 14],
      pattern: /^J[A-Z]{2,3}[0-9]{9,10}$/,
      strength: 'medium',
      checksum: false,
    },
    {
      // "GM" followed by digits only is DHL eCommerce's usual label number.
      id: 'dhl_ecommerce',
      carrier: 'dhl',
      // DHL E-Commerce
      lengths: [16, 17, 18, 19, 20, 21, 22, 23, 24],
      pattern: /^GM[0-9]{14,22}$/,
      strength: 'medium',
      checksum: false,
    },
    {
      // The data allows any alphanumeric tail after a two-letter prefix, which overlaps with
      // invoice and S10 numbers: only with context.
      id: 'dhl_ecommerce',
      carrier: 'dhl',
      // DHL E-Commerce
      lengths: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34],
      pattern: /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)[0-9A-Z]{10,39}$/,
      validate: (n) => DHL_ECOMMERCE_PREFIX.test(n) && /[0-9]/.test(n.slice(2)),
      strength: 'weak',
      checksum: false,
    },
    {
      id: 'dhl_ecommerce_14',
      carrier: 'dhl',
      // DHL E-Commerce (14)
      lengths: [14],
      pattern: /^[0-9]{14}$/,
      strength: 'weak',
      checksum: false,
    },
    ...dhlPaketFormats,
  ],
};
