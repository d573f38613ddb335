import { describe, expect, it } from 'vitest';
import { fedex } from '../../../utils/carriers/fedex/formats';
import { findTrackingNumbers, identifyTrackingNumber, parseTrackingUrl } from '../../../utils/tracking/index';

/**
 * FedEx Freight (LTL) PRO numbers: nine digits, no published check digit, so the shape alone proves nothing. The
 * number counts only with a tracking label before it ("PRO #") and FedEx named (beside it, by the sender, or by the
 * FedEx link that carries it); any other nine digits are left alone.
 */

const freight = (text: string, documentCarriers?: ('fedex' | 'ups')[]) =>
  findTrackingNumbers(text, { documentCarriers })
    .filter((m) => m.formatId === 'fedex_freight_pro')
    .map((m) => `${m.number}:${m.carrier}`);
const all = (text: string) => findTrackingNumbers(text).map((m) => m.number);

describe('FedEx Freight PRO numbers', () => {
  it('is a nine-digit format of FedEx that needs its carrier and a label', () => {
    const format = fedex.formats.find((f) => f.id === 'fedex_freight_pro');
    expect(format).toMatchObject({ lengths: [9], strength: 'weak', checksum: false });
    expect(format?.requiresCarrier).toBe(true);
    expect(format?.requiresLabel).toBe(true);
    expect(format?.pattern.test('123456789')).toBe(true);
    for (const wrong of ['12345678', '1234567890', '12345678A', 'A23456789'])
      expect(format?.pattern.test(wrong)).toBe(false);
  });

  it('finds a PRO number labelled as such with FedEx Freight named beside it', () => {
    expect(freight('FedEx Freight PRO# 123456789')).toEqual(['123456789:fedex']);
    expect(freight('Carrier: FedEx Freight\nPRO number: 574820136')).toEqual(['574820136:fedex']);
    expect(freight('Your FedEx Freight shipment is on its way. Pro #: 574820136')).toEqual([
      '574820136:fedex',
    ]);
  });

  it('finds it with a tracking label when the mail is from FedEx (the sender names the carrier)', () => {
    expect(freight('PRO number: 574820136', ['fedex'])).toEqual(['574820136:fedex']);
    expect(freight('Tracking number: 574820136', ['fedex'])).toEqual(['574820136:fedex']);
    // Another carrier's mail is no evidence for FedEx.
    expect(freight('PRO number: 574820136', ['ups'])).toEqual([]);
  });

  it('finds it in a FedEx tracking link', () => {
    expect(freight('<https://www.fedex.com/fedextrack/?trknbr=574820136>')).toEqual(['574820136:fedex']);
    expect(parseTrackingUrl('https://www.fedex.com/fedextrack/?trknbr=574820136')?.items).toEqual([
      { number: '574820136', carrier: 'fedex' },
    ]);
  });

  it('never counts nine digits by shape, by a label alone or by the carrier named alone', () => {
    expect(all('574820136')).toEqual([]);
    expect(all('PRO# 574820136')).toEqual([]);
    expect(all('Tracking number: 574820136')).toEqual([]);
    expect(all('Estes Express PRO# 574820136')).toEqual([]);
    expect(all('FedEx Freight 574820136')).toEqual([]);
    expect(all('FedEx Office store 574820136')).toEqual([]);
    expect(all('FedEx order #574820136')).toEqual([]);
    expect(all('FedEx invoice number 574820136')).toEqual([]);
    expect(all('Call FedEx Freight at 866 393 4585')).toEqual([]);
    expect(all('FedEx Freight PRO# 57482013')).toEqual([]);
    expect(all('FedEx Freight PRO# 5748201361')).toEqual([]);
  });

  it('reads a bare "PRO" right before the number as its label, never as part of the number', () => {
    // Joined across the space, "PRO 123456789" would fit Purolator's three letters + nine digits.
    expect(
      findTrackingNumbers('FedEx Freight shipment, PRO 123456789').map((m) => `${m.number}:${m.carrier}`),
    ).toEqual(['123456789:fedex']);
    expect(freight('FedEx Freight PRO 574820136 picked up')).toEqual(['574820136:fedex']);
    expect(freight('FedEx Freight: PRO: 574820136')).toEqual(['574820136:fedex']);
    // Only right before the number and only as a word: "Pro" further away, or "product", is no label.
    expect(all('FedEx Freight Pro service for your order 574820136')).toEqual([]);
    expect(all('FedEx product 574820136')).toEqual([]);
    expect(all('PRO 574820136')).toEqual([]);
    // Three letters that are no label still make Purolator's alphanumeric PIN.
    expect(findTrackingNumbers('Purolator shipment ABC 123456789').map((m) => m.number)).toEqual([
      'ABC123456789',
    ]);
  });

  it('is not what a number typed alone is taken for', () => {
    expect(identifyTrackingNumber('574820136')).toBeNull();
  });
});
