import { afterEach, describe, expect, it } from 'vitest';
import { CheckNowButton, checkFailureWords } from '../../../components/CheckNowButton';
import type { Notice } from '../../../components/PackageDetails';
import { type Services, ServicesContext } from '../../../components/services';
import type { HandlerReply } from '../../../utils/background/message-handler';
import { CHECK_FAILURES } from '../../../utils/carrier-web/check-now';
import type { Message } from '../../../utils/messages';
import type { PackageRecord } from '../../../utils/store/types';
import { translatorFor } from './catalog';
import { renderInDom, type TestDom, waitFor } from './dom';

/** The popup's "check on the carrier's page": shown only where it applies, sends one message, says how it went. */

const FEDEX: PackageRecord = {
  id: 'pkg-fedex',
  number: '449044304137821',
  carrier: 'fedex',
  itemTitles: [],
  status: 'in_transit',
  statusAt: 1,
  events: [],
  sources: [],
  createdAt: 1,
  updatedAt: 1,
};

let dom: TestDom | undefined;
afterEach(() => {
  dom?.cleanup();
  dom = undefined;
});

function mount(pkg: PackageRecord, reply: () => Promise<HandlerReply>) {
  const sent: Message[] = [];
  const notices: Notice[] = [];
  const services = {
    send: async (message: Message) => {
      sent.push(message);
      return reply();
    },
    t: translatorFor('en'),
  } as unknown as Services;
  dom = renderInDom(
    <ServicesContext.Provider value={services}>
      <CheckNowButton pkg={pkg} notify={(n) => notices.push(n)} />
    </ServicesContext.Provider>,
  );
  return { ui: dom, sent, notices };
}

describe('CheckNowButton', () => {
  it('asks the background to check the package on the carrier’s page, and says when it did', async () => {
    let release: (reply: HandlerReply) => void = () => undefined;
    const m = mount(FEDEX, () => new Promise((resolve) => (release = resolve)));
    const button = m.ui.$('button.check-now') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Check on the carrier’s page');
    expect(button.getAttribute('title')).toContain('FedEx guards its tracking with a bot check');
    m.ui.click(button);
    await waitFor(() => expect(m.ui.text('button.check-now').trim()).toBe('Checking on the carrier’s page…'));
    expect((m.ui.$('button.check-now') as HTMLButtonElement).disabled).toBe(true);
    expect(m.sent).toEqual([{ type: 'check-carrier-page', id: 'pkg-fedex' }]);
    release({ ok: true, ids: ['pkg-fedex'] });
    await waitFor(() => expect(m.notices).toEqual([{ text: 'Checked on the carrier’s page' }]));
    expect((m.ui.$('button.check-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why in the UI language when the page showed nothing, and never shows a reply it does not know', async () => {
    const m = mount(FEDEX, async () => ({ ok: false, code: 'unavailable', checkFailure: 'not_shown' }));
    m.ui.click('button.check-now');
    await waitFor(() =>
      expect(m.notices).toEqual([
        {
          text: 'Not checked: the carrier’s page did not show this package; open it yourself to check',
          tone: 'error',
        },
      ]),
    );
    m.ui.cleanup();
    const raw = mount(FEDEX, async () => ({
      ok: false,
      code: 'unavailable',
      detail: '<b>Error: ECONNRESET</b>',
    }));
    raw.ui.click('button.check-now');
    await waitFor(() =>
      expect(raw.notices).toEqual([{ text: 'Not checked: FedEx gave an unexpected answer', tone: 'error' }]),
    );
  });

  it('has words for every failure code in all four languages', () => {
    for (const lang of ['en', 'de', 'fr', 'es']) {
      const t = translatorFor(lang);
      const words = CHECK_FAILURES.map((code) => checkFailureWords(code, t, 'FedEx'));
      expect(new Set(words).size).toBe(CHECK_FAILURES.length);
      for (const text of words) expect(text).not.toMatch(/carrierWebCheckNowError|^$/);
      if (lang !== 'en')
        expect(words).not.toContain(checkFailureWords(CHECK_FAILURES[0], translatorFor('en'), 'FedEx'));
    }
  });

  it('is not there for carriers checked in the background, nor once delivered', () => {
    for (const pkg of [
      { ...FEDEX, carrier: 'ups' },
      { ...FEDEX, carrier: 'canada_post' },
      { ...FEDEX, status: 'delivered' as const },
    ]) {
      const m = mount(pkg, async () => ({ ok: true }));
      expect(m.ui.$('button.check-now')).toBeNull();
      m.ui.cleanup();
      dom = undefined;
    }
  });
});
