import { describe, expect, it } from 'vitest';
import { parseMailDate } from '@/utils/extract/mail-date';
import { gmail } from '@/utils/extract/sites/gmail';
import { extractMailMessage } from '@/utils/extract/sites/mail-message';
import { outlook } from '@/utils/extract/sites/outlook';
import type { WebmailClient } from '@/utils/extract/sites/webmail';
import { yahoo } from '@/utils/extract/sites/yahoo';
import { loadPage } from './fixtures';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
// Read on Saturday 28 November 2026: later than every message, so a missing e-mail date would show.
const NOW = Date.UTC(2026, 10, 28, 15);

function read(client: WebmailClient, file: string, url: string, timeZone: string) {
  const doc = loadPage(file);
  const messages = client.findMessages(doc, timeZone);
  return messages.map((message) => ({
    message,
    scan: extractMailMessage(message, { url, sourceKind: 'webmail', now: NOW, timeZone }),
  }));
}

describe('parseMailDate', () => {
  it.each([
    ['Fri, Nov 27, 2026, 7:02 AM', NY, Date.UTC(2026, 10, 27, 12, 2)],
    ['Fri, Nov 27, 2026 at 9:05 PM', NY, Date.UTC(2026, 10, 28, 2, 5)],
    ['Fr 27.11.2026 08:15', BERLIN, Date.UTC(2026, 10, 27, 7, 15)],
    ['Fri 11/27/2026 7:02 AM', NY, Date.UTC(2026, 10, 27, 12, 2)],
    // The meridiem counts in any case on numeric dates too (Outlook writes "PM", UPS "P.M.").
    ['Fri 11/27/2026 7:02 PM', NY, Date.UTC(2026, 10, 28, 0, 2)],
    ['11/26/2026 11:15 P.M.', NY, Date.UTC(2026, 10, 27, 4, 15)],
    // Two-digit years: Outlook's short German date, FedEx's day headers.
    ['Fr 27.11.26 08:15', BERLIN, Date.UTC(2026, 10, 27, 7, 15)],
    ['Thursday, 11/26/26 1:40 PM', NY, Date.UTC(2026, 10, 26, 18, 40)],
    ['27 Nov 2026, 14:30', BERLIN, Date.UTC(2026, 10, 27, 13, 30)],
    ['2026-11-27T07:02:00Z', NY, Date.UTC(2026, 10, 27, 7, 2)],
  ])('%s (%s)', (text, zone, expected) => {
    expect(parseMailDate(text, zone)).toBe(expected);
  });

  it.each(['7:02 AM (2 hours ago)', 'Feb 30, 2026', '', 'yesterday', '11/27/202 7:02 AM', '13/27/26'])(
    'gives nothing for %j',
    (text) => {
      expect(parseMailDate(text, NY)).toBeUndefined();
    },
  );
});

describe('Gmail', () => {
  it('reads both messages of the UPS/USPS thread with sender and date', () => {
    const [ups, usps] = read(gmail, 'gmail/ups-usps.html', 'https://mail.google.com/mail/u/0/', NY);
    expect(ups?.message).toMatchObject({
      senderName: 'UPS',
      senderAddress: 'pkginfo@ups.com',
      subject: 'Your orders have shipped',
      date: Date.UTC(2026, 10, 27, 12, 2),
    });
    expect(ups?.scan.shipping).toBe(true);
    expect(ups?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: '1Z999AA10123456784',
        carrier: 'ups',
        status: 'out_for_delivery',
        statusAt: Date.UTC(2026, 10, 27, 12, 2),
        eta: { start: '2026-11-27', timeZone: NY },
        trackUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784',
        source: { kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: NOW },
      }),
    ]);
    // The carrier sent it: its name is not the merchant.
    expect(ups?.scan.found[0]?.detection.merchant).toBeUndefined();
    expect(usps?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({ number: '9400111206206406260787', carrier: 'usps', status: 'in_transit' }),
    ]);
  });

  it('reads an Amazon shipping e-mail as a shipment: order, shipment id, item, promised day, unwrapped link', () => {
    const [amazon] = read(gmail, 'gmail/amazon-shipped.html', 'https://mail.google.com/mail/u/1/', NY);
    expect(amazon?.scan.found).toHaveLength(1);
    const found = amazon?.scan.found[0];
    expect(found?.detection).toEqual({
      orderId: '113-5838173-8241820',
      shipmentId: 'DxdffwBQ0',
      merchant: 'Amazon',
      itemTitles: ['Merino Wool Hiking Socks, 3 Pairs'],
      status: 'in_transit',
      statusText: 'Shipped',
      statusAt: Date.UTC(2026, 10, 27, 12, 2),
      eta: { start: '2026-12-01', timeZone: NY },
      trackUrl:
        'https://www.amazon.com/gp/your-account/ship-track?ie=UTF8&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0&ref_=pe_3092360_549113720_TE_typ',
      source: { kind: 'webmail', url: 'https://mail.google.com/mail/u/1/', seenAt: NOW },
    });
    expect(found?.anchor?.textContent).toBe('Track package');
  });

  it('reads the FedEx and Etsy mails of the single-page inbox once opened', () => {
    const doc = loadPage('gmail/spa-inbox.html');
    // Closed conversations are templates: nothing to read before the user opens one.
    expect(gmail.findMessages(doc, NY)).toEqual([]);
    const main = doc.getElementById('main');
    const template = doc.getElementById('thread-etsy') as HTMLTemplateElement;
    const opened = template.content.cloneNode(true) as DocumentFragment;
    main?.replaceChildren(...opened.childNodes);
    const [etsy] = gmail.findMessages(doc, NY);
    expect(etsy).toBeDefined();
    const scan =
      etsy &&
      extractMailMessage(etsy, {
        url: 'https://mail.google.com/mail/u/2/',
        sourceKind: 'webmail',
        now: NOW,
        timeZone: NY,
      });
    expect(scan?.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: '9101123456789000000013',
        carrier: 'usps',
        merchant: 'Etsy',
        orderId: '3049981274',
        status: 'in_transit',
        eta: { start: '2026-12-01', end: '2026-12-03', timeZone: NY },
      }),
    ]);
  });
});

