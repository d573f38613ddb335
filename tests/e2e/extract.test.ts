import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDay } from '../../scripts/demo-server.mjs';
import { byNumber, byOrder, type Harness, startHarness } from './harness';

describe('extension in Chromium: detection while reading', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('ask mode shows keyboard-reachable "Track" chips and adds nothing until one is pressed; a mode change applies live', async () => {
    await harness.setSettings({ siteModes: { 'outlook.office.com': 'ask' } });
    const page = await harness.openDemoPage('https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA');
    const chips = page.locator('doorstep-chip');
    await expect.poll(() => chips.count()).toBe(2);
    expect(await chips.evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-state')))).toEqual([
      'ask',
      'ask',
    ]);
    expect(byNumber(await harness.storedPackages(), 'JJD0099999999')).toBeUndefined();

    // Keyboard: the chip is a real button in the tab order.
    await chips.first().focus();
    await page.keyboard.press('Enter');
    const stored = await harness.waitForPackages((p) => Boolean(byNumber(p, 'JJD0099999999')));
    expect(byNumber(stored, 'JJD0099999999')).toMatchObject({ carrier: 'dhl' });
    await expect.poll(() => chips.first().getAttribute('data-state')).toBe('tracked');
    expect(byNumber(stored, 'GM2951173225174494')).toBeUndefined();

    // The page's own layout is untouched: the chip's host is an inline box that ignores page CSS.
    await page.addStyleTag({ content: 'doorstep-chip { display: block !important; width: 900px; }' });
    expect(await chips.first().evaluate((h) => getComputedStyle(h).display)).toBe('inline-block');

    await harness.setSettings({ siteModes: { 'outlook.office.com': 'off' } });
    await expect.poll(() => chips.count()).toBe(0);
    await harness.setSettings(undefined);
    await page.close();
  });

  it('Gmail: an Amazon shipping e-mail becomes a package with order, shipment, item and promised day', async () => {
    const page = await harness.openDemoPage('https://mail.google.com/mail/u/1/');
    const stored = await harness.waitForPackages((p) => byOrder(p, '113-5838173-8241820').length > 0);
    expect(byOrder(stored, '113-5838173-8241820')[0]).toMatchObject({
      shipmentId: 'DxdffwBQ0',
      merchant: 'Amazon',
      itemTitles: ['Merino Wool Hiking Socks, 3 Pairs'],
      status: 'in_transit',
      eta: { start: demoDay(4) },
      sources: [expect.objectContaining({ kind: 'webmail', url: 'https://mail.google.com/mail/u/1/' })],
    });
    await expect.poll(() => page.locator('doorstep-chip[data-state="tracked"]').count()).toBe(1);
    await page.close();
  });

  it('Gmail as a single-page app: a conversation opened after load is read, in batches, without rereading the page', async () => {
    const page = await harness.openDemoPage('https://mail.google.com/mail/u/2/');
    const scans = async () => Number(await page.locator('html').getAttribute('data-doorstep-scans'));
    const before = await scans();
    await page.click('tr[data-thread="fedex"]');
    const stored = await harness.waitForPackages((p) => Boolean(byNumber(p, '986578788855')));
    expect(byNumber(stored, '986578788855')).toMatchObject({
      carrier: 'fedex',
      merchant: undefined,
      eta: { start: demoDay(3) },
    });

    // Content streams into the open message as 60 separate mutations: a few batched reads of that message only.
    const afterOpen = await scans();
    await page.evaluate(async () => {
      const body = document.querySelector('.a3s');
      for (let i = 0; i < 60; i++) {
        const line = document.createElement('p');
        line.textContent = `Delivery note ${i}: leave at the side door.`;
        body?.append(line);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    await expect.poll(scans, { timeout: 10_000 }).toBeGreaterThan(afterOpen);
    await new Promise((r) => setTimeout(r, 1200));
    const batches = (await scans()) - afterOpen;
    expect(batches).toBeGreaterThanOrEqual(1);
    // Batched: far fewer reads than the 60 mutations (a few more than the usual 1–4 are allowed on a loaded CI machine).
    expect(batches).toBeLessThanOrEqual(10);
    const lastChars = Number(await page.locator('html').getAttribute('data-doorstep-last-scan-chars'));
    const pageChars = await page.evaluate(() => document.body.textContent?.length ?? 0);
    expect(lastChars).toBeLessThan(pageChars);
    expect(before).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('Outlook (Safe Links, German) and Yahoo Mail (French, Spanish) e-mails', async () => {
    const outlook = await harness.openDemoPage(
      'https://outlook.live.com/mail/0/inbox/id/AAQkADAwATM0MDAAMS1hZmQ2',
    );
    const yahoo = await harness.openDemoPage('https://mail.yahoo.com/d/folders/1/messages/AKcFgQ2');
    const stored = await harness.waitForPackages(
      (p) => byOrder(p, '302-4417781-6650713').length > 0 && Boolean(byNumber(p, '1Z879E930346834440')),
    );
    expect(byOrder(stored, '302-4417781-6650713')[0]).toMatchObject({
      shipmentId: 'Q7c9mVzTr',
      eta: { start: demoDay(4) },
    });
    expect(byNumber(stored, 'RB123456785FR')).toMatchObject({
      merchant: 'eBay',
      eta: { start: demoDay(4), end: demoDay(6) },
    });
    expect(byNumber(stored, '1Z879E930346834440')).toMatchObject({ carrier: 'ups', merchant: 'Tienda Sol' });
    await outlook.close();
    await yahoo.close();
  });

  it('Amazon order history, the track page and a UPS tracking page', async () => {
    await harness.openDemoPage('https://www.amazon.com/gp/css/order-history?ref_=nav_orders_first');
    await harness.openDemoPage(
      'https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?_encoding=UTF8&itemId=jnlmpsllqpqwsn&orderId=113-5838173-8241820&packageIndex=0&shipmentId=DxdffwBQ0',
    );
    await harness.openDemoPage('https://www.amazon.de/gp/css/order-history?ref_=nav_orders_first');
    await harness.openDemoPage(
      'https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127&requester=ST/trackdetails',
    );
    const stored = await harness.waitForPackages(
      (p) =>
        Boolean(byNumber(p, '1Z5R89390357567127')) &&
        byOrder(p, '112-9087123-4471602').length > 0 &&
        byOrder(p, '028-1190345-7735502').length > 0,
    );
    expect(byOrder(stored, '112-9087123-4471602')[0]).toMatchObject({ status: 'delivered' });
    expect(byOrder(stored, '028-1190345-7735502')[0]).toMatchObject({ status: 'delivered' });
    const tracked = byNumber(stored, 'TBA010000000000');
    expect(tracked).toMatchObject({
      carrier: 'amazon',
      status: 'out_for_delivery',
      orderId: '113-5838173-8241820',
    });
    expect(tracked?.events.length).toBe(3);
    expect(byNumber(stored, '1Z5R89390357567127')).toMatchObject({
      carrier: 'ups',
      status: 'out_for_delivery',
    });
    // The "Shipment Progress" table becomes the package's history.
    expect(byNumber(stored, '1Z5R89390357567127')?.events.map((e) => e.description)).toEqual([
      'Out For Delivery Today',
      'Arrived at Facility',
    ]);
  });
});
