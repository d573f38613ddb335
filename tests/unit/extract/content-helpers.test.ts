import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODES, detectionModeFromStored, SETTINGS_STORAGE_KEY } from '@/utils/content/detection-mode';
import { topmost } from '@/utils/content/mutation-batcher';
import { type ScanTabApi, scanActiveTab, takeScanRequest } from '@/utils/content/scan-active-tab';
import { createSlicedQueue } from '@/utils/content/scheduler';
import { sliceSubtree } from '@/utils/extract/sites';
import { DEFAULT_SETTINGS, detectionModeFor, parseSettings, SETTINGS_KEY } from '@/utils/settings';

describe('createSlicedQueue', () => {
  it('runs tasks in slices of the budget, yielding between slices, and reports the longest slice', () => {
    let clock = 0;
    const pending: (() => void)[] = [];
    const onIdle = vi.fn();
    const queue = createSlicedQueue({
      budgetMs: 10,
      now: () => clock,
      yieldToPage: (next) => pending.push(next),
      onIdle,
    });
    const ran: number[] = [];
    for (let i = 0; i < 6; i++)
      queue.push(() => {
        ran.push(i);
        clock += 4;
      });
    expect(ran).toEqual([]); // nothing runs before the page gets its turn
    pending.shift()?.();
    expect(ran).toEqual([0, 1, 2]); // 0, 4, 8 ms < 10: three tasks, then yield
    pending.shift()?.();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(queue.stats).toEqual({ slices: 2, busyMs: 24, longestSliceMs: 12, firstSliceMs: 12 });
  });

  it('keeps going after a failing task and stops when aborted', () => {
    const pending: (() => void)[] = [];
    const controller = new AbortController();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const queue = createSlicedQueue({ yieldToPage: (next) => pending.push(next), signal: controller.signal });
    const ran: string[] = [];
    queue.push(() => {
      throw new Error('odd DOM');
    });
    queue.push(() => ran.push('second'));
    pending.shift()?.();
    expect(ran).toEqual(['second']);
    controller.abort();
    queue.push(() => ran.push('after abort'));
    pending.shift()?.();
    expect(ran).toEqual(['second']);
    warn.mockRestore();
  });
});

describe('detectionModeFromStored', () => {
  it('agrees with the settings module for defaults, kinds and per-site overrides', () => {
    expect(SETTINGS_STORAGE_KEY).toBe(SETTINGS_KEY);
    expect(DEFAULT_MODES).toEqual(DEFAULT_SETTINGS.detection);
    const stored = { detection: { page: 'off', webmail: 'ask' }, siteModes: { 'mail.yahoo.com': 'off' } };
    const settings = parseSettings(stored);
    for (const [host, kind] of [
      ['mail.yahoo.com', 'webmail'],
      ['mail.google.com', 'webmail'],
      ['shop.example', 'page'],
      ['www.amazon.de', 'amazon'],
    ] as const) {
      expect(detectionModeFromStored(stored, host, kind)).toBe(detectionModeFor(settings, host, kind));
    }
  });

  it('falls back to the default on garbage, never to a more permissive mode', () => {
    expect(detectionModeFromStored({ detection: { page: 'yes' }, siteModes: 'x' }, 'a.example', 'page')).toBe(
      'ask',
    );
    expect(detectionModeFromStored(null, 'a.example', 'page')).toBe('ask');
    // Inherited properties are not settings.
    expect(detectionModeFromStored({ siteModes: {} }, 'constructor', 'page')).toBe('ask');
    expect(
      detectionModeFromStored(
        JSON.parse('{"detection": {"__proto__": {"page": "auto"}}}'),
        'a.example',
        'page',
      ),
    ).toBe('ask');
  });
});

describe('scanActiveTab', () => {
  const fakeApi = (result: unknown, url = 'https://shop.example/orders') => {
    const calls: unknown[] = [];
    const api: ScanTabApi = {
      tabs: { query: async () => [{ id: 7, url }] },
      scripting: {
        executeScript: async (injection) => {
          calls.push(injection);
          return [{ result: injection.files ? result : undefined }];
        },
      },
    };
    return { api, calls };
  };

  it('flags the request, injects the content script and returns its summary', async () => {
    const summary = { site: 'page', mode: 'auto', found: 2, sent: 2 };
    const { api, calls } = fakeApi(summary);
    await expect(scanActiveTab(api)).resolves.toEqual({ ok: true, summary });
    expect(calls).toEqual([
      expect.objectContaining({ target: { tabId: 7 }, args: ['__doorstepScanRequested'] }),
      { target: { tabId: 7 }, files: ['/content-scripts/content.js'] },
    ]);
  });

  it('injects the script of the page’s own site family (the one the manifest already runs there)', async () => {
    const summary = { site: 'gmail', mode: 'auto', found: 1, sent: 1 };
    const injected = async (url: string) => {
      const { api, calls } = fakeApi(summary, url);
      await scanActiveTab(api);
      return (calls[1] as { files: string[] }).files;
    };
    expect(await injected('https://mail.google.com/mail/u/0/#inbox/abc')).toEqual([
      '/content-scripts/webmail.js',
    ]);
    expect(await injected('https://www.amazon.de/gp/your-account/order-history')).toEqual([
      '/content-scripts/amazon.js',
    ]);
    expect(await injected('https://www.ups.com/track?tracknum=1Z')).toEqual(['/content-scripts/content.js']);
  });

  it('refuses browser pages and reports a silent page', async () => {
    await expect(scanActiveTab(fakeApi(undefined, 'chrome://settings').api)).resolves.toMatchObject({
      ok: false,
    });
    await expect(scanActiveTab(fakeApi('nonsense').api)).resolves.toMatchObject({ ok: false });
  });

  it('takeScanRequest reads the flag once', () => {
    const scope: Record<string, unknown> = { __doorstepScanRequested: true };
    expect(takeScanRequest(scope)).toBe(true);
    expect(takeScanRequest(scope)).toBe(false);
  });
});

describe('page slicing', () => {
  const { document } = parseHTML(
    `<html><body><main>${Array.from({ length: 50 }, (_, i) => `<p>${'x'.repeat(1000)} ${i}</p>`).join('')}</main><footer>end</footer></body></html>`,
  );

  it('cuts a large subtree into runs of siblings below the limit, covering every node once', () => {
    const slices = sliceSubtree(document.body as unknown as Element, 10_000);
    expect(slices.length).toBeGreaterThanOrEqual(5);
    for (const run of slices)
      expect(run.reduce((n, node) => n + (node.textContent?.length ?? 0), 0)).toBeLessThanOrEqual(10_000);
    const covered = slices.flat().reduce((n, node) => n + (node.textContent?.length ?? 0), 0);
    expect(covered).toBe(document.body.textContent?.length);
  });

  it('topmost keeps only outermost changed elements', () => {
    const main = document.querySelector('main') as unknown as Element;
    const first = document.querySelector('p') as unknown as Element;
    const footer = document.querySelector('footer') as unknown as Element;
    expect(topmost([first, main, footer])).toEqual([main, footer]);
  });
});
