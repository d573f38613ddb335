import type { CDPSession, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageRecord } from '../../utils/store/types';
import { byNumber, type Harness, startHarness } from './harness';

/**
 * Issue 11's attacks, replayed in real Chromium on the built extension: each must now fail. Messages "from a content
 * script" are sent from the content script's own isolated world on a real webmail page (found through the DevTools
 * protocol), so the background sees exactly the sender a compromised or tricked content script would be.
 */

const DHL = 'JJD0099999999';
const OUTLOOK = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA';
const SECRET = 'e2e-secret-17track-key';

type Evaluate = <T>(expression: string) => Promise<T>;

/** Evaluates expressions in the isolated world of Doorstep's content script in `page`. */
async function contentScriptWorld(
  page: Page,
  extensionId: string,
): Promise<{ evaluate: Evaluate; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let world: (typeof worlds)[number] | undefined;
  while (!world && Date.now() < deadline) {
    world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId));
    if (!world) await new Promise((r) => setTimeout(r, 100));
  }
  if (!world) throw new Error('no content-script world found');
  const contextId = world.id;
  const evaluate: Evaluate = async (expression) => {
    const answer = await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
    return answer.result.value;
  };
  return { evaluate, cdp };
}

/** Sends each message from that world; a thrown error (no receiver) is recorded as such. */
const sendEach = (messages: unknown[]) => `(async () => {
  const out = [];
  for (const message of ${JSON.stringify(messages)}) {
    try { out.push(await chrome.runtime.sendMessage(message)); }
    catch (error) { out.push({ thrown: String(error) }); }
  }
  return out;
})()`;

type Reply = { ok?: boolean; code?: string; thrown?: string };

describe('security in Chromium: what a content script may do', () => {
  let harness: Harness;
  let page: Page;
  let evaluate: Evaluate;
  let pkg: PackageRecord;

  beforeAll(async () => {
    harness = await startHarness();
    await harness.serviceWorker.evaluate(async (key) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({ providerKeys: { '17track': { apiKey: key } } });
    }, SECRET);
    page = await harness.openDemoPage(OUTLOOK);
    const stored = await harness.waitForPackages((p) => Boolean(byNumber(p, DHL)));
    pkg = byNumber(stored, DHL) as PackageRecord;
    expect(pkg).toBeDefined();
    ({ evaluate } = await contentScriptWorld(page, harness.extensionId));
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('accepts 0 of the popup/options messages from the content-script world; the store is unchanged', async () => {
    const before = await harness.storedPackages();
    const popupOnly = [
      { type: 'delete-all' },
      { type: 'delete', id: pkg.id },
      { type: 'restore', record: { ...pkg, label: 'overwritten' } },
      { type: 'update-package', id: pkg.id, label: 'relabelled' },
      { type: 'archive', id: pkg.id, archived: true },
      { type: 'add-numbers', input: '1Z999AA10123456784' },
      { type: 'refresh', ids: [pkg.id] },
      { type: 'import', records: [{ ...pkg, id: 'x', label: 'imported' }] },
      { type: 'check-carrier-page', id: pkg.id },
    ];
    const replies = await evaluate<Reply[]>(sendEach(popupOnly));
    expect(replies).toHaveLength(popupOnly.length);
    expect(replies.filter((r) => r.ok)).toEqual([]);
    expect(replies.map((r) => r.code)).toEqual(popupOnly.map(() => 'forbidden'));
    expect(await harness.storedPackages()).toEqual(before);
    // What a content script may send still works.
    const allowed = await evaluate<Reply[]>(
      sendEach([
        { type: 'ping' },
        { type: 'tracked-numbers', numbers: [DHL] },
        { type: 'content-settings', host: 'outlook.office.com' },
      ]),
    );
    expect(allowed.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('cannot read provider keys or the synced copy: storage.local and storage.sync are closed to it', async () => {
    const attempt = (area: string) =>
      evaluate<string>(
        `chrome.storage.${area}.get(null).then((v) => JSON.stringify(v), (e) => 'refused: ' + e.message)`,
      );
    const local = await attempt('local');
    const sync = await attempt('sync');
    expect(local).not.toContain(SECRET);
    expect(local).toMatch(/^refused/);
    expect(sync).toMatch(/^refused/);
    // The worker and the extension's pages still read them.
    const fromWorker = await harness.serviceWorker.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }
        ).chrome.storage.local.get('providerKeys'),
      ),
    );
    expect(fromWorker).toContain(SECRET);
  });

  it('a lookalike mail naming a tracked number changes nothing a user would click', async () => {
    const phishing = `https://ups-delivery-help.example/redeliver?n=${DHL}`;
    const lookalike = {
      type: 'detections',
      detections: [
        {
          number: DHL,
          carrier: 'dhl',
          trackUrl: phishing,
          status: 'failed_attempt',
          statusText: 'Delivery attempted: pay the redelivery fee',
          statusAt: Date.now(),
          events: [{ at: Date.now(), status: 'failed_attempt', description: 'Delivery attempted' }],
          source: { kind: 'webmail', url: OUTLOOK, seenAt: Date.now() },
        },
      ],
    };
    const [reply] = await evaluate<Reply[]>(sendEach([lookalike]));
    expect(reply?.ok).toBe(true);
    const after = byNumber(await harness.storedPackages(), DHL) as PackageRecord;
    expect(after.trackUrl).toBe(pkg.trackUrl);
    expect(after.status).toBe(pkg.status);
    expect(after.events).toEqual(pkg.events);
    // The popup's button goes to the carrier's own page and says where.
    const popup = await harness.openPopup();
    await popup.locator(`li.package[data-number="${DHL}"] button.row`).click();
    const host = (await popup.locator('.actions .link-host').textContent()) ?? '';
    expect(host).toMatch(/ · www\.dhl\.(?:de|com)$/);
    expect(host).not.toContain('example');
    await popup.close();
  });

  it('600 malformed messages from the content-script world: 0 accepted, worker alive, store unchanged', async () => {
    const before = await harness.storedPackages();
    // Each shape breaks a rule whatever the value: a list that is no list, a code that is no carrier, a page
    // claiming a background source kind, a host that is no string, a popup-only type.
    const values = [null, 0, -1, 'x'.repeat(3000), {}, true, '__proto__', 'constructor', { length: 1 }];
    const shapes = [
      (value: unknown) => value,
      (value: unknown) => ({ type: value }),
      (value: unknown) => ({ type: 'detections', detections: value }),
      (value: unknown) => ({
        type: 'detections',
        detections: [{ number: DHL, carrier: value, source: { kind: 'webmail', seenAt: 1 } }],
      }),
      (value: unknown) => ({
        type: 'detections',
        detections: [{ number: DHL, source: { kind: 'refresh', seenAt: 1 }, statusText: value }],
      }),
      (value: unknown) => ({ type: 'tracked-numbers', numbers: value }),
      (value: unknown) => ({ type: 'content-settings', host: typeof value === 'string' ? 5 : value }),
      (value: unknown) => ({ type: 'delete-all', because: value }),
    ];
    const bad = Array.from({ length: 600 }, (_, i) =>
      (shapes[i % shapes.length] as (v: unknown) => unknown)(
        values[Math.floor(i / shapes.length) % values.length],
      ),
    );
    const replies = await evaluate<Reply[]>(sendEach(bad));
    expect(replies).toHaveLength(600);
    expect(replies.filter((r) => r.ok === true)).toEqual([]);
    expect(await harness.storedPackages()).toEqual(before);
    const [ping] = await evaluate<Reply[]>(sendEach([{ type: 'ping' }]));
    expect(ping).toEqual({ ok: true });
  });
});

