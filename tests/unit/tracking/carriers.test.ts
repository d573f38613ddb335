import { describe, expect, it } from 'vitest';
import { findTrackingNumbers, identifyTrackingNumber, trackingUrlFor } from '../../../utils/tracking/index';
import type { CarrierCode } from '../../../utils/tracking/types';

/** One labelled sentence per carrier format, in the way e-mails print them. */
const CASES: [CarrierCode, string, string][] = [
  ['ups', 'UPS tracking number: 1Z 879 E93 03 4683 4440', '1Z879E930346834440'],
  ['ups', 'Carrier: UPS\nWaybill: K2479825491', 'K2479825491'],
  ['usps', 'USPS tracking: 9400 1112 0108 0805 4830 16', '9400111201080805483016'],
  ['usps', 'Carrier: USPS\nTracking: 0307 1790 0005 2348 3741', '03071790000523483741'],
  ['usps', 'Tracking number 420787459400111206206406260787', '420787459400111206206406260787'],
  ['fedex', 'FedEx tracking number 986578788855', '986578788855'],
  ['fedex', 'FedEx Ground tracking: 0414 4176 0228 964', '041441760228964'],
  ['fedex', 'FedEx: 9611020987654312345672', '9611020987654312345672'],
  ['dhl', 'Shipped with DHL (tracking 3318810025)', '3318810025'],
  ['dhl', 'DHL eCommerce tracking GM2951173225174494', 'GM2951173225174494'],
  ['amazon', 'Amazon Logistics tracking ID TBA502887274000', 'TBA502887274000'],
  ['ontrac', 'OnTrac tracking number: C11031500001879', 'C11031500001879'],
  ['lasership', 'LaserShip tracking: 1LS7119013618127-1', '1LS7119013618127-1'],
  ['canada_post', 'Canada Post tracking number 7035114477138472', '7035114477138472'],
  ['canpar', 'Canpar tracking D576002440000001718010', 'D576002440000001718010'],
  ['dpd', 'DPD Paketnummer: 0998 0000 0200 34D', '09980000020034D'],
  ['gofo', 'GOFO Express tracking GFUS01011884214464', 'GFUS01011884214464'],
  ['landmark', 'Landmark Global tracking LTN74207623N1', 'LTN74207623N1'],
  ['old_dominion', 'Old Dominion PRO number 07209562763', '07209562763'],
  ['purolator', 'Purolator tracking: 320595463938', '320595463938'],
  ['s10', 'Royal Mail tracking number RB123456785GB', 'RB123456785GB'],
  ['speedee', 'Spee-Dee tracking SP029692510000920746', 'SP029692510000920746'],
  ['yodel', 'Yodel tracking JJD0002257639032011', 'JJD0002257639032011'],
  ['yunexpress', 'YunExpress tracking YT2229521272164446', 'YT2229521272164446'],
];

describe('one number per carrier, in a sentence', () => {
  for (const [carrier, text, number] of CASES) {
    it(`${carrier}: ${text}`, () => {
      const found = findTrackingNumbers(text);
      expect(found.map((m) => [m.number, m.carrier])).toEqual([[number, carrier]]);
      const m = found[0];
      expect(m && text.slice(m.start, m.end).replace(/[\s-]/g, '')).toBe(number.replace(/-/g, ''));
    });
  }
});

describe('trackingUrlFor', () => {
  it('gives an https page for every carrier', () => {
    for (const [carrier, , number] of CASES) {
      const url = trackingUrlFor(carrier, number);
      expect(url?.startsWith('https://')).toBe(true);
      expect(url).toContain(encodeURIComponent(number));
    }
  });
  it('routes S10 numbers to the posting country when known', () => {
    expect(trackingUrlFor('s10', 'RB123456785GB')).toContain('royalmail.com');
    expect(trackingUrlFor('s10', 'RR288970263ES')).toContain('17track');
  });
});

describe('identifyTrackingNumber', () => {
  it('normalises spaces, hyphens and case', () => {
    expect(identifyTrackingNumber(' 1z 999 aa1 01 2345 678 4 ')?.number).toBe('1Z999AA10123456784');
    expect(identifyTrackingNumber('1LS7119013618127-1')?.formatId).toBe('lasership-1ls7-18');
  });
  it('returns null for text that is no tracking number', () => {
    for (const s of ['', 'hello', '1Z999AA10123456785', '123', 'x'.repeat(1000)])
      expect(identifyTrackingNumber(s)).toBeNull();
  });
  it('lists the other carriers an ambiguous number fits', () => {
    const id = identifyTrackingNumber('287809468872');
    expect(id?.carrier).toBe('fedex');
    expect(id?.alternatives).toContainEqual({ carrier: 'purolator', formatId: 'purolator_numeric' });
  });
  it('reads a pasted tracking link', () => {
    const id = identifyTrackingNumber('https://www.fedex.com/fedextrack/?trknbr=986578788855');
    expect(id?.carrier).toBe('fedex');
    expect(id?.number).toBe('986578788855');
  });
});
