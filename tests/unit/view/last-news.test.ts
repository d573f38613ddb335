import { describe, expect, it } from 'vitest';
import type { PackageRecord } from '../../../utils/store/types';
import { lastNews } from '../../../utils/view/package-text';

const pkg = (over: Partial<PackageRecord>): PackageRecord => ({
  id: 'p',
  itemTitles: [],
  status: 'in_transit',
  events: [],
  sources: [],
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('lastNews: the carrier’s words under the status, unless they only repeat it', () => {
  it('leaves out the English words of the German status shown ("In Zustellung" · "Out for delivery")', () => {
    const record = pkg({ status: 'out_for_delivery', statusText: 'Out For Delivery Today' });
    expect(lastNews(record, 'In Zustellung')).toBeUndefined();
    expect(lastNews(pkg({ status: 'delivered', statusText: 'Delivered' }), 'Zugestellt')).toBeUndefined();
  });

  it('keeps what adds to the status: where, with whom, in any language', () => {
    expect(lastNews(pkg({ status: 'delivered', statusText: 'Delivered, Front Door' }), 'Zugestellt')).toBe(
      'Delivered, Front Door',
    );
    const event = {
      at: 1,
      status: 'in_transit' as const,
      description: 'Departed facility',
      location: 'Memphis, TN',
    };
    expect(lastNews(pkg({ events: [event] }), 'Unterwegs')).toBe('Departed facility — Memphis, TN');
  });

  it('keeps a carrier text stating another status than the package’s, and keeps it when a problem is shown', () => {
    // The package moved on (delivered) while the last event text still says "Out for delivery".
    expect(lastNews(pkg({ status: 'delivered', statusText: 'Out for delivery' }), 'Zugestellt')).toBe(
      'Out for delivery',
    );
    // The row shows "No update for 9 days" instead of the status: the carrier's last word is the news then.
    expect(
      lastNews(
        pkg({ status: 'in_transit', statusText: 'In transit' }),
        'Keine Neuigkeit seit 9 Tagen',
        false,
      ),
    ).toBe('In transit');
  });

  it('still leaves out the status repeated in the UI language with one word more', () => {
    const event = {
      at: 1,
      status: 'out_for_delivery' as const,
      description: 'Out For Delivery Today',
      location: 'Wayne, NJ',
    };
    expect(lastNews(pkg({ status: 'out_for_delivery', events: [event] }), 'Out for delivery')).toBe(
      'Wayne, NJ',
    );
  });
});
