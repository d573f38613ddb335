import { describe, expect, it } from 'vitest';
import { parseTrackingUrl, unwrapRedirects } from '../../../utils/tracking/index';

const UPS = 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784';

describe('parseTrackingUrl', () => {
  it('reads carrier links', () => {
    expect(parseTrackingUrl(UPS)).toMatchObject({ carrier: 'ups', numbers: ['1Z999AA10123456784'] });
    expect(
      parseTrackingUrl('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787'),
    ).toMatchObject({ carrier: 'usps', numbers: ['9400111206206406260787'] });
    expect(parseTrackingUrl('https://track.amazon.com/tracking/TBA502887274000')).toMatchObject({
      carrier: 'amazon',
      numbers: ['TBA502887274000'],
    });
    expect(
      parseTrackingUrl(
        'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=7035114477138472',
      ),
    ).toMatchObject({ carrier: 'canada_post', numbers: ['7035114477138472'] });
  });

  it('unwraps Google, Outlook Safe Links and Amazon redirectors', () => {
    const encoded = encodeURIComponent(UPS);
    for (const wrapped of [
      `https://www.google.com/url?q=${encoded}&source=gmail&ust=1&usg=x`,
      `https://eur01.safelinks.protection.outlook.com/?url=${encoded}&data=x&sdata=y&reserved=0`,
      `https://www.amazon.com/gp/r.html?C=1&K=2&R=3&T=C&U=${encoded}&H=z`,
      `https://www.google.com/url?q=${encodeURIComponent(`https://eur01.safelinks.protection.outlook.com/?url=${encoded}`)}`,
    ]) {
      expect(unwrapRedirects(wrapped)).toBe(UPS);
      expect(parseTrackingUrl(wrapped)).toMatchObject({
        carrier: 'ups',
        numbers: ['1Z999AA10123456784'],
        url: UPS,
      });
    }
  });

  it('reads several numbers from a universal tracker', () => {
    const parsed = parseTrackingUrl('https://t.17track.net/en#nums=RB123456785GB,1Z999AA10123456784');
    expect(parsed?.carrier).toBeNull();
    expect(parsed?.items).toEqual([
      { number: 'RB123456785GB', carrier: 's10' },
      { number: '1Z999AA10123456784', carrier: 'ups' },
    ]);
  });

  it('only takes the carrier’s own formats on its site', () => {
    expect(parseTrackingUrl('https://www.ups.com/track?tracknum=986578788855')).toBeNull();
  });

  it('returns null for other links and for garbage', () => {
    expect(parseTrackingUrl('https://www.example-shop.com/account/orders/9213008866502673')).toBeNull();
    expect(parseTrackingUrl('not a url')).toBeNull();
    expect(parseTrackingUrl('javascript:alert(1)')).toBeNull();
  });
});
