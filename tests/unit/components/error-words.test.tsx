import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { type Services, ServicesContext } from '../../../components/services';
import type { HandlerReply } from '../../../utils/background/message-handler';
import { ERROR_CODES, errorWords } from '../../../utils/i18n/error-words';
import type { ErrorCode, ErrorReply } from '../../../utils/messages';
import { asMessageClient } from '../../../utils/messaging/client';
import { encodeRefreshError } from '../../../utils/refresh/failure-code';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { DoorstepDatabase } from '../../../utils/store/db';
import { identifyTrackingNumber, trackingUrlFor } from '../../../utils/tracking';
import { REFRESH_ERROR_CODES } from '../../../utils/view/refresh-error';
import { loadCatalog, translatorFor } from './catalog';
import { must, renderInDom, type TestDom, waitFor } from './dom';

/**
 * Replies carry codes; the popup words them. Every code is put through the real popup in each language, with an
 * English `detail` in the reply that must never reach the screen.
 */

const NOW = new Date(2026, 11, 7, 12, 0);
const LANGS = ['en', 'de', 'fr', 'es'] as const;
const DETAIL = 'database is locked: TransactionInactiveError';
const spaced = (text: string | null | undefined) => text?.replace(/\s/g, ' ').trim() ?? '';

/** Message texts of the English catalog with placeholders cut out: fragments of two words or more. */
function englishFragments(): string[] {
  return Object.values(loadCatalog('en'))
    .flatMap((entry) => entry.message.split(/\$[A-Za-z0-9_]+\$|[:;·()]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(/\s+/).length >= 2);
}

describe('errorWords', () => {
  it('words every reply code in English, and an unknown or missing code as the generic one', () => {
    const t = translatorFor('en');
    expect(ERROR_CODES.map((code) => errorWords({ code }, t))).toEqual([
      'Doorstep did not understand the request',
      'this is not allowed from here',
      'this package is not stored any more',
      'this package is tracked again already',
      'this is not a tracking number',
      'Doorstep’s background is not available right now: try again',
      'something went wrong inside Doorstep',
    ]);
    expect(errorWords({ code: 'constructor' }, t)).toBe('something went wrong inside Doorstep');
    expect(errorWords(undefined, t)).toBe('something went wrong inside Doorstep');
    // A refresh failure says which service failed and why, not only that the background could not.
    expect(
      errorWords(
        { code: 'unavailable', refreshError: encodeRefreshError({ code: 'network', provider: 'UPS' }) },
        t,
      ),
    ).toMatch(/UPS/);
  });

  it.each(LANGS)('has distinct words for every code in %s, none of them English unless the UI is', (lang) => {
    const t = translatorFor(lang);
    const words = ERROR_CODES.map((code) => errorWords({ code }, t));
    expect(new Set(words).size).toBe(ERROR_CODES.length);
    for (const text of words) expect(text).not.toMatch(/^error_|^$/);
    if (lang === 'en') return;
    const fragments = englishFragments();
    for (const text of words)
      for (const fragment of fragments) expect(text, `${lang}: "${text}"`).not.toContain(fragment);
  });
});

describe('the popup’s error notices in every language', () => {
  let db: DoorstepDatabase;
  let dom: TestDom | undefined;
  beforeEach(async () => {
    db = new DoorstepDatabase(`error-words-${Math.random()}`);
    await db.packages.put({
      id: 'p',
      number: '1Z999AA10123456784',
      carrier: 'ups',
      itemTitles: [],
      status: 'in_transit',
      events: [],
      sources: [{ kind: 'webmail', seenAt: NOW.getTime() }],
      createdAt: NOW.getTime(),
      updatedAt: NOW.getTime(),
    });
  });
  afterEach(async () => {
    dom?.cleanup();
    dom = undefined;
    await db.delete();
  });

  function mount(lang: string, replies: Partial<Record<string, HandlerReply>>) {
    const services: Services = {
      db,
      send: asMessageClient(async (message) => replies[message.type] ?? { ok: true }),
      identify: identifyTrackingNumber,
      carrierUrl: (carrier, number) =>
        trackingUrlFor(carrier as Parameters<typeof trackingUrlFor>[0], number),
      openUrl: () => undefined,
      openOptions: () => undefined,
      copyText: async () => undefined,
      scanPage: async () => ({ ok: true, found: 0 }),
      loadSettings: async () => DEFAULT_SETTINGS,
      t: translatorFor(lang),
      locale: lang,
      now: () => NOW,
    };
    dom = renderInDom(
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>,
    );
    return dom;
  }

  const failing = (code: ErrorCode, extra: Partial<ErrorReply> = {}): ErrorReply => ({
    ok: false,
    code,
    detail: DETAIL,
    ...extra,
  });

  /**
   * Opens the package, then for each reply clicks the action (its button label's key) with the background answering
   * that reply, and waits for the notice the view words from it: `expected(reply)`.
   */
  async function noticesFor(
    lang: string,
    action: 'archive' | 'refreshNow',
    type: 'archive' | 'refresh',
    replies: { reply: ErrorReply; expected: string }[],
  ): Promise<string[]> {
    const t = translatorFor(lang);
    const byType: Partial<Record<string, HandlerReply>> = {};
    const ui = mount(lang, byType);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(1));
    ui.click(must(ui.$('li[data-id="p"] button')));
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    const notices: string[] = [];
    for (const { reply, expected } of replies) {
      byType[type] = reply;
      const button = ui.$$('.details .actions button').find((b) => b.textContent?.includes(t(action)));
      ui.click(must(button));
      await waitFor(() => expect(spaced(ui.text('.notice span'))).toBe(expected));
      expect(ui.$('.notice')?.classList.contains('notice-error')).toBe(true);
      notices.push(spaced(ui.text('.notice span')));
    }
    dom?.cleanup();
    dom = undefined;
    return notices;
  }

  it.each(LANGS)(
    'words every reply code and refresh failure in %s, never the English detail',
    async (lang) => {
      const t = translatorFor(lang);
      const actions = await noticesFor(
        lang,
        'archive',
        'archive',
        ERROR_CODES.map((code) => ({
          reply: failing(code),
          expected: t('actionFailed', errorWords({ code }, t)),
        })),
      );
      const refreshes = await noticesFor(
        lang,
        'refreshNow',
        'refresh',
        REFRESH_ERROR_CODES.map((code) => {
          const refreshError = encodeRefreshError({ code, provider: 'UPS' });
          return {
            reply: failing('unavailable', { refreshError, failed: 1 }),
            expected: t('refreshFailed', errorWords({ refreshError }, t)),
          };
        }),
      );
      for (const text of [...actions, ...refreshes]) {
        expect(text).not.toContain('database is locked');
        expect(text).not.toContain('TransactionInactiveError');
      }
      if (lang === 'en') {
        expect(actions[2]).toBe('Could not do that: this package is not stored any more');
        expect(refreshes[REFRESH_ERROR_CODES.indexOf('network')]).toBe(
          'Could not refresh: Could not reach UPS',
        );
        return;
      }
      const fragments = englishFragments();
      for (const text of [...actions, ...refreshes])
        for (const fragment of fragments) expect(text, `${lang}: "${text}"`).not.toContain(fragment);
    },
  );
});
