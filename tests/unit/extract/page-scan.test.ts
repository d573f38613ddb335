import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  numbersIn,
  promiseAround,
  readingReference,
  type ScanContext,
  scanCollection,
  statusAround,
} from '@/utils/extract/page-scan';
import { extractShippingEmail } from '@/utils/extract/sites/shipping-email';
import { collectVisibleText } from '@/utils/extract/visible-text';

const NOW = Date.UTC(2026, 11, 7, 9); // Monday 7 December 2026
const context: ScanContext = {
  url: 'https://shop.example/orders',
  sourceKind: 'page',
  now: NOW,
  timeZone: 'Europe/Berlin',
};
const bodyOf = (html: string) =>
  parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Element;

describe('readingReference: one source of when and where dates are read', () => {
  it('dates by when the text was written, never later than when it was seen, in the reader’s zone', () => {
    expect(readingReference(context)).toEqual({ at: NOW, timeZone: 'Europe/Berlin' });
    expect(readingReference({ ...context, writtenAt: NOW - 1000 })).toEqual({
      at: NOW - 1000,
      timeZone: 'Europe/Berlin',
      writtenAt: NOW - 1000,
    });
    // A mail from a wrong clock, dated tomorrow.
    expect(readingReference({ ...context, writtenAt: NOW + 86_400_000 }).at).toBe(NOW);
    const { timeZone: _, ...noZone } = context;
    expect(readingReference(noZone).timeZone).toBe('UTC');
  });
});

describe('numbersIn, then the words around each number', () => {
  const html =
    '<p>Your parcel 1Z999AA10123456784 was delivered.</p>' +
    '<p>Another one, 1Z999AA10123456793, is delayed and now arrives Thursday.</p>' +
    '<a href="https://www.ups.com/track?tracknum=1Z999AA10123456784">Track</a>';
  const collected = collectVisibleText(bodyOf(html), { trackNodes: true });

  it('finds each number once with its own words, a link adding its tracking URL', () => {
    const numbers = numbersIn(collected, context);
    expect(numbers.map((n) => n.number)).toEqual(['1Z999AA10123456784', '1Z999AA10123456793']);
    expect(numbers[0]?.trackUrl).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(numbers[0]?.around).toContain('was delivered');
    expect(numbers[0]?.around).not.toContain('Thursday');
  });

  it('reads the status and the promise from those words only', () => {
    const [first, second] = numbersIn(collected, context);
    if (!first || !second) throw new Error('two numbers expected');
    const reference = readingReference(context);
    expect(statusAround(first)?.status).toBe('delivered');
    expect(statusAround(second)?.status).toBe('exception');
    expect(promiseAround(first, reference)).toBeUndefined();
    expect(promiseAround(second, reference)?.start).toBe('2026-12-10');
    expect(statusAround({ number: 'X' })).toBeUndefined();
  });

  it('scanCollection is numbersIn read number by number', () => {
    const found = scanCollection(collected, { ...context, writtenAt: NOW - 60_000 });
    expect(found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: '1Z999AA10123456784',
        status: 'delivered',
        statusAt: NOW - 60_000,
        trackUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      }),
      expect.objectContaining({
        number: '1Z999AA10123456793',
        status: 'exception',
        eta: { start: '2026-12-10', timeZone: 'Europe/Berlin' },
      }),
    ]);
  });
});

describe('a shipping mail is read once', () => {
  it('gives its one package the headline status, the mail’s promise and the clamped mail date', () => {
    const body = bodyOf(
      '<h1>Your package is on its way</h1><p>It will arrive: <b>Wednesday, December 9</b></p>' +
        '<p>Tracking number: 1Z999AA10123456784 (delivered to the front desk when it arrives)</p>',
    );
    const [found, ...rest] = extractShippingEmail(
      { container: body, body, subject: 'Shipped!', date: NOW + 3_600_000, senderName: 'Loom Studio' },
      context,
    );
    expect(rest).toHaveLength(0);
    expect(found?.detection).toMatchObject({
      number: '1Z999AA10123456784',
      status: 'in_transit',
      statusAt: NOW,
      eta: { start: '2026-12-09', timeZone: 'Europe/Berlin' },
      merchant: 'Loom Studio',
    });
  });

  it('dates an out-for-delivery package today in the reader’s zone when the mail names no day', () => {
    const body = bodyOf('<p>Out for delivery: your parcel 1Z999AA10123456784.</p>');
    // 23:30 UTC on 7 December is already 8 December in Berlin.
    const lateEvening = Date.UTC(2026, 11, 7, 23, 30);
    const [found] = extractShippingEmail(
      { container: body, body, date: lateEvening },
      { ...context, now: lateEvening },
    );
    expect(found?.detection.eta).toEqual({ start: '2026-12-08', timeZone: 'Europe/Berlin' });
  });
});