describe('security in Chromium: provider keys never follow a redirect', () => {
  let harness: Harness;
  const collected: { url: string; headers: Record<string, string>; body: string }[] = [];
  const provider: string[] = [];

  beforeAll(async () => {
    harness = await startHarness({ grantedOrigins: ['https://api.17track.net/*'] });
    await harness.context.route('https://api.17track.net/**', async (route: Route) => {
      provider.push(route.request().url());
      // 307 keeps the method, body and (without `redirect: 'error'`) the key header on the way to the next host.
      await route.fulfill({
        status: 307,
        headers: { location: 'https://collector.example/steal' },
        body: '',
      });
    });
    await harness.context.route('https://collector.example/**', async (route: Route) => {
      const request = route.request();
      collected.push({
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postData() ?? '',
      });
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"code":0,"data":{"accepted":[]}}',
      });
    });
    await harness.serviceWorker.evaluate(async (key) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({
        settings: { providers: ['17track'], amazonSessionRefresh: false },
        providerKeys: { '17track': { apiKey: key } },
      });
    }, SECRET);
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  it('a 307 from the provider delivers the key to no other host (302/308 alike: unit test http-redirect)', async () => {
    const popup = await harness.openPopup();
    const send = (message: object) =>
      popup.evaluate(
        (m) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: object): Promise<Record<string, unknown>> } };
            }
          ).chrome.runtime.sendMessage(m),
        message,
      );
    const added = await send({ type: 'add-numbers', input: '1Z999AA10123456784' });
    expect(added.ok).toBe(true);
    const id = (added.added as { id: string }[])[0]?.id;
    const reply = await send({ type: 'refresh', ids: [id] });
    expect(reply).toBeDefined();
    expect(provider.length).toBeGreaterThan(0);
    expect(collected).toEqual([]);
    const [pkg] = await harness.storedPackages();
    expect(pkg?.status).toBe('unknown');
    expect(pkg?.lastError).toBeTruthy();
    await popup.close();
  });
});
