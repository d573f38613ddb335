import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CarrierCode,
  carrierFromHost,
  findTrackingNumbers,
  identifyTrackingNumber,
  parseTrackingUrl,
  unwrapRedirects,
} from '../../../utils/tracking/index';
import { REPO_ROOT } from './helpers';

const found = (text: string, documentCarriers?: CarrierCode[]) =>
  findTrackingNumbers(text, { documentCarriers }).map((m) => `${m.number}:${m.carrier}`);

/*
 * Check digits below were computed by hand from the published schemes, not by the engine:
 * GS1 (SSCC): weights 3,1 from the right; Identcode: weights 4,9 from the left; GLS: GS1 weights plus one;
 * USPS IMpb: weights 3,1 from the left over the 21 digits before the check digit.
 */
describe('DHL Paket and DHL Express', () => {
  it('reads the SSCC with its application identifier, and checks its GS1 digit', () => {
    expect(found('Sendung 00340434188193000042')).toEqual(['00340434188193000042:dhl']);
    expect(found('Sendung 00340434188193000043')).not.toContain('00340434188193000043:dhl');
  });
  it('reads JJD and JD numbers', () => {
    expect(found('JJD000390007828906612')).toEqual(['JJD000390007828906612:dhl']);
    expect(found('Waybill JD014600003828298288')).toEqual(['JD014600003828298288:dhl']);
  });
  it('reads the 12-digit Identcode only with DHL named, and checks its digit', () => {
    expect(found('Ihre DHL Sendungsnummer: 563102430313')).toEqual(['563102430313:dhl']);
    expect(found('Ihre DHL Sendungsnummer: 563102430314')).not.toContain('563102430314:dhl');
    expect(found('Sendungsnummer: 563102430313')).not.toContain('563102430313:dhl');
  });
});

describe('GLS', () => {
  it('reads the 11-digit number only with GLS named', () => {
    expect(found('Your GLS tracking number is 90346692444')).toEqual(['90346692444:gls']);
    expect(found('Tracking number: 90346692444')).not.toContain('90346692444:gls');
    expect(found('Paket 90346692444', ['gls'])).toEqual(['90346692444:gls']);
  });
  it('checks the 12th digit when it is printed', () => {
    expect(found('GLS parcel 903466924448')).toEqual(['903466924448:gls']);
    expect(found('GLS parcel 903466924449')).not.toContain('903466924449:gls');
  });
  it('counts a carrier name separated by punctuation as a label', () => {
    for (const sep of [' · ', ' | ', ' – ', ': ', ' / '])
      expect(found(`GLS${sep}90346692444`)).toEqual(['90346692444:gls']);
    expect(found('DPD · 01234567890123')).toEqual(['01234567890123:dpd']);
  });
});

describe('European carriers', () => {
  const cases: [string, string][] = [
    ['Evri tracking number: H01HYA0012345678', 'H01HYA0012345678:evri'],
    ['Your Evri parcel 1234567890123456', '1234567890123456:evri'],
    ['Hermes Sendungsnummer 12345678901234', '12345678901234:hermes'],
    ['3SABCD1234567', '3SABCD1234567:postnl'],
    ['Parcelforce: PBTM8234567001', 'PBTM8234567001:parcelforce'],
    ['Colissimo : 6A12345678901', '6A12345678901:la_poste'],
    ['InPost numer paczki: 609999999990999918999993', '609999999990999918999993:inpost'],
    ['Lettera di vettura SDA 350C20177729F', '350C20177729F:sda'],
    ['DPD Polska: 1000399528451U', '1000399528451U:dpd'],
    ['DPD Paketnummer 01234567890123', '01234567890123:dpd'],
  ];
  for (const [text, expected] of cases)
    it(`reads ${expected}`, () => expect(found(text)).toEqual([expected]));

  it('does not read generic shapes without their carrier', () => {
    expect(found('6A12345678901')).toEqual([]);
    expect(found('H01HYA0012345678')).toEqual([]);
    expect(found('Numer paczki: 609999999990999918999993')).not.toContain('609999999990999918999993:inpost');
    expect(found('Paketnummer 01234567890123')).not.toContain('01234567890123:hermes');
  });

  it('keeps S10 numbers S10 when a postal carrier is named', () => {
    expect(found('Shipped via Royal Mail. Tracking number: RB123456785GB')).toEqual(['RB123456785GB:s10']);
  });
});

describe('Australia, China and the US', () => {
  const cases: [string, string][] = [
    ['Australia Post tracking number 33ABC1234567', '33ABC1234567:australia_post'],
    ['LP00123456789012', 'LP00123456789012:cainiao'],
    ['4PX3001234567890CN', '4PX3001234567890CN:fourpx'],
    ['Tracking: UG123456789YP', 'UG123456789YP:yanwen'],
    ['J&T Express tracking number JT5012345678901', 'JT5012345678901:jt_express'],
    ['Your tracking number is QA0881872248', 'QA0881872248:amazon'],
    ['LTN123456789N2', 'LTN123456789N2:landmark'],
    ['Cirro tracking: CR000123456789', 'CR000123456789:gofo'],
    ['FedEx SmartPost tracking 61290100123456789018', '61290100123456789018:fedex'],
  ];
  for (const [text, expected] of cases)
    it(`reads ${expected}`, () => expect(found(text)).toEqual([expected]));

  it('knows the 22-digit SmartPost number as FedEx, with its USPS check digit', () => {
    const id = identifyTrackingNumber('9261290100123456789018');
    expect([id?.formatId, ...(id?.alternatives.map((a) => a.formatId) ?? [])]).toContain('fedex_smartpost');
    expect(identifyTrackingNumber('61290100123456789019')?.formatId).not.toBe('fedex_smartpost');
  });

  it('does not identify a pasted string by a shape that needs its carrier named', () => {
    expect(identifyTrackingNumber('Order 112-1234567-1234567')).toBeNull();
    expect(identifyTrackingNumber('90346692444')?.carrier).not.toBe('gls');
    expect(parseTrackingUrl('https://gls-group.com/track/90346692444')?.items).toEqual([
      { number: '90346692444', carrier: 'gls' },
    ]);
  });

  it('needs a piece of context for Amazon UK numbers', () => {
    expect(found('QA0881872248')).toEqual([]);
  });
});

