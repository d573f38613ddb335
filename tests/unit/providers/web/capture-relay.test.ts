import { describe, expect, it } from 'vitest';
import { CAPTURE_ENDPOINTS, CAPTURE_MESSAGE_TAG } from '../../../../utils/carrier-web/endpoints';
import { startCarrierCapture } from '../../../../utils/content/carrier-capture';
import { installCarrierJsonHook } from '../../../../utils/content/carrier-json-hook';
import { identifyTrackingNumber } from '../../../../utils/tracking';
import { fixture } from '../contract-server';
import { NOW } from '../packages';

/**
 * Both halves of capture on visit with a stand-in window: the page-world hook forwards only the page's own
 * tracking answers and leaves the page's fetch as it was; the isolated relay listens only to this window and
 * origin, and sends nothing in "ask" or "off" mode.
 */

const PIN = '7035114477138472';
const ORIGIN = 'https://www.canadapost-postescanada.ca';
const DETAIL = `${ORIGIN}/track-reperage/rs/track/json/package/${PIN}/detail`;
const body = JSON.stringify(fixture('canadapost-web/detail-in-transit.json'));

function fakeWindow() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const posted: { data: unknown; target: string }[] = [];
  const win = {
    location: {
      origin: ORIGIN,
      hostname: 'www.canadapost-postescanada.ca',
      href: `${ORIGIN}/track-reperage/en`,
    },
    addEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
    postMessage: (data: unknown, target: string) => posted.push({ data, target }),
    fetch: async (input: RequestInfo | URL) =>
      new Response(String(input).includes('/detail') ? body : '{}', { status: 200 }),
  };
  const dispatch = (data: unknown, extra: { source?: unknown; origin?: string } = {}) => {
    const event = { data, source: 'source' in extra ? extra.source : win, origin: extra.origin ?? ORIGIN };
    for (const fn of listeners) fn(event as MessageEvent);
  };
  return { win, posted, listeners, dispatch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('page-world hook', () => {
  it('forwards the answer to a tracking request, unchanged for the page, and nothing else', async () => {
    const { win, posted } = fakeWindow();
    installCarrierJsonHook(win as unknown as Window & typeof globalThis, {
      endpoints: CAPTURE_ENDPOINTS,
      tag: CAPTURE_MESSAGE_TAG,
      maxChars: 1_000_000,
    });
    const response = await win.fetch(DETAIL);
    expect(await response.text()).toBe(body);
    await win.fetch(`${ORIGIN}/track-reperage/assets/i18n/en.json`);
    await settle();
    expect(posted).toEqual([{ data: { tag: CAPTURE_MESSAGE_TAG, url: DETAIL, body }, target: ORIGIN }]);
  });
});

describe('isolated relay', () => {
  const start = (settings: unknown) => {
    const fake = fakeWindow();
    const sent: unknown[] = [];
    const controller = new AbortController();
    startCarrierCapture({
      window: fake.win as unknown as Window,
      now: () => NOW,
      identify: identifyTrackingNumber,
      // The settings come by message from the background (storage.local is closed to content scripts).
      sendMessage: async (message) =>
        (message as { type?: string }).type === 'content-settings'
          ? { ok: true, settings }
          : sent.push(message),
      signal: controller.signal,
    });
    return { ...fake, sent, controller };
  };
  const message = { tag: CAPTURE_MESSAGE_TAG, url: DETAIL, body };

  it('sends the detections of a message from this window and origin', async () => {
    const relay = start(undefined);
    relay.dispatch(message);
    await settle();
    expect(relay.sent).toMatchObject([
      { type: 'detections', detections: [{ number: PIN, carrier: 'canada_post', status: 'in_transit' }] },
    ]);
  });

  it('ignores other frames, other origins, other shapes; stops when the script is invalidated', async () => {
    const relay = start(undefined);
    relay.dispatch(message, { source: {} });
    relay.dispatch(message, { origin: 'https://evil.example' });
    relay.dispatch({ ...message, tag: 'something-else' });
    relay.dispatch({ ...message, url: 'https://evil.example/track-reperage/rs/track/json/package/1/detail' });
    await settle();
    expect(relay.sent).toEqual([]);
    relay.controller.abort();
    expect(relay.listeners.size).toBe(0);
  });

  it('sends nothing when carrier pages are on "ask" or "off", or this site is off', async () => {
    for (const settings of [
      { detection: { carrier: 'ask' } },
      { detection: { carrier: 'off' } },
      { siteModes: { 'www.canadapost-postescanada.ca': 'off' } },
    ]) {
      const relay = start(settings);
      relay.dispatch(message);
      await settle();
      expect(relay.sent).toEqual([]);
    }
  });
});
