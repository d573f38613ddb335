import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byNumber, byOrder, type Harness, startHarness } from './harness';

/**
 * "Tracked ✓" for packages stored before the page was opened (on another page, or typed in the popup): in "ask" mode
 * their chips say so from their very first render, while the others offer "Track" and nothing is added unasked.
 */

declare global {
  interface Window {
    /** Each chip's state at the moment it entered the page, recorded by the page itself (init script). */
    __chipsAtInsert?: { state: string | null; near: string }[];
  }
}

describe('extension in Chromium: "Tracked ✓" for packages tracked earlier', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    // Runs in every page before its scripts: logs each chip host as it is inserted, with the state it came with.
    await harness.context.addInitScript(() => {
      window.__chipsAtInsert = [];
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element && node.localName === 'doorstep-chip') {
              const near = node.previousSibling?.textContent || node.parentElement?.textContent || '';
              window.__chipsAtInsert?.push({ state: node.getAttribute('data-state'), near: near.trim() });
            }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('a number added in the popup and an order read from an e-mail are "Tracked ✓" on first render elsewhere', async () => {
    // An Amazon order arrives through an e-mail (automatic in shipping mail) …
    const mail = await harness.openDemoPage('https://mail.google.com/mail/u/1/');
    await harness.waitForPackages((p) => byOrder(p, '113-5838173-8241820').length > 0);
    await mail.close();
    // … and a DHL number is typed into the popup.
    const popup = await harness.openPopup();
    const added = await popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }
      ).chrome.runtime.sendMessage({ type: 'add-numbers', input: 'JJD0099999999' }),
    );
    expect(added.ok).toBe(true);
    await popup.close();

    await harness.setSettings({ siteModes: { 'outlook.office.com': 'ask', 'www.amazon.com': 'ask' } });
    const before = await harness.storedPackages();

    const outlook = await harness.openDemoPage('https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA');
    const outlookChips = await outlook.evaluate(() => window.__chipsAtInsert ?? []);
    expect(outlookChips).toEqual([
      { state: 'tracked', near: 'JJD0099999999' },
      { state: 'ask', near: expect.stringContaining('GM2951173225174494') },
    ]);
    expect(await outlook.locator('doorstep-chip').evaluateAll((c) => c.map((h) => h.dataset.state))).toEqual([
      'tracked',
      'ask',
    ]);

    const orders = await harness.openDemoPage(
      'https://www.amazon.com/gp/css/order-history?ref_=nav_orders_first',
    );
    const orderChips = await orders.evaluate(() => (window.__chipsAtInsert ?? []).map((c) => c.state));
    // The order from the e-mail (same shipment) is tracked; the other order on the page is only offered.
    expect(orderChips).toEqual(['tracked', 'ask']);

    // Asking changed nothing: no package was added or touched by opening these pages.
    await new Promise((r) => setTimeout(r, 500));
    const after = await harness.storedPackages();
    expect(after).toEqual(before);
    expect(byNumber(after, 'GM2951173225174494')).toBeUndefined();
    expect(byOrder(after, '112-9087123-4471602')).toEqual([]);

    // Deleting the package elsewhere: a page opened afterwards offers "Track" again.
    const dhl = byNumber(after, 'JJD0099999999');
    const remover = await harness.openPopup();
    await remover.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'delete', id }),
      dhl?.id ?? '',
    );
    await remover.close();
    await outlook.reload();
    await outlook.waitForSelector('html[data-doorstep-scanned]', { state: 'attached' });
    await expect.poll(() => outlook.locator('doorstep-chip').count()).toBe(2);
    expect(await outlook.evaluate(() => (window.__chipsAtInsert ?? []).map((c) => c.state))).toEqual([
      'ask',
      'ask',
    ]);
    await harness.setSettings(undefined);
  });
});
