import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDay } from '../../scripts/demo-server.mjs';
import type { PackageRecord } from '../../utils/store/types';
import { type Harness, startHarness } from './harness';

const COM_URL =
  'https://www.amazon.com/your-orders/order-details?orderID=113-2047766-5561938&ref=ppx_yo2ov_dt_b_fed_order_details';
const DE_URL =
  'https://www.amazon.de/gp/your-account/order-details?ie=UTF8&orderID=304-8825146-2209917&ref_=ppx_yo_dt_b_order_details_o00';

const ofOrder = (packages: PackageRecord[], orderId: string) =>
  packages
    .filter((p) => p.orderId === orderId)
    .sort((a, b) => (a.shipmentId ?? '').localeCompare(b.shipmentId ?? ''));

describe('extension in Chromium: Amazon order details pages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('amazon.com: the two shipments of one order become two packages, each with its own items, status and link', async () => {
    const page = await harness.openDemoPage(COM_URL);
    expect(page.url()).toBe(COM_URL);
    await expect
      .poll(async () => ofOrder(await harness.storedPackages(), '113-2047766-5561938').length)
      .toBe(2);
    const [arriving, delivered] = ofOrder(await harness.storedPackages(), '113-2047766-5561938');
    expect(delivered).toMatchObject({
      shipmentId: 'Hx7pQ2mLd',
      merchant: 'Amazon',
      itemTitles: ['Lodge Cast Iron Skillet, 12 Inch, Pre-Seasoned'],
      status: 'delivered',
      trackUrl: expect.stringContaining('shipmentId=Hx7pQ2mLd'),
    });
    expect(arriving).toMatchObject({
      shipmentId: 'Bv3nK9tWq',
      itemTitles: [
        'Rechargeable LED Headlamp, 1200 Lumen, Waterproof',
        'AA Rechargeable Batteries, 2800mAh (8-Pack)',
      ],
      trackUrl: expect.stringContaining('shipmentId=Bv3nK9tWq'),
    });
    expect(arriving?.status).not.toBe('delivered');
    // "Arriving <weekday>": the demo page names the weekday six days from today, read in the browser's zone.
    expect(arriving?.eta?.start).toBe(demoDay(6));
    // Each shipment carries a chip next to its own "Track package" button.
    await expect.poll(() => page.locator('doorstep-chip').count()).toBe(2);
    await page.close();
  });

  it('amazon.de: the German page adds its one shipment; reloading the amazon.com page adds no duplicate', async () => {
    const page = await harness.openDemoPage(DE_URL);
    await expect
      .poll(async () => ofOrder(await harness.storedPackages(), '304-8825146-2209917').length)
      .toBe(1);
    const [shipment] = ofOrder(await harness.storedPackages(), '304-8825146-2209917');
    expect(shipment).toMatchObject({
      shipmentId: 'Wm4rT8zQk',
      merchant: 'Amazon',
      itemTitles: ['Edelstahl Thermoskanne 1 Liter, doppelwandig, auslaufsicher'],
      trackUrl: expect.stringContaining('/gp/your-account/ship-track?'),
    });
    // "Zustellung voraussichtlich <day>. <Monat>": the demo page names the day five days from today.
    expect(shipment?.eta?.start).toBe(demoDay(5));
    await page.close();

    const again = await harness.openDemoPage(COM_URL);
    await again.reload();
    await again.waitForSelector('html[data-doorstep-scanned]', { state: 'attached' });
    const stored = await harness.storedPackages();
    expect(ofOrder(stored, '113-2047766-5561938')).toHaveLength(2);
    expect(ofOrder(stored, '304-8825146-2209917')).toHaveLength(1);
    await again.close();
  });
});
