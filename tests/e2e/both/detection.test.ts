import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datePage, demoDay } from '../../../scripts/demo-server.mjs';
import type { PackageRecord } from '../../../utils/store/types';
import { BROWSERS, type BrowserHarness, byNumber, startBrowser } from '../harness/index';

const POLL = { timeout: 15_000, interval: 100 };
const byOrder = (packages: PackageRecord[], orderId: string) => packages.filter((p) => p.orderId === orderId);

/** The Gmail fixture, received today just after midnight: its "out for delivery" is a same-day status. */
function gmailReceivedToday(): string {
  const today = new Date();
  today.setHours(0, 1, 0, 0);
  const received = today.toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return datePage(
    readFileSync(new URL('../../fixtures/pages/gmail/ups-usps.html', import.meta.url), 'utf8').replace(
      'title="{{day:0:gmail}}, 7:02 AM"',
      `title="${received}"`,
    ),
  );
}

/** Detection on webmail and Amazon pages, then the popup and the badge: the production build, in each browser. */
describe.each(BROWSERS)('detection, popup and badge in %s', (browserName) => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser(browserName);
    harness.route(async (request) =>
      request.url === 'https://mail.google.com/mail/u/0/'
        ? { status: 200, contentType: 'text/html; charset=utf-8', body: gmailReceivedToday() }
        : undefined,
    );
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('Gmail: stores the UPS and USPS numbers with their carrier, status and source', async () => {
    const page = await harness.openPage('https://mail.google.com/mail/u/0/');
    const stored = await harness.waitForPackages((p) =>
      Boolean(byNumber(p, '1Z999AA10123456784') && byNumber(p, '9400111206206406260787')),
    );
    expect(byNumber(stored, '1Z999AA10123456784')).toMatchObject({
      carrier: 'ups',
      status: 'out_for_delivery',
    });
    expect(byNumber(stored, '9400111206206406260787')).toMatchObject({
      carrier: 'usps',
      status: 'in_transit',
    });
    expect(byNumber(stored, '1Z999AA10123456784')?.sources[0]).toMatchObject({
      kind: 'webmail',
      url: 'https://mail.google.com/mail/u/0/',
    });
    await page.close();
  });

  it('Outlook: an Amazon.de shipment behind Safe Links', async () => {
    const page = await harness.openPage('https://outlook.live.com/mail/0/inbox/id/AAQkADAwATM0MDAAMS1hZmQ2');
    const stored = await harness.waitForPackages((p) => byOrder(p, '302-4417781-6650713').length > 0);
    expect(byOrder(stored, '302-4417781-6650713')[0]).toMatchObject({
      shipmentId: 'Q7c9mVzTr',
      eta: { start: demoDay(4) },
    });
    await page.close();
  });

  it('Amazon: order history and the track page', async () => {
    const history = await harness.openPage(
      'https://www.amazon.com/gp/css/order-history?ref_=nav_orders_first',
    );
    const track = await harness.openPage(
      'https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?_encoding=UTF8&itemId=jnlmpsllqpqwsn&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0',
    );
    const stored = await harness.waitForPackages(
      (p) => byOrder(p, '112-9087123-4471602').length > 0 && Boolean(byNumber(p, 'TBA010000000000')),
    );
    expect(byOrder(stored, '112-9087123-4471602')[0]).toMatchObject({ status: 'delivered' });
    const tracked = byNumber(stored, 'TBA010000000000');
    expect(tracked).toMatchObject({
      carrier: 'amazon',
      status: 'out_for_delivery',
      orderId: '113-5838173-8241820',
    });
    expect(tracked?.events.length).toBe(3);
    await history.close();
    await track.close();
  });

  it('lists the packages in the popup and counts those out for delivery today on the badge', async () => {
    // Out for delivery today: the UPS mail, received today, and the Amazon track page (its demo page is dated today).
    await expect.poll(() => harness.badgeText(), POLL).toBe('2');
    const popup = await harness.openPopup();
    await expect
      .poll(() => popup.text('li.package[data-number="9400111206206406260787"]'), POLL)
      .toContain('9400111206206406260787');
    const outForDelivery = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('section')]
          .filter((s) => s.querySelector('h2')?.textContent?.includes('Out for delivery'))
          .flatMap((s) => [...s.querySelectorAll('li.package')].map((li) => li.getAttribute('data-number')))
          .sort(),
      );
    await expect.poll(outForDelivery, POLL).toContain('1Z999AA10123456784');
    expect(await outForDelivery()).toContain('TBA010000000000');
    expect(await outForDelivery()).not.toContain('9400111206206406260787');
    mkdirSync('artifacts', { recursive: true });
    await popup.screenshot(`artifacts/popup-${browserName}.png`);
    await popup.close();
  });
});
