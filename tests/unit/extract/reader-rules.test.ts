import { describe, expect, it } from 'vitest';
import { findDeliveryPromise } from '@/utils/extract/delivery-date';
import { carriersNamedIn, documentCarriers } from '@/utils/extract/document-carriers';
import { forwardedSenderDomain } from '@/utils/extract/sites/amazon-email';
import { headlineStatus, statusFromText } from '@/utils/extract/status-phrases';

const status = (text: string) => headlineStatus(text)?.status;

describe("headlineStatus: the message's own headline, not the first phrase anywhere", () => {
  it('the phrase written first wins', () => {
    expect(status('Your package was shipped! Track it below. Arriving today.')).toBe('in_transit');
    expect(status('Order Confirmation. Arriving: Tuesday, January 11. Delivered by Amazon')).toBe(
      'info_received',
    );
    expect(status('Your parcel has been delivered. Not delivered? Contact us.')).toBe('delivered');
  });

  it('a footer slogan never makes a package delivered', () => {
    expect(status('Your parcel is on its way to you.\n\nGLS. Simply delivered.')).toBe('in_transit');
    expect(status('Thanks for choosing us. Simply delivered.')).toBeUndefined();
    expect(status('Einfach geliefert.')).toBeUndefined();
  });

  it("reads today's delivery in de/fr/es/it/pl and English", () => {
    expect(status('Ihr Paket kommt heute')).toBe('out_for_delivery');
    expect(status('Ihre Sendung wird heute zugestellt')).toBe('out_for_delivery');
    expect(status('Votre colis est en cours de livraison')).toBe('out_for_delivery');
    expect(status('Tu paquete llega hoy')).toBe('out_for_delivery');
    expect(status('Il tuo pacco arriva oggi')).toBe('out_for_delivery');
    expect(status('Dziś doręczamy Twoją paczkę')).toBe('out_for_delivery');
    expect(status("It's coming today")).toBe('out_for_delivery');
    expect(status('Your package is scheduled for delivery today')).toBe('in_transit');
    expect(status('Arriving tomorrow')).toBe('in_transit');
  });

  it('reads PostNL (nl) and DHL (de) wording, the promise of today apart from a delivery today', () => {
    expect(status('Je pakket wordt vandaag bezorgd')).toBe('out_for_delivery');
    expect(status('Je pakket is vandaag bezorgd')).toBe('delivered');
    expect(status('Je pakket wordt morgen tussen 10:00 en 12:00 bezorgd')).toBe('in_transit');
    expect(status('Je pakket is onderweg')).toBe('in_transit');
    expect(status('Je pakket ligt klaar bij het PostNL-punt')).toBe('available_for_pickup');
    expect(status('We hebben je gemist')).toBe('failed_attempt');
    expect(status('Je pakket is aangemeld')).toBe('info_received');
    expect(status('Die Sendung wurde elektronisch angekündigt')).toBe('info_received');
    expect(status('Die Sendung wurde in das Zustellfahrzeug geladen')).toBe('out_for_delivery');
    expect(status('Ihr Paket ist in der Zustellung')).toBe('out_for_delivery');
    expect(status('Sie wurden leider nicht angetroffen')).toBe('failed_attempt');
    expect(status('Votre colis sera livré aujourd’hui')).toBe('out_for_delivery');
    expect(status('Votre colis sera livré demain')).toBe('in_transit');
    expect(status('Il pacco sarà consegnato oggi')).toBe('out_for_delivery');
    expect(status('Tu pedido será entregado hoy')).toBe('out_for_delivery');
  });

  it("the customer's own return or refund is a delivered parcel, not a problem", () => {
    expect(status('Return complete')).toBe('delivered');
    expect(status('Refunded')).toBe('delivered');
    expect(statusFromText('Return complete')?.status).toBe('delivered');
    expect(statusFromText('Returned to sender')?.status).toBe('returned');
  });

  it('"Auto-delivered: Every 2 months" (Subscribe & Save) is no delivery', () => {
    expect(statusFromText('Auto-delivered: Every 2 months')).toBeUndefined();
    expect(status('Auto-delivered: Every 2 months')).toBeUndefined();
  });
});

