import { describe, expect, it } from 'vitest';
import type { PackageRecord } from '../../../utils/store/types';
import { trackingUrlFor } from '../../../utils/tracking';
import { safeHttpUrl, sourceHost, trackingPageFor } from '../../../utils/view/links';
import { searchPackages } from '../../../utils/view/search';
import { threePackages } from '../components/fixtures';

const carrierUrl = (carrier: string, number: string) =>
  trackingUrlFor(carrier as Parameters<typeof trackingUrlFor>[0], number);
const [headphones, shoes, kindle] = threePackages(new Date(Date.UTC(2025, 10, 26, 12))) as [
  PackageRecord,
  PackageRecord,
  PackageRecord,
];

describe('links', () => {
  it('lets only http(s) through', () => {
    expect(safeHttpUrl('https://www.ups.com/track?x=1')).toBe('https://www.ups.com/track?x=1');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'chrome://settings',
      'file:///etc/passwd',
      'nonsense',
      undefined,
    ]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });

  it('prefers the stored tracking page, then the carrier page, then Amazon for a shipment without a number', () => {
    expect(
      trackingPageFor({ ...headphones, trackUrl: 'https://www.ups.com/track?tracknum=X' }, carrierUrl),
    ).toBe('https://www.ups.com/track?tracknum=X');
    expect(trackingPageFor({ ...headphones, trackUrl: 'javascript:alert(1)' }, carrierUrl)).toBe(
      'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784',
    );
    expect(trackingPageFor(kindle, carrierUrl)).toBe(
      'https://www.amazon.com/progress-tracker/package?orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0',
    );
    const germanOrder = {
      ...kindle,
      shipmentId: undefined,
      sources: [
        { kind: 'amazon' as const, url: 'https://www.amazon.de/gp/your-account/order-history', seenAt: 1 },
      ],
    };
    expect(trackingPageFor(germanOrder, carrierUrl)).toBe(
      'https://www.amazon.de/gp/your-account/order-details?orderID=113-5838173-8241820',
    );
    expect(trackingPageFor({ ...shoes, carrier: undefined, number: 'ABC123' }, carrierUrl)).toBeUndefined();
  });

  it('names a source by its host only', () => {
    expect(sourceHost('https://mail.google.com/mail/u/0/#inbox/abc')).toBe('mail.google.com');
    expect(sourceHost('javascript:alert(1)')).toBeUndefined();
  });
});

describe('search', () => {
  const words = (pkg: PackageRecord) => (pkg.carrier === 'ups' ? 'United Parcel Service' : '');
  const list = [headphones, shoes, kindle];
  const ids = (query: string) => searchPackages(list, query, words).map((p) => p.id);

  it('matches every word in any field, case-insensitively', () => {
    expect(ids('')).toEqual(['pkg-headphones', 'pkg-shoes', 'pkg-kindle']);
    expect(ids('SONY')).toEqual(['pkg-headphones']);
    expect(ids('amazon kindle')).toEqual(['pkg-kindle']);
    expect(ids('amazon')).toEqual(['pkg-headphones', 'pkg-kindle']);
    expect(ids('113-5838173')).toEqual(['pkg-kindle']);
    expect(ids('parcel service')).toEqual(['pkg-headphones']);
    expect(ids('sony allbirds')).toEqual([]);
  });

  it('finds a number typed with spaces', () => {
    expect(ids('1Z 999 AA1 0123 4567 84')).toEqual(['pkg-headphones']);
  });

  it('sees a changed record (a new object from the live query), not a cached copy', () => {
    const renamed = { ...shoes, label: 'Gift for Sam' };
    expect(searchPackages([renamed], 'sam', words)).toHaveLength(1);
    expect(searchPackages([shoes], 'sam', words)).toHaveLength(0);
  });
});
