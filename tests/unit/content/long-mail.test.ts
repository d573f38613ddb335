import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SLICE_CHARS, webmailSiteFor } from '@/utils/extract/sites';
import { WHOLE_MAIL_CHARS } from '@/utils/extract/sites/webmail-sites';

/**
 * A mail too long for one task (issue 15: a 4 MB mail was one multi-second task) is read in slices, each with the
 * mail's context; every package in it is still found, and automatic mode follows the mail's start.
 */

const NOW = Date.UTC(2026, 10, 27, 15);
const context = {
  url: 'https://mail.google.com/mail/u/0/',
  sourceKind: 'webmail' as const,
  now: NOW,
  timeZone: 'UTC',
};
const FILLER =
  '<p>Row 4411 of the export: quantity 3, colour teal, warehouse shelf B, no remarks at all.</p>';

function gmail(subject: string, paragraphs: string[]) {
  const { document } = parseHTML(`<!doctype html><html><body><div role="main"><h2 class="hP">${subject}</h2>
    <div class="adn ads" data-message-id="#msg-f:1"><div class="gE iv gt">
    <span class="gD" email="updates@shop.example" name="Shop">Shop</span>
    <span class="g3" title="Fri, Nov 27, 2026, 7:00 AM">7:00 AM</span></div>
    <div class="ii gt"><div class="a3s aiL">${paragraphs.join('')}</div></div></div></div></body></html>`);
  return document as unknown as Document;
}

const run = (doc: Document) => {
  const units = webmailSiteFor('https://mail.google.com/mail/u/0/').units(doc.body);
  return { units, scans: units.map((u) => u.run(context)) };
};

describe('a mail longer than WHOLE_MAIL_CHARS', () => {
  const rows = Math.ceil((WHOLE_MAIL_CHARS * 3) / FILLER.length);
  const body = Array.from({ length: rows }, () => FILLER);
  body.splice(rows >> 1, 0, '<p>Second parcel: UPS tracking number 1Z5R89390357567127</p>');
  body.unshift('<p>Your package has shipped. Tracking number: 9400111206206406260787</p>');
  body.push('<p>Third parcel, FedEx tracking number: 986578788855</p>');

  it('is read in slices of about SLICE_CHARS, and finds the packages at its start, middle and end', () => {
    const { units, scans } = run(gmail('Your shipment and the export', body));
    expect(units.length).toBeGreaterThan(WHOLE_MAIL_CHARS / SLICE_CHARS);
    // Characters read per slice: SLICE_CHARS of text and the line breaks between its blocks.
    expect(Math.max(...scans.map((s) => s.chars))).toBeLessThan(SLICE_CHARS * 1.1);
    const numbers = scans.flatMap((s) => s.found.map((f) => f.detection.number));
    expect(numbers).toEqual(['9400111206206406260787', '1Z5R89390357567127', '986578788855']);
    // The mail's start is about shipping: every slice is automatic, dated by the mail.
    expect(scans.every((s) => s.shipping)).toBe(true);
    expect(scans.flatMap((s) => s.found).every((f) => f.detection.source.kind === 'webmail')).toBe(true);
  });

  it('is not automatic when its start is not about shipping, wherever a number appears', () => {
    const quiet = body.map((p) => p.replace(/package|shipped|parcel|tracking number/gi, 'reference'));
    const { scans } = run(gmail('The export you asked for', quiet));
    expect(scans.some((s) => s.found.length > 0)).toBe(true);
    expect(scans.some((s) => s.shipping)).toBe(false);
  });

  it('a mail under the limit is still one unit, read whole', () => {
    const { units } = run(gmail('Your order has shipped', body.slice(0, 200)));
    expect(units).toHaveLength(1);
  });
});
