import { describe, expect, it } from 'vitest';
import { findTrackingNumbers } from '../../../utils/tracking/index';

const numbers = (text: string) => findTrackingNumbers(text).map((m) => m.number);

describe('labels in several languages', () => {
  const labelled: string[] = [
    'Tracking number: 986578788855',
    'Tracking ID 986578788855',
    'Sendungsnummer: 986578788855',
    'Numéro de suivi : 986578788855',
    'Número de seguimiento: 986578788855',
    'Codice di tracciamento: 986578788855',
    'Track & Trace: 986578788855',
    'Waybill: 986578788855',
    '<p>Tracking number: <span class="trk">986578788855</span></p>',
  ];
  for (const text of labelled)
    it(`accepts a checksummed 12-digit number after ${JSON.stringify(text.slice(0, 24))}`, () => {
      expect(numbers(text)).toEqual(['986578788855']);
      expect(findTrackingNumbers(text)[0]?.evidence).toContain('label');
    });

  it('rejects the same number without any context (a UPC, an item number...)', () => {
    expect(numbers('986578788855')).toEqual([]);
    expect(numbers('UPC 986578788855')).toEqual([]);
    expect(numbers('Order number: 986578788855')).toEqual([]);
    expect(numbers('Item number 986578788855')).toEqual([]);
  });

  it('takes the nearest label: the order label after a tracking label wins', () => {
    expect(numbers('Tracking below.\nOrder: 986578788855')).toEqual([]);
  });

  it('reads a phrase that contains another field word as one label', () => {
    expect(numbers('Track your order: 986578788855')).toEqual(['986578788855']);
  });
});

describe('carrier evidence', () => {
  it('accepts a weak format next to its carrier name (a table row)', () => {
    expect(numbers('| 1 of 2  | Purolator        | KYV009956937 |')).toEqual(['KYV009956937']);
  });
  it('accepts a number grouped like a phone number beside its carrier in a table row', () => {
    expect(numbers('| 1 of 2  | DHL              | 960 656 7040 |')).toEqual(['9606567040']);
  });
  it('prefers the whole spaced number over a valid piece of it', () => {
    const text =
      'FedEx: https://www.fedex.com/fedextrack/?trknbr=986578788855\nShipment tracking: TBM 4274 5433 5230';
    expect(numbers(text)).toEqual(['986578788855', 'TBM427454335230']);
  });
  it('picks the carrier named nearest when a number fits two', () => {
    const fedex = findTrackingNumbers('Carrier: FedEx\nTracking: 287809468872');
    const purolator = findTrackingNumbers('Carrier: Purolator\nTracking: 287809468872');
    expect(fedex[0]?.carrier).toBe('fedex');
    expect(purolator[0]?.carrier).toBe('purolator');
  });
  it('accepts numbers in carrier links, and ids in shop links are not tracking numbers', () => {
    expect(numbers('https://www.fedex.com/fedextrack/?trknbr=986578788855')).toEqual(['986578788855']);
    expect(numbers('https://www.example-shop.com/account/orders/986578788855?ref=email')).toEqual([]);
    expect(
      findTrackingNumbers('https://www.fedex.com/fedextrack/?trknbr=986578788855')[0]?.evidence,
    ).toContain('carrier-link');
  });
  it('reads lower-case numbers in links only', () => {
    expect(numbers('https://www.yuntrack.com/parcelTracking?id=yt2229521272164447')).toEqual([
      'YT2229521272164447',
    ]);
    expect(numbers('yunexpress parcel yt2229521272164447')).toEqual(['YT2229521272164447']);
    expect(numbers('ref 986578788855 fedex'.toLowerCase())).toEqual([]);
  });
  it('unwraps redirectors written in the text', () => {
    const text = 'https://www.google.com/url?q=https://www.ups.com/track?tracknum%3D1Z999AA10123456784&sa=D';
    expect(findTrackingNumbers(text).map((m) => [m.number, m.carrier])).toEqual([
      ['1Z999AA10123456784', 'ups'],
    ]);
  });
});

describe('decoys', () => {
  it('ignores phone numbers, even when a carrier is named', () => {
    expect(numbers('DHL customer service: 1-800-225-5345')).toEqual([]);
    expect(numbers('Questions? Call +1 800 225 5345')).toEqual([]);
    expect(numbers('DHL 800-225-5345')).toEqual([]);
  });
  it('accepts a number grouped like a phone number when it is labelled', () => {
    expect(numbers('We received the package you sent with DHL (tracking 327 537 0125) today.')).toEqual([
      '3275370125',
    ]);
  });
  it('never matches pieces of a longer token or of a longer spaced number', () => {
    expect(numbers('Tracking: X1Z999AA10123456784')).toEqual([]);
    expect(numbers('Tracking: 1Z999AA101234567840')).toEqual([]);
    expect(numbers('IBAN: FR76 4636 9719 0194 3592 8630 466')).toEqual([]);
    // "12" may be the first group of the same number, so the 12 digits alone are not reported.
    expect(numbers('FedEx tracking: 12 986578788855')).not.toContain('986578788855');
    expect(numbers('Tracking: 986578788855_x')).toEqual([]);
    expect(numbers('Tracking: é986578788855')).toEqual([]);
  });
});

describe('spaced groups and spans', () => {
  it('joins spaced, no-break-spaced and hyphenated groups and reports the whole span', () => {
    for (const sep of [' ', '\u00a0', '\u202f']) {
      const text = `UPS tracking: 1Z${sep}999${sep}AA1${sep}01${sep}2345${sep}678${sep}4 was sent`;
      const [m] = findTrackingNumbers(text);
      expect(m?.number).toBe('1Z999AA10123456784');
      expect(text.slice(m?.start, m?.end)).toBe(`1Z${sep}999${sep}AA1${sep}01${sep}2345${sep}678${sep}4`);
    }
  });
  it('prefers the longer number over a valid number inside it', () => {
    const found = findTrackingNumbers('Tracking: TBA 6103 8262 0000');
    expect(found.map((m) => m.number)).toEqual(['TBA610382620000']);
  });
  it('reports each position once and several numbers in order', () => {
    const text = 'UPS: 1Z999AA10123456784, USPS: 9400111206206406260787 and again 1Z999AA10123456784';
    const found = findTrackingNumbers(text);
    expect(found.map((m) => m.number)).toEqual([
      '1Z999AA10123456784',
      '9400111206206406260787',
      '1Z999AA10123456784',
    ]);
    for (let i = 1; i < found.length; i++)
      expect(found[i - 1]?.end ?? 0).toBeLessThanOrEqual(found[i]?.start ?? 0);
  });
});

describe('confidence threshold', () => {
  it('returns weaker candidates when asked', () => {
    expect(numbers('986578788855')).toEqual([]);
    const low = findTrackingNumbers('986578788855', { minConfidence: 0.2 });
    expect(low.map((m) => m.number)).toEqual(['986578788855']);
    expect(low[0]?.confidence).toBeLessThan(0.5);
  });
  it('returns nothing for empty or non-string input', () => {
    expect(findTrackingNumbers('')).toEqual([]);
    expect(findTrackingNumbers(undefined as unknown as string)).toEqual([]);
  });
});
