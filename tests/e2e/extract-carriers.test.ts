import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDay } from '../../scripts/demo-server.mjs';
import type { PackageRecord } from '../../utils/store/types';
import { type Harness, startHarness } from './harness';

/** Carrier tracking pages under their real URLs: the status headline and the event list become the package's. */

async function waitForPackage(harness: Harness, number: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await harness.storedPackages()).find((p) => p.number === number);
    if (found?.events.length || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const eventLine = (e: PackageRecord['events'][number]) => [e.status, e.description, e.location];

describe('extension in Chromium: carrier tracking pages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('USPS: delivered, with the whole tracking history', async () => {
    const page = await harness.openDemoPage(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787',
    );
    const stored = await waitForPackage(harness, '9400111206206406260787');
    expect(stored).toMatchObject({
      carrier: 'usps',
      status: 'delivered',
      statusText: 'Delivered',
      trackUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787',
      sources: [
        expect.objectContaining({ kind: 'carrier', url: 'https://tools.usps.com/go/TrackConfirmAction' }),
      ],
    });
    expect(stored?.events.map(eventLine)).toEqual([
      ['delivered', 'Delivered, In/At Mailbox', 'BROOKLYN, NY 11215'],
      ['out_for_delivery', 'Out for Delivery', 'BROOKLYN, NY 11215'],
      ['in_transit', 'Arrived at Post Office', 'BROOKLYN, NY 11215'],
      ['in_transit', 'In Transit to Next Facility', undefined],
      ['in_transit', 'USPS in possession of item', 'SEATTLE, WA 98108'],
      ['info_received', 'Shipping Label Created, USPS Awaiting Item', 'SEATTLE, WA 98108'],
    ]);
    // Event times are read in the browser's zone; their order and spacing do not depend on it.
    const times = stored?.events.map((e) => e.at) ?? [];
    expect((times[0] ?? 0) - (times[1] ?? 0)).toBe((13 * 60 + 47 - (6 * 60 + 10)) * 60_000);
    await expect.poll(() => page.locator('doorstep-chip[data-state="tracked"]').count()).toBe(1);
    await page.close();
  });

  it('FedEx: on the way, travel history grouped by day', async () => {
    const page = await harness.openDemoPage('https://www.fedex.com/fedextrack/?trknbr=986578788855');
    const stored = await waitForPackage(harness, '986578788855');
    expect(stored).toMatchObject({ carrier: 'fedex', status: 'in_transit', statusText: 'On the way' });
    expect(stored?.events.map(eventLine)).toEqual([
      ['in_transit', 'Departed FedEx hub', 'MEMPHIS, TN'],
      ['in_transit', 'Arrived at FedEx hub', 'MEMPHIS, TN'],
      ['in_transit', 'Left FedEx origin facility', 'HEBRON, KY'],
      ['in_transit', 'Picked up', 'HEBRON, KY'],
      ['info_received', 'Shipment information sent to FedEx', undefined],
    ]);
    const times = stored?.events.map((e) => e.at) ?? [];
    // 11:21 PM on the 26th to 4:58 AM on the 27th: the day headers carry across rows.
    expect((times[0] ?? 0) - (times[1] ?? 0)).toBe((5 * 60 + 37) * 60_000);
    await expect.poll(() => page.locator('doorstep-chip[data-state="tracked"]').count()).toBe(1);
    await page.close();
  });

  it('DHL Express: with delivery courier, expected today, checkpoints under day titles', async () => {
    const page = await harness.openDemoPage(
      'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=3318810025&submit=1',
    );
    const stored = await waitForPackage(harness, '3318810025');
    expect(stored).toMatchObject({
      carrier: 'dhl',
      status: 'out_for_delivery',
      statusText: 'With delivery courier',
      eta: { start: demoDay(0) },
    });
    expect(stored?.events.map(eventLine)).toEqual([
      ['out_for_delivery', 'With delivery courier', 'LONDON-HEATHROW - UK'],
      ['in_transit', 'Arrived at DHL Delivery Facility', 'LONDON-HEATHROW - UK'],
      ['in_transit', 'Departed Facility', 'EAST MIDLANDS - UK'],
      ['in_transit', 'Shipment picked up', 'FRANKFURT - GERMANY'],
    ]);
    await expect.poll(() => page.locator('doorstep-chip[data-state="tracked"]').count()).toBe(1);
    await page.close();
  });
});
