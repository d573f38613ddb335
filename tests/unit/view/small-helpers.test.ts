import { describe, expect, it } from 'vitest';
import { identifyTrackingNumber } from '../../../utils/tracking';
import { previewPastedNumbers } from '../../../utils/view/add-preview';
import { carrierBrand } from '../../../utils/view/carriers';
import { hasCredentials, maskSecret, PROVIDERS, parseProviderKeys } from '../../../utils/view/providers';
import { normaliseSiteHost } from '../../../utils/view/site-host';
import { must } from '../components/dom';

describe('add preview', () => {
  it('splits pasted text like the background and identifies each piece with the engine', () => {
    const items = previewPastedNumbers(
      '1Z999AA10123456784, 9400 1112 0620 6406 2607 87\nfoo bar',
      identifyTrackingNumber,
    );
    expect(items.map((i) => [i.input, i.identified?.carrier ?? null])).toEqual([
      ['1Z999AA10123456784', 'ups'],
      ['9400 1112 0620 6406 2607 87', 'usps'],
      ['foo', null],
      ['bar', null],
    ]);
    expect(previewPastedNumbers('   \n , ', identifyTrackingNumber)).toEqual([]);
  });
});

describe('site host', () => {
  it.each([
    ['mail.yahoo.com', 'mail.yahoo.com'],
    ['  Shop.Example.COM. ', 'shop.example.com'],
    ['https://www.amazon.de/gp/css/order-history?x=1', 'www.amazon.de'],
    ['not a site', undefined],
    ['localhost', undefined],
    ['javascript:alert(1)', undefined],
    ['-bad-.com', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSiteHost(input)).toBe(expected);
  });
});

describe('provider keys', () => {
  it('keeps only short strings under known providers and fields', () => {
    expect(
      parseProviderKeys({
        '17track': { apiKey: ' abc ', extra: 'x' },
        ups: { clientId: 'id', clientSecret: 'y'.repeat(600) },
        evil: { apiKey: 'k' },
        dhl: 'not an object',
      }),
    ).toEqual({ '17track': { apiKey: 'abc' }, ups: { clientId: 'id' } });
    expect(parseProviderKeys(null)).toEqual({});
  });

  it('knows which providers need a client id and secret', () => {
    const ups = must(PROVIDERS.find((p) => p.id === 'ups'));
    expect(hasCredentials(ups, { ups: { clientId: 'a' } })).toBe(false);
    expect(hasCredentials(ups, { ups: { clientId: 'a', clientSecret: 'b' } })).toBe(true);
    expect(PROVIDERS.every((p) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(p.origin))).toBe(true);
  });

  it('masks a key, showing at most its last four characters', () => {
    expect(maskSecret('sk_live_1234567890abcd')).toBe('••••••abcd');
    expect(maskSecret('short')).toBe('••••••');
  });
});

describe('carrier brands', () => {
  it('names known carriers and gives unknown codes a readable name', () => {
    expect(carrierBrand('canada_post')?.name).toBe('Canada Post');
    expect(carrierBrand('royal_mail')?.initials).toBe('RM');
    expect(carrierBrand('poste_italiane')).toMatchObject({ name: 'Poste Italiane', initials: 'PO' });
    expect(carrierBrand(undefined)).toBeUndefined();
  });
});
