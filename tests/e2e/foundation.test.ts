import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datePage } from '../../scripts/demo-server.mjs';
import { type Harness, startHarness } from './harness';

/** The page updates asynchronously (live queries, messages): assertions retry until it settles. */
const POLL = { timeout: 15_000, interval: 50 };

describe('extension in Chromium: a Gmail message with a UPS and a USPS number', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('stores both packages, lists them in the popup and counts the one out for delivery on the badge', async () => {
    // The UPS mail says "out for delivery", a same-day status: serve it as received today, just after midnight.
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
    const page = readFileSync(new URL('../fixtures/pages/gmail/ups-usps.html', import.meta.url), 'utf8');
    await harness.context.route('https://mail.google.com/mail/u/0/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: datePage(page.replace('title="{{day:0:gmail}}, 7:02 AM"', `title="${received}"`)),
      }),
    );
    await harness.openDemoPage('https://mail.google.com/mail/u/0/');

    const stored = await harness.storedPackages();
    const byNumber = Object.fromEntries(stored.map((p) => [p.number, p]));
    expect(Object.keys(byNumber).sort()).toEqual(['1Z999AA10123456784', '9400111206206406260787']);
    expect(byNumber['1Z999AA10123456784']).toMatchObject({ carrier: 'ups', status: 'out_for_delivery' });
    expect(byNumber['9400111206206406260787']).toMatchObject({ carrier: 'usps', status: 'in_transit' });
    expect(byNumber['1Z999AA10123456784']?.sources[0]).toMatchObject({
      kind: 'webmail',
      url: 'https://mail.google.com/mail/u/0/',
    });

    expect(await harness.badgeText()).toBe('1');

    const popup = await harness.openPopup();
    await popup.waitForSelector('li.package[data-number="9400111206206406260787"]');
    const outForDelivery = popup.locator('section', {
      has: popup.locator('h2', { hasText: 'Out for delivery' }),
    });
    await expect
      .poll(() => outForDelivery.locator('li.package').getAttribute('data-number'), POLL)
      .toBe('1Z999AA10123456784');
    mkdirSync('artifacts', { recursive: true });
    await popup.screenshot({ path: 'artifacts/popup-foundation.png' });
  });
});