describe('labelled ids that are not parcels', () => {
  for (const label of [
    'Message ID:',
    'Reference:',
    'Purchase order',
    'Customer service:',
    'PO #',
    'Kod odbioru',
  ])
    it(`ignores a number after "${label}"`, () => expect(found(`${label} 986578788855`)).toEqual([]));
  it('ignores phone numbers even in a carrier mail', () => {
    expect(found('Customer service: 0800 123 4567', ['dhl'])).toEqual([]);
  });
});

describe('carrier hosts and redirectors', () => {
  it('names the new carriers from their sender domains', () => {
    expect(carrierFromHost('myhermes.co.uk')).toBe('evri');
    expect(carrierFromHost('noreply@gls-group.eu')).toBe('gls');
    expect(carrierFromHost('notifications.auspost.com.au')).toBe('australia_post');
    expect(carrierFromHost('no-reply@royalmail.com')).toBe('royal_mail');
    expect(carrierFromHost('myhermes.de')).toBe('hermes');
    expect(carrierFromHost('allegromail.pl')).toBeNull();
    expect(carrierFromHost('laposte.net')).toBeNull();
  });

  const UPS = 'https://www.ups.com/track?tracknum=1Z5R89390357567127';
  it('unwraps ESP click trackers whose target is in the link, whatever the parameter', () => {
    const e = encodeURIComponent(UPS);
    expect(unwrapRedirects(`https://example.us1.list-manage.com/track/click?u=1&redirect_to=${e}`)).toBe(UPS);
    expect(unwrapRedirects(`https://u123.ct.sendgrid.net/ls/click?upn=x&goto=${e}`)).toBe(UPS);
    expect(unwrapRedirects(`https://www.google.com/url?sa=t&url=${e}`)).toBe(UPS);
    expect(
      unwrapRedirects(`https://x.r.eu-west-1.awstrack.me/L0/${e.replace(/%3A/, ':')}/1/0101-0000/sig=174`),
    ).toBe(UPS);
  });
  it('leaves opaque redirectors and other links alone', () => {
    const opaque = 'https://u123.ct.sendgrid.net/ls/click?upn=abcDEF123';
    expect(unwrapRedirects(opaque)).toBe(opaque);
    const shop = `https://shop.example.com/account?next=${encodeURIComponent(UPS)}`;
    expect(unwrapRedirects(shop)).toBe(shop);
  });
});

interface Excerpt {
  id: string;
  from: string;
  subject: string;
  text?: string;
  links?: string[];
}
const excerpts = (
  JSON.parse(readFileSync(resolve(REPO_ROOT, 'tests/fixtures/tracking/realworld/excerpts.json'), 'utf8')) as {
    items: Excerpt[];
  }
).items;
const excerpt = (id: string) => excerpts.find((e) => e.id === id) as Excerpt;

describe('real e-mails (excerpts of the MIT-licensed real-world corpus)', () => {
  it('GLS (Polish): the 11-digit number, with the sender naming GLS', () => {
    const e = excerpt('gls_delivered');
    const sender = carrierFromHost(e.from);
    expect(sender).toBe('gls');
    expect(found(e.text ?? '', sender ? [sender] : [])).toEqual(['90346692444:gls']);
  });
  it('DPD Polska via Allegro: 13 digits and a letter after "paczkę"', () => {
    expect(found(excerpt('dpd_com_pl_delivering').text ?? '')).toEqual(['1000399528451U:dpd']);
  });
  it('Amazon UK: QA… after "sent by Amazon Logistics. Your tracking number is"', () => {
    expect(found(excerpt('amazon_uk_shipped').text ?? '')).toEqual(['QA0881872248:amazon']);
  });
  it('InPost: the 24-digit number, not the phone number or the pickup code', () => {
    expect(found(excerpt('inpost_pl_delivered').text ?? '', ['inpost'])).toEqual([
      '609999999990999918999993:inpost',
    ]);
  });
  it('Royal Mail: the number behind awstrack.me and ryml.me, and not the redacted one failing S10', () => {
    const links = excerpt('royal_mail_uk_delivered').links ?? [];
    const parsed = links.map((l) => parseTrackingUrl(l)).filter((p) => p !== null);
    expect(parsed.map((p) => p?.numbers)).toEqual([['MA038506556GB']]);
    expect(parsed[0]?.carrier).toBe('royal_mail');
    const html = links.map((l) => `<a href="${l}">Track Parcel</a>`).join('\n');
    expect(found(html)).toEqual(['MA038506556GB:s10']);
  });
});
