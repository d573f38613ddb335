import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

/** The extension API as seen inside the extension's pages and worker (the callbacks below run there). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: {
    getBadgeText(details: object): Promise<string>;
    getTitle(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<number[]>;
  };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number }[]> };
  contextMenus: { update(id: string, properties: object): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
}
declare const chrome: ExtensionApi;

// The browser runs in a zone far from UTC, so "today" on the badge is the user's local day, not UTC's.
const ZONE = 'Pacific/Kiritimati'; // UTC+14
const UPS = '1Z999AA10123456784';
const USPS = '9400111206206406260787';
const MENU_ID = 'doorstep-track-selection';

function dayIn(zone: string, offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

describe('store and background worker in Chromium', () => {
  let harness: Harness;
  let page: Page;
  const savedTz = process.env.TZ;

  beforeAll(async () => {
    process.env.TZ = ZONE; // inherited by the Chromium process
    harness = await startHarness();
    page = await harness.context.newPage();
    // An extension page: its messages come from our own extension id, like the popup's.
    await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
  });
  afterAll(async () => {
    await harness?.dispose();
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  const send = (message: unknown) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{
      ok: boolean;
      [key: string]: unknown;
    }>;
  const worker = () => harness.serviceWorker;

  it('counts packages arriving on the local day, colours problems, and lists them in the tooltip', async () => {
    const seen = { kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: Date.now() };
    const reply = await send({
      type: 'detections',
      detections: [
        { number: UPS, carrier: 'ups', eta: { start: dayIn(ZONE) }, itemTitles: ['Boots'], source: seen },
        // Tomorrow in Kiritimati can be "today" in UTC: it must not count.
        { number: USPS, carrier: 'usps', eta: { start: dayIn(ZONE, 1) }, itemTitles: ['Lamp'], source: seen },
      ],
    });
    expect(reply).toMatchObject({ ok: true, created: 2 });
    expect(await harness.badgeText()).toBe('1');
    expect(await worker().evaluate(() => chrome.action.getTitle({}))).toContain('• Boots');
    expect(await worker().evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual([
      26, 127, 55, 255,
    ]);

    await send({
      type: 'detections',
      detections: [
        {
          number: USPS,
          status: 'exception',
          statusText: 'Address problem',
          source: { ...seen, seenAt: Date.now() },
        },
      ],
    });
    expect(await worker().evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual([
      207, 34, 46, 255,
    ]);
    expect(await worker().evaluate(() => chrome.action.getTitle({}))).toContain('1 with a problem\n• Lamp');
  });

  it('keeps a midnight alarm in the local zone and an hourly one', async () => {
    const alarms = await worker().evaluate(async () => (await chrome.alarms.getAll()).map((a) => ({ ...a })));
    const midnight = alarms.find((a) => a.name === 'doorstep-midnight');
    const hourly = alarms.find((a) => a.name === 'doorstep-hourly');
    expect(hourly?.periodInMinutes).toBe(60);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(local.format(new Date(midnight?.scheduledTime ?? 0))).toBe('00:00');
    expect((midnight?.scheduledTime ?? 0) - Date.now()).toBeLessThanOrEqual(86_400_000 + 2_000);
  });

  it('survives the worker being stopped: data, badge and listeners come back', async () => {
    // A marker in worker memory: gone after a real stop, because a new worker instance starts.
    await worker().evaluate(() => Object.assign(globalThis, { doorstepTestMarker: 1 }));
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // A message wakes the worker again; its listeners were registered synchronously at start.
    const reply = await send({ type: 'ping' });
    expect(reply).toEqual({ ok: true });
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('doorstep');
          open.onsuccess = () => {
            const count = open.result.transaction('packages').objectStore('packages').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(stored).toBe(2);
    await send({ type: 'add-numbers', input: 'TBA123456789012' });
    const restarted = harness.context.serviceWorkers().at(-1);
    expect(restarted).toBeDefined();
    expect(await restarted?.evaluate(() => 'doorstepTestMarker' in globalThis)).toBe(false);
    expect(await restarted?.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('"Track with Doorstep" is registered, adds a selected number, and says when a selection is not one', async () => {
    const sw = harness.context.serviceWorkers().at(-1) ?? worker();
    // The menu item exists (updating an unknown id fails).
    await expect(sw.evaluate((id) => chrome.contextMenus.update(id, {}), MENU_ID)).resolves.toBeUndefined();

    // Native context menus cannot be clicked from a test: the worker's own onClicked handler is called instead.
    type Outcome = { kind: string; packages?: { number: string; isNew: boolean }[] };
    const click = (selectionText: string) =>
      sw.evaluate(
        ([id, text]) =>
          (
            globalThis as unknown as {
              doorstepServices: { onContextMenuClick(info: object): Promise<unknown> };
            }
          ).doorstepServices.onContextMenuClick({
            menuItemId: id,
            selectionText: text,
            pageUrl: 'https://shop.example/orders',
          }),
        [MENU_ID, selectionText] as const,
      ) as Promise<Outcome>;

    const added = await click(
      'Your FedEx tracking number: 1Z 999 AA1 0123 4567 84 and 9261290100830415453718',
    );
    expect(added.kind).toBe('added');
    expect(added.packages?.find((p) => p.number === UPS)?.isNew).toBe(false);
    const refused = await click('Order #112-1234567-1234567');
    expect(refused).toEqual({ kind: 'not-a-number', selection: 'Order #112-1234567-1234567' });

    const numbers = (await harness.storedPackages()).map((p) => p.number).sort();
    expect(numbers).not.toContain(undefined);
    expect(numbers).toContain(UPS);
    expect(numbers).not.toContain('1121234567');
    const notifications = await sw.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications)).toContain('doorstep|popup|context-menu');
  });
});
