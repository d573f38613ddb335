import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

/**
 * What the user sees must be true: carrier pages dated relative to today (tests/fixtures/pages/truth, dated by the
 * demo server) are read by the real extension, and the toolbar badge (text, colour, tooltip) must say what the
 * popup's sections say, for one package in each state.
 */

const POLL = { timeout: 15_000, interval: 100 };
const PAGES = {
  today: '986578788800',
  outForDelivery: '986578788811',
  late: '1Z999AA10123456784',
  stale: '986578788833',
  exception: '986578788844',
  returned: '986578788866',
  delivered: '986578788877',
};

interface BadgeSeen {
  text: string;
  color: number[];
  title: string;
}

describe('extension in Chromium: badge and popup agree on demo pages dated today', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('counts out for delivery and arriving today, turns red for late, stale and exception, not for done ones', async () => {
    for (const number of Object.values(PAGES)) {
      // The late one is an e-mail: a page read now cannot state an estimate in the past, an older mail can.
      const url =
        number === PAGES.late
          ? 'https://mail.google.com/mail/u/5/'
          : `https://www.fedex.com/fedextrack/?trknbr=${number}`;
      const page = await harness.openDemoPage(url);
      await page.close();
    }
    const numbers = Object.values(PAGES);
    const stored = await harness.waitForPackages(
      (packages) =>
        numbers.every((n) => packages.some((p) => p.number === n && (p.events.length > 0 || p.eta))),
      15_000,
    );
    expect(
      numbers.map((n) => stored.find((p) => p.number === n)?.status),
      'statuses read from the pages',
    ).toEqual([
      'in_transit',
      'out_for_delivery',
      'in_transit',
      'in_transit',
      'exception',
      'returned',
      'delivered',
    ]);

    const popup = await harness.openPopup();
    await expect.poll(() => popup.locator('li.package').count(), POLL).toBe(numbers.length);
    const inSection = (id: string) =>
      popup
        .locator(`section.section-${id} li.package`)
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.number ?? ''));
    expect(await inSection('out_for_delivery')).toEqual([PAGES.outForDelivery]);
    expect(await inSection('today')).toEqual([PAGES.today]);
    const problems = await inSection('problems');
    expect([...problems].sort()).toEqual([PAGES.late, PAGES.stale, PAGES.exception].sort());
    expect([...(await inSection('delivered'))].sort()).toEqual([PAGES.returned, PAGES.delivered].sort());
    const reasons = await popup
      .locator('section.section-problems li.package .row-status strong')
      .allTextContents();
    // The stale one's last event was late in the evening nine days ago: 8 or 9 whole days, by the hour of the run.
    expect(reasons.map((r) => r.replace(/for [89] days/, 'for N days')).sort()).toEqual(
      ['Late: past its estimate', 'No update for N days', 'Problem reported by the carrier'].sort(),
    );

    const badge = await harness.serviceWorker.evaluate(async (): Promise<BadgeSeen> => {
      const action = (
        globalThis as unknown as {
          chrome: {
            action: {
              getBadgeText(d: object): Promise<string>;
              getBadgeBackgroundColor(d: object): Promise<number[]>;
              getTitle(d: object): Promise<string>;
            };
          };
        }
      ).chrome.action;
      return {
        text: await action.getBadgeText({}),
        color: await action.getBadgeBackgroundColor({}),
        title: await action.getTitle({}),
      };
    });
    // Two for today (the popup's Out for delivery + Arriving today), red (#cf222e) for the three problems.
    expect(badge.text).toBe('2');
    expect(badge.color.slice(0, 3)).toEqual([0xcf, 0x22, 0x2e]);
    const problemRows = await popup
      .locator('section.section-problems li.package')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            `• ${(row as HTMLElement).dataset.number}: ${row.querySelector('.row-status strong')?.textContent}`,
        ),
      );
    expect(badge.title.split('\n')).toEqual([
      'Doorstep: 2 arriving today',
      `• ${PAGES.outForDelivery}`,
      `• ${PAGES.today}`,
      '3 with a problem',
      ...problemRows,
    ]);
    await popup.close();
  });
});
