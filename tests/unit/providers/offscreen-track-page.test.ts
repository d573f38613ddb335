import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { createBackgroundServices } from '../../../utils/background/services';
import {
  createOffscreenTrackPageParser,
  type OffscreenApi,
} from '../../../utils/offscreen/track-page-client';
import {
  OFFSCREEN_TARGET,
  ParseTrackPageReplySchema,
  type ParseTrackPageRequest,
} from '../../../utils/offscreen/track-page-messages';
import { answerTrackPageRequest } from '../../../utils/offscreen/track-page-server';
import { createAmazonSession, type TrackPageParser } from '../../../utils/providers/amazon-session';
import { DoorstepDatabase } from '../../../utils/store/db';
import { identifyTrackingNumber } from '../../../utils/tracking';
import { parseTrackPageWithLinkedom } from './linkedom-track-page';
import { makePackage } from './packages';

const page = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/pages/refresh/${name}`, import.meta.url)), 'utf8');
const NOW = Date.UTC(2025, 2, 10, 15, 0);
const URL_DE =
  'https://www.amazon.de/gp/your-account/ship-track?orderId=302-1937846-5521109&shipmentId=Fk2xQwLp7';
const request = (overrides: object = {}): ParseTrackPageRequest => ({
  target: OFFSCREEN_TARGET,
  type: 'parse-amazon-track-page',
  html: page('amazon-de-track-with-id.html'),
  url: URL_DE,
  now: NOW,
  timeZone: 'UTC',
  ...overrides,
});

describe('offscreen document: answering parse requests', () => {
  it('parses a track page into a reply the worker accepts', async () => {
    const reply = await answerTrackPageRequest(request(), parseTrackPageWithLinkedom);
    expect(v.is(ParseTrackPageReplySchema, reply)).toBe(true);
    expect(reply).toMatchObject({
      ok: true,
      page: { status: 'out_for_delivery', trackingId: 'TBA301234567890', carrier: 'amazon' },
    });
    // Structured clone is what runtime messaging does to the reply.
    expect(structuredClone(reply)).toEqual(reply);
  });

  it('says "no page" for HTML that is not a track page', async () => {
    const reply = await answerTrackPageRequest(
      request({ html: '<html><body><p>Hello</p></body></html>' }),
      parseTrackPageWithLinkedom,
    );
    expect(reply).toEqual({ ok: true });
  });

  it('leaves every other message to the background (content scripts’ messages reach this page too)', () => {
    expect(answerTrackPageRequest({ type: 'ping' }, parseTrackPageWithLinkedom)).toBeUndefined();
    expect(
      answerTrackPageRequest({ type: 'parse-amazon-track-page', html: '' }, parseTrackPageWithLinkedom),
    ).toBeUndefined();
    expect(answerTrackPageRequest(null, parseTrackPageWithLinkedom)).toBeUndefined();
  });

  it('refuses a malformed request and reports a crashing parser, without throwing', async () => {
    expect(
      await answerTrackPageRequest(request({ url: 'http://www.amazon.de/x' }), parseTrackPageWithLinkedom),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request \(url: /) });
    expect(await answerTrackPageRequest(request({ html: 42 }), parseTrackPageWithLinkedom)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid request \(html: /),
    });
    const crashing: TrackPageParser = async () => {
      throw new Error('boom');
    };
    expect(await answerTrackPageRequest(request(), crashing)).toEqual({
      ok: false,
      error: 'parser failed: Error: boom',
    });
  });
});

/**
 * Chrome's offscreen API as it behaves: one document per extension ("Only a single offscreen document may be
 * created."), a message to it fails while it is not open, and it answers through the real request handler.
 */
function fakeChrome(
  options: { open?: boolean; getContexts?: boolean; answer?: (m: unknown) => unknown } = {},
) {
  const calls: string[] = [];
  const timers: (() => void)[] = [];
  let open = options.open ?? false;
  const api: OffscreenApi = {
    offscreen: {
      async createDocument(parameters) {
        calls.push(`create ${parameters.url} ${parameters.reasons.join()}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (open) throw new Error('Only a single offscreen document may be created.');
        open = true;
      },
      async closeDocument() {
        calls.push('close');
        if (!open) throw new Error('No current offscreen document.');
        open = false;
      },
    },
    runtime: {
      getURL: (path) => `chrome-extension://abc${path}`,
      ...(options.getContexts !== false && {
        getContexts: async (filter) => {
          expect(filter).toEqual({
            contextTypes: ['OFFSCREEN_DOCUMENT'],
            documentUrls: ['chrome-extension://abc/offscreen.html'],
          });
          return open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [];
        },
      }),
      async sendMessage(message) {
        calls.push('message');
        if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
        const reply = options.answer
          ? options.answer(message)
          : await answerTrackPageRequest(structuredClone(message), parseTrackPageWithLinkedom);
        return structuredClone(reply);
      },
    },
  };
  const parser = createOffscreenTrackPageParser(api, {
    setTimer: (run) => timers.push(run),
    clearTimer: () => timers.splice(0),
  });
  const fireTimers = async () => {
    for (const run of timers.splice(0)) run();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { api, parser, calls, fireTimers, isOpen: () => open };
}

