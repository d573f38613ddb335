import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageRecord } from '../../utils/store/types';
import { byNumber, byOrder, type Harness, startHarness } from './harness';

/**
 * Real e-mails nobody on the project wrote (tests/fixtures/realworld/mail, MIT, see its README), each opened in a
 * Gmail-like page under a mail.google.com address in real Chromium with the production build: the webmail content
 * script reads them, the background stores them. At the end the store holds exactly the parcels of these mails.
 */

const MAIL = new URL('../fixtures/realworld/mail/', import.meta.url);
const MAILS = [
  'usps_out_for_delivery',
  'new_informed_delivery',
  'gls_delivered',
  'dpd_com_pl_delivering',
  'royal_mail_uk_delivered',
  'amazon_uk_shipped',
  'amazon_hub_notice',
];

describe('extension in Chromium: real shipping e-mails, end to end', () => {
  let harness: Harness;
  let stored: PackageRecord[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    for (const id of MAILS) {
      const page = await harness.context.newPage();
      const url = `https://mail.google.com/mail/u/0/?realworld=${id}`;
      // A page route runs before the context's demo routes: this address serves the fixture itself.
      await page.route(url, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: readFileSync(new URL(`${id}.html`, MAIL), 'utf8'),
        }),
      );
      await page.goto(url);
      await page.waitForSelector('html[data-doorstep-scanned]', { state: 'attached', timeout: 15_000 });
      // The page's count of packages read: a mail with nothing to track reads none.
      const read = Number(await page.locator('html').getAttribute('data-doorstep-scanned'));
      expect(read, id).toBe(id === 'amazon_hub_notice' ? 0 : id === 'new_informed_delivery' ? 2 : 1);
      await page.close();
    }
    stored = await harness.waitForPackages((p) => p.length >= 7, 15_000);
  }, 120_000);

  afterAll(async () => {
    await harness?.dispose();
  });

  it('USPS: out for delivery from the headline; an Informed Delivery digest keeps each card’s own promise', () => {
    expect(byNumber(stored, '92748931508577307776690000')).toMatchObject({
      carrier: 'usps',
      status: 'out_for_delivery',
    });
    expect(byNumber(stored, '9214490276543059184146')).toMatchObject({
      carrier: 'usps',
      status: 'in_transit',
      eta: { start: '2022-10-31' },
    });
    expect(byNumber(stored, '9212490276543059243005')).toMatchObject({
      status: 'in_transit',
      eta: { start: '2022-11-02' },
    });
  });

  it('GLS and DPD Polska: the carrier from the sender and subject, delivered and out for delivery', () => {
    expect(byNumber(stored, '90346692444')).toMatchObject({ carrier: 'gls', status: 'delivered' });
    expect(byNumber(stored, '1000399528451U')).toMatchObject({ carrier: 'dpd', status: 'out_for_delivery' });
  });

  it('Royal Mail delivered, and Amazon UK: the QA number with its order, one package', () => {
    expect(byNumber(stored, 'MA038506556GB')).toMatchObject({ carrier: 'royal_mail', status: 'delivered' });
    expect(byOrder(stored, '202-5744269-7075523')).toEqual([
      expect.objectContaining({
        number: 'QA0881872248',
        carrier: 'amazon',
        status: 'in_transit',
        eta: expect.objectContaining({ start: '2020-12-12' }),
      }),
    ]);
  });

  it('stores nothing else: no pickup code, phone number or placeholder order (the Hub notice adds nothing)', () => {
    expect(stored.map((p) => p.number ?? p.orderId).sort()).toEqual(
      [
        '92748931508577307776690000',
        '9214490276543059184146',
        '9212490276543059243005',
        '90346692444',
        '1000399528451U',
        'MA038506556GB',
        'QA0881872248',
      ].sort(),
    );
  });
});