describe('Outlook', () => {
  it('reads an Amazon.de e-mail behind Safe Links, in German', () => {
    const [message] = read(
      outlook,
      'outlook/amazon-de.html',
      'https://outlook.live.com/mail/0/inbox/id/AAQk',
      BERLIN,
    );
    expect(message?.message).toMatchObject({
      senderName: 'Amazon.de',
      senderAddress: 'versandbestaetigung@amazon.de',
      date: Date.UTC(2026, 10, 27, 7, 15),
    });
    expect(message?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        orderId: '302-4417781-6650713',
        shipmentId: 'Q7c9mVzTr',
        itemTitles: ['Bosch Professional Akkuschrauber GSR 12V-15'],
        status: 'in_transit',
        eta: { start: '2026-12-01', timeZone: BERLIN },
        trackUrl:
          'https://www.amazon.de/progress-tracker/package?_encoding=UTF8&orderId=302-4417781-6650713&packageIndex=0&shipmentId=Q7c9mVzTr',
      }),
    ]);
  });

  it('reads a German DHL mail (window "morgen zwischen 10 und 14 Uhr") and an Italian shop mail', () => {
    const [dhl, italian] = read(
      outlook,
      'outlook/dhl-it.html',
      'https://outlook.office.com/mail/inbox/id/AAQk',
      BERLIN,
    );
    expect(dhl?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: 'JJD0099999999',
        carrier: 'dhl',
        eta: { start: '2026-11-27', by: '14:00', timeZone: BERLIN },
        trackUrl:
          'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=JJD0099999999',
      }),
    ]);
    expect(italian?.message.senderName).toBe('CasaVerde Shop');
    expect(italian?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: 'GM2951173225174494',
        carrier: 'dhl',
        merchant: 'CasaVerde Shop',
        orderId: 'CV-88213',
        status: 'in_transit',
        eta: { start: '2026-12-02', timeZone: BERLIN },
      }),
    ]);
  });
});

describe('Yahoo Mail', () => {
  it('reads an eBay mail in French and a shop mail in Spanish', () => {
    const [ebay, spanish] = read(
      yahoo,
      'yahoo/ebay-fr-es.html',
      'https://mail.yahoo.com/d/folders/1',
      BERLIN,
    );
    expect(ebay?.message).toMatchObject({
      senderName: 'eBay',
      senderAddress: 'ebay@ebay.fr',
      subject: 'Votre objet a été expédié',
    });
    expect(ebay?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: 'RB123456785FR',
        merchant: 'eBay',
        status: 'in_transit',
        eta: { start: '2026-12-01', end: '2026-12-03', timeZone: BERLIN },
        trackUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=RB123456785FR',
      }),
    ]);
    expect(spanish?.scan.found.map((f) => f.detection)).toEqual([
      expect.objectContaining({
        number: '1Z879E930346834440',
        carrier: 'ups',
        merchant: 'Tienda Sol',
        status: 'in_transit',
        eta: { start: '2026-11-30', timeZone: BERLIN },
      }),
    ]);
  });
});

describe('mail privacy and hostile input', () => {
  it('never carries body text beyond bounded facts', () => {
    const results = read(gmail, 'gmail/amazon-shipped.html', 'https://mail.google.com/mail/u/1/', NY);
    const json = JSON.stringify(results.map((r) => r.scan.found.map((f) => f.detection)));
    expect(json).not.toContain('notification-only');
    expect(json).not.toContain('Hi Sam');
  });

  it('ignores javascript: links and a compose box', () => {
    const doc = loadPage('gmail/ups-usps.html');
    const body = doc.querySelector('.a3s');
    body?.insertAdjacentHTML(
      'beforeend',
      '<a href="javascript:alert(1)//tracknum=1Z879E930346834440">x</a><div contenteditable="true">1Z5R89390357567127</div>',
    );
    const [first] = gmail.findMessages(doc, NY);
    const scan =
      first &&
      extractMailMessage(first, {
        url: 'https://mail.google.com/mail/u/0/',
        sourceKind: 'webmail',
        now: NOW,
        timeZone: NY,
      });
    expect(scan?.found.map((f) => f.detection.number)).toEqual(['1Z999AA10123456784']);
  });
});
