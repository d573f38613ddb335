import { describe, expect, it } from 'vitest';
import { type CarrierCode, carrierFromHost, findTrackingNumbers } from '../../../utils/tracking/index';

const found = (text: string, documentCarriers?: CarrierCode[]) =>
  findTrackingNumbers(text, { documentCarriers }).map((m) => `${m.number}:${m.carrier}`);

describe('carrierFromHost', () => {
  it('names the carrier of its web and mail hosts, subdomains included', () => {
    expect(carrierFromHost('ups.com')).toBe('ups');
    expect(carrierFromHost('email.ups.com')).toBe('ups');
    expect(carrierFromHost('dhl.de')).toBe('dhl');
    expect(carrierFromHost('noreply@dhl.de')).toBe('dhl');
    expect(carrierFromHost('https://www.fedex.com/fedextrack/')).toBe('fedex');
    expect(carrierFromHost('Track.Amazon.com.')).toBe('amazon');
  });

  it('is null for other hosts and for what is not a host', () => {
    expect(carrierFromHost('example.com')).toBeNull();
    expect(carrierFromHost('upstairs.com')).toBeNull();
    expect(carrierFromHost('')).toBeNull();
    expect(carrierFromHost('not a host')).toBeNull();
    expect(carrierFromHost(42 as unknown as string)).toBeNull();
  });
});

describe('documentCarriers', () => {
  it('makes a checksummed generic shape of the named carrier count without a label', () => {
    expect(found('We have news about 986578788855 today')).toEqual([]);
    expect(found('We have news about 986578788855 today', ['fedex'])).toEqual(['986578788855:fedex']);
    expect(findTrackingNumbers('986578788855', { documentCarriers: ['fedex'] })[0]?.evidence).toContain(
      'document-carrier',
    );
  });

  it('drops a generic shape that fits only another carrier, even labelled', () => {
    expect(found('Tracking number: 986578788855')).toEqual(['986578788855:fedex']);
    expect(found('Tracking number: 986578788855', ['dhl'])).toEqual([]);
  });

  it('keeps another carrier when the text names it beside the number', () => {
    expect(found('FedEx tracking number: 986578788855', ['dhl'])).toEqual(['986578788855:fedex']);
  });

  it('keeps strong shapes of any carrier', () => {
    expect(found('Tracking: 1Z5R89390357567127', ['dhl'])).toEqual(['1Z5R89390357567127:ups']);
  });

  it('decides between carriers a shape fits', () => {
    // 14 digits: DHL eCommerce (weak) by shape; a DHL mail makes it DHL with a label.
    expect(found('Sendungsnummer: 60120172242323', ['dhl'])).toEqual(['60120172242323:dhl']);
  });

  it('behaves as before when empty', () => {
    expect(found('Tracking number: 986578788855', [])).toEqual(['986578788855:fedex']);
  });
});
