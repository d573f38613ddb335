import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ContentEnvironment, startDoorstep } from '@/utils/content/controller';
import { siteFor } from '@/utils/extract/sites';

/**
 * The controller on a Gmail-like page in automatic mode (webmail's default): only a shipping e-mail's packages are
 * added; a number in any other mail gets a "Track" chip and is added only if the user presses it.
 */

const NOW = Date.UTC(2026, 10, 27, 15);
const UPS = '1Z999AA10123456784';

let controller: AbortController;
const realObserver = globalThis.MutationObserver;

function gmail(subject: string, body: string): Document {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><body><div role="main">
    <h2 class="hP">${subject}</h2>
    <div class="adn ads" data-message-id="#msg-f:1785000000000000001">
      <div class="gE iv gt"><span class="gD" email="sam@friends.example" name="Sam">Sam</span>
      <span class="g3" title="Fri, Nov 27, 2026, 7:05 AM">7:05 AM</span></div>
      <div class="ii gt"><div class="a3s aiL">${body}</div></div>
    </div></div></body></html>`);
  globalThis.MutationObserver = MutationObserver as unknown as typeof globalThis.MutationObserver;
  return document as unknown as Document;
}

function environment(doc: Document) {
  const sent: { type: string }[] = [];
  const env: ContentEnvironment = {
    document: doc,
    url: () => 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ',
    now: () => NOW,
    timeZone: 'UTC',
    async sendMessage(message) {
      const { type } = message as { type: string };
      if (type === 'content-settings') return { ok: true, settings: {} };
      sent.push(message as { type: string });
      return type === 'tracked-numbers' ? { ok: true, tracked: { numbers: [], orders: [] } } : { ok: true };
    },
    onSettingsChanged: () => () => {},
    signal: controller.signal,
    siteFor,
  };
  return { env, sent };
}

beforeEach(() => {
  controller = new AbortController();
  vi.stubGlobal('__DOORSTEP_TEST_HOOKS__', true);
});
afterEach(() => {
  vi.unstubAllGlobals();
  controller.abort();
  globalThis.MutationObserver = realObserver;
});

describe('automatic mode in webmail', () => {
  it('a mail that is not about shipping gets a "Track" chip, not a package', async () => {
    const doc = gmail(
      'Lunch on Friday',
      `<p>Here is the reference you wanted: <b>${UPS}</b>. See you at noon!</p>`,
    );
    const { env, sent } = environment(doc);
    const summary = await startDoorstep(env);
    expect(summary).toMatchObject({ site: 'gmail', mode: 'auto', found: 1, sent: 0 });
    expect(sent.map((m) => m.type)).toEqual(['tracked-numbers']);
    const chips = [...doc.querySelectorAll('doorstep-chip')].map((c) => c.getAttribute('data-state'));
    expect(chips).toEqual(['ask']);
  });

  it('a shipping mail’s package is added without asking', async () => {
    const doc = gmail(
      'Your order has shipped',
      `<p>Your package is on its way. UPS tracking number: <b>${UPS}</b></p>`,
    );
    const { env, sent } = environment(doc);
    const summary = await startDoorstep(env);
    expect(summary).toMatchObject({ site: 'gmail', mode: 'auto', found: 1, sent: 1 });
    expect(sent.map((m) => m.type).sort()).toEqual(['detections', 'tracked-numbers']);
  });
});
