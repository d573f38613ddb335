import { digitAt, mod10Span } from '../../tracking/checksums';
import type { TrackingFormat } from '../../tracking/types';

/**
 * DHL Paket (Germany) numbers; they belong to the `dhl` carrier (dhl.ts), which lists them with its own.
 * - SSCC-18 of Deutsche Post's GS1 company prefix 340434..., printed with its application identifier "00"
 *   (`00340434…`, 20 digits); GS1 check digit.
 * - JJD + 18 to 21 digits: the parcel label of DHL Paket international and DHL Parcel (Yodel's JJD numbers have 16).
 * - 12 digits: the Identcode (2 digits of the parcel centre, 3 of the customer, 6 of the item, a check digit with
 *   weights 4 and 9); the shape of many other numbers, so only with DHL named.
 */
export const dhlPaketFormats: readonly TrackingFormat[] = [
  {
    id: 'dhl_paket_sscc',
    carrier: 'dhl',
    // DHL Paket (SSCC)
    lengths: [20],
    pattern: /^00340[0-9]{15}$/,
    validate: (n) => mod10Span(n, 2, 19, digitAt(n, 19), 3, 1, true),
    strength: 'strong',
    checksum: true,
  },
  {
    id: 'dhl_paket_jjd',
    carrier: 'dhl',
    // DHL Paket (JJD)
    lengths: [21, 22, 23, 24],
    pattern: /^JJD[0-9]{18,21}$/,
    strength: 'strong',
    checksum: false,
  },
  {
    id: 'dhl_paket_identcode',
    carrier: 'dhl',
    // DHL Paket (Identcode)
    lengths: [12],
    pattern: /^[0-9]{12}$/,
    validate: (n) => mod10Span(n, 0, 11, digitAt(n, 11), 4, 9),
    strength: 'weak',
    checksum: true,
    requiresCarrier: true,
  },
];