describe('delivery promises in real markup', () => {
  const reference = { at: Date.UTC(2026, 11, 6, 15), timeZone: 'America/New_York' };
  const start = (text: string) => findDeliveryPromise(text, reference)?.eta.start;

  it('reads Dutch (PostNL) and Polish month and weekday names', () => {
    expect(start('Verwachte bezorging: dinsdag 8 december')).toBe('2026-12-08');
    expect(start('Je pakket wordt morgen tussen 10:00 en 12:00 bezorgd')).toBe('2026-12-07');
    expect(start('Bezorgmoment: vandaag tussen 14:00 en 16:00')).toBe('2026-12-06');
    expect(start('Przewidywana data doręczenia: 9 grudnia 2026')).toBe('2026-12-09');
    expect(start('Doręczymy w środę')).toBe('2026-12-09');
    // A date that no promise announces stays no promise.
    expect(start('Besteld op dinsdag 1 december')).toBeUndefined();
  });

  it('finds the date whatever whitespace and markup separate it from its label', () => {
    expect(start(`will arrive:${'\n   \n  '.repeat(40)}Friday, December 11`)).toBe('2026-12-11');
    expect(start('Arriving:\n> \n> Tuesday, December 8')).toBe('2026-12-08');
  });

  it('UPS "Scheduled Delivery: Monday, 12/07/2026": the weekday decides month/day', () => {
    expect(start('Scheduled Delivery:\n\n Monday, 12/07/2026')).toBe('2026-12-07');
    // 7 December 2026 is a Monday; read as 12 July it would be a Sunday.
    expect(start('Scheduled Delivery: Sunday, 12/07/2026')).toBe('2026-07-12');
    expect(start('Estimated Delivery Date: 12/25/2026')).toBe('2026-12-25');
    // Without a weekday and with both readings possible, no date rather than a guess.
    expect(start('Estimated Delivery Date: 12/07/2026')).toBeUndefined();
  });

  it('"arriving today", "Delivery is due", Polish dates', () => {
    expect(start('Your package is arriving today')).toBe('2026-12-06');
    expect(start('Delivery is due: Tuesday, 8 December 2026*')).toBe('2026-12-08');
    expect(start('Przewidywana data doręczenia: 2026-12-09. w godzinach: 11:00 - 16:00')).toBe('2026-12-09');
  });
});

describe('document carriers: evidence outside the scanned text', () => {
  it('reads the sender domain, the subject and carrier links behind redirectors', () => {
    expect(documentCarriers({ senderAddress: 'noreply@gls-group.eu' })).toEqual(['gls']);
    expect(documentCarriers({ subject: 'Bezpieczne doręczenie Twojej paczki - DPD Polska' })).toEqual([
      'dpd',
    ]);
    const wrapped = `https://www.google.com/url?q=${encodeURIComponent('https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890')}`;
    expect(documentCarriers({ hrefs: [wrapped, 'mailto:x@ups.com'] })).toEqual(['dhl']);
  });

  it('names no carrier for shops, Amazon, or words that merely contain an alias', () => {
    expect(documentCarriers({ senderAddress: 'shipment-tracking@amazon.com' })).toEqual([]);
    expect(carriersNamedIn('Upstairs furniture sale')).toEqual([]);
    expect(
      documentCarriers({ senderAddress: 'orders@shop.example', hrefs: ['javascript:alert(1)'] }),
    ).toEqual([]);
  });
});

describe('forwarded mails', () => {
  it('finds the original sender of a forward', () => {
    const body =
      'Begin forwarded message:\n\nFrom: "Amazon.com" <auto-confirm@amazon.com>\nSubject: Your order';
    expect(forwardedSenderDomain('Fwd: Your Amazon.com order', body)).toBe('amazon.com');
    expect(
      forwardedSenderDomain(
        'Fw: order',
        '---------- Forwarded message ---------\nVon: Amazon.de <versandbestaetigung@amazon.de>',
      ),
    ).toBe('amazon.de');
    expect(forwardedSenderDomain('Your order', 'From: a friend <me@example.com>')).toBeUndefined();
  });
});