const context = { url: URL_DE, now: NOW, timeZone: 'UTC' };

describe('service worker: parsing through the offscreen document', () => {
  it('creates the document once for concurrent parses, reuses it, and closes it when idle', async () => {
    const chrome = fakeChrome();
    const html = page('amazon-de-track-with-id.html');
    const [a, b] = await Promise.all([chrome.parser(html, context), chrome.parser(html, context)]);
    expect(a).toMatchObject({ status: 'out_for_delivery', trackingId: 'TBA301234567890' });
    expect(b).toEqual(a);
    expect(chrome.calls).toEqual(['create /offscreen.html DOM_PARSER', 'message', 'message']);

    await chrome.parser(html, context);
    expect(chrome.calls.filter((c) => c.startsWith('create'))).toHaveLength(1);

    await chrome.fireTimers();
    expect(chrome.isOpen()).toBe(false);
    expect(chrome.calls.at(-1)).toBe('close');
    // The next parse opens it again.
    expect(await chrome.parser(html, context)).toMatchObject({ status: 'out_for_delivery' });
    expect(chrome.calls.filter((c) => c.startsWith('create'))).toHaveLength(2);
  });

  it('reuses a document an earlier worker left open', async () => {
    const chrome = fakeChrome({ open: true });
    expect(await chrome.parser(page('amazon-com-track-no-id.html'), context)).toMatchObject({
      status: 'info_received',
    });
    expect(chrome.calls).toEqual(['message']);
  });

  it('without runtime.getContexts, takes "only a single offscreen document" as already open', async () => {
    const chrome = fakeChrome({ open: true, getContexts: false });
    expect(await chrome.parser(page('amazon-de-track-with-id.html'), context)).toMatchObject({
      status: 'out_for_delivery',
    });
    expect(chrome.calls).toEqual(['create /offscreen.html DOM_PARSER', 'message']);
    await chrome.fireTimers();
    expect(chrome.isOpen()).toBe(false);
  });

  it('rejects an answer that does not match the protocol, and the provider reports it without losing data', async () => {
    const chrome = fakeChrome({
      answer: () => ({ ok: true, page: { status: 'teleported', events: [] } }),
    });
    await expect(chrome.parser('<html></html>', context)).rejects.toThrow('unexpected answer');

    const failing = fakeChrome({ answer: () => ({ ok: false, error: 'parser failed: Error: boom' }) });
    const provider = createAmazonSession(failing.parser, { timeZone: 'UTC' });
    const shipment = makePackage({ id: 'amz', orderId: '302-1937846-5521109', shipmentId: 'Fk2xQwLp7' });
    const fetchPage: typeof fetch = async () =>
      new Response(page('amazon-de-track-with-id.html'), { headers: { 'content-type': 'text/html' } });
    const result = await provider.refresh([shipment], { fetch: fetchPage, now: () => NOW, credentials: {} });
    expect(result.outcomes[0]).toMatchObject({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringContaining('parser failed: Error: boom') },
    });
  });
});

describe('background message handler', () => {
  it('does not answer requests meant for the offscreen document', async () => {
    const db = new DoorstepDatabase(`offscreen-${crypto.randomUUID()}`);
    const services = createBackgroundServices(
      browser,
      db,
      {
        identify: identifyTrackingNumber,
        find: () => [],
        trackingUrlFor: () => undefined,
      },
      { publish: async () => {} },
    );
    const self = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
    expect(services.onMessage(request(), self)).toBeUndefined();
    expect(await services.onMessage({ type: 'ping' }, self)).toEqual({ ok: true });
    await db.delete();
  });
});
