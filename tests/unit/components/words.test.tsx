import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { type Services, ServicesContext } from '../../../components/services';
import type { HandlerReply } from '../../../utils/background/message-handler';
import { asMessageClient } from '../../../utils/messaging/client';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';
import { identifyTrackingNumber, trackingUrlFor } from '../../../utils/tracking';
import { loadCatalog, translatorFor } from './catalog';
import { must, renderInDom, type TestDom, waitFor } from './dom';

const NOW = new Date(2026, 11, 7, 12, 0);
const DAY = 86_400_000;
const spaced = (text: string | null | undefined) => text?.replace(/\s/g, ' ').trim();

const base = (over: Partial<PackageRecord>): PackageRecord => ({
  id: 'p',
  itemTitles: [],
  status: 'in_transit',
  events: [],
  sources: [{ kind: 'webmail', seenAt: NOW.getTime() - DAY }],
  createdAt: NOW.getTime() - DAY,
  updatedAt: NOW.getTime(),
  ...over,
});

/** What the screen says, word for word, for the cases users reported as untrue or garbled. */
describe('the popup’s words', () => {
  let db: DoorstepDatabase;
  let dom: TestDom | undefined;
  beforeEach(() => {
    db = new DoorstepDatabase(`words-${Math.random()}`);
  });
  afterEach(async () => {
    dom?.cleanup();
    dom = undefined;
    await db.delete();
  });

  function mount(lang: string, replies: Partial<Record<string, HandlerReply>> = {}, scanError?: string) {
    const services: Services = {
      db,
      send: asMessageClient(async (message) => replies[message.type] ?? { ok: true }),
      identify: identifyTrackingNumber,
      carrierUrl: (carrier, number) =>
        trackingUrlFor(carrier as Parameters<typeof trackingUrlFor>[0], number),
      openUrl: () => undefined,
      openOptions: () => undefined,
      copyText: async () => undefined,
      scanPage: async () => (scanError ? { ok: false, error: scanError } : { ok: true, found: 0 }),
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

  it('names Amazon once, does not repeat the status, and says how fresh the status really is', async () => {
    await db.packages.bulkPut([
      base({
        id: 'amazon',
        merchant: 'Amazon',
        carrier: 'amazon',
        number: 'TBA123456789012',
        status: 'out_for_delivery',
        statusText: 'Out For Delivery Today',
        statusAt: NOW.getTime() - 3_600_000,
        sources: [{ kind: 'amazon', seenAt: NOW.getTime() - 3_600_000 }],
      }),
      base({
        id: 'typed',
        number: 'LX123456785CN',
        status: 'unknown',
        createdAt: NOW.getTime() - 9 * DAY,
        sources: [{ kind: 'manual', seenAt: NOW.getTime() - 9 * DAY }],
      }),
      base({
        id: 'quiet',
        number: '1Z999AA10123456784',
        carrier: 'ups',
        statusAt: NOW.getTime() - 3 * DAY,
        events: [{ at: NOW.getTime() - 3 * DAY, status: 'in_transit', description: 'Departed facility' }],
      }),
    ]);
    const ui = mount('en');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    const row = must(ui.$('li[data-id="amazon"]'));
    expect(row.querySelector('.row-sub')?.textContent).toBe('Amazon');
    expect(spaced(row.querySelector('.row-status')?.textContent)).toBe('Out for delivery');
    expect(spaced(row.querySelector('.row-meta')?.textContent)).toBe('Last news 1 hr. ago');
    // A number typed by hand that nothing checked: never "Updated now", never "No update for 9 days".
    const typed = must(ui.$('li[data-id="typed"]'));
    expect(typed.closest('section')?.className).toContain('section-on_the_way');
    expect(spaced(typed.querySelector('.row-meta')?.textContent)).toBe('Not checked with the carrier yet');
    expect(spaced(ui.$('li[data-id="quiet"] .row-meta')?.textContent)).toBe('Last carrier event 3 days ago');
    ui.click(must(row.querySelector('button')));
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    expect(ui.$('.details-summary .muted')?.textContent?.startsWith('Amazon')).toBe(true);
    expect(ui.$('.details-summary .muted')?.textContent).not.toContain('Amazon · Amazon');
  });

  it('shows a delivery day without a time the page never gave', async () => {
    // Read from "Delivered December 1": noon sharp, the page readers' mark for "no time given".
    const noon = new Date(2026, 11, 1, 12, 0).getTime();
    await db.packages.put(base({ id: 'd', status: 'delivered', deliveredAt: noon, statusAt: noon }));
    const ui = mount('en');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(1));
    ui.click(must(ui.$('li[data-id="d"] button')));
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    const delivered = ui.$$('.details-summary p').find((p) => p.querySelector('strong'));
    expect(spaced(delivered?.textContent)).toBe('Delivered Dec 1');
  });

  it('says "cannot be scanned" once', async () => {
    await db.packages.put(base({ id: 'x', number: '1Z999AA10123456784' }));
    const ui = mount('en', {}, 'This page cannot be scanned.');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(1));
    ui.click(must(ui.$('.header-actions button')));
    await waitFor(() => expect(ui.text('.notice span')).toBe('This page cannot be scanned.'));
  });

  it('shows refresh failures in German, old English records and background replies alike', async () => {
    await db.packages.put(
      base({
        id: 'e',
        number: '1Z999AA10123456784',
        carrier: 'ups',
        lastCheckedAt: NOW.getTime() - 3_600_000,
        lastError: 'UPS asked for a check in the browser: open its tracking page',
      }),
    );
    const ui = mount('de', {
      refresh: {
        ok: false,
        code: 'unavailable',
        refreshError: 'code:no_provider;;',
      },
    });
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(1));
    ui.click(must(ui.$('li[data-id="e"] button')));
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    expect(spaced(ui.text('.freshness'))).toBe(
      'Geprüft vor 1 Std. · Letzte Aktualisierung fehlgeschlagen: UPS verlangt eine Prüfung im Browser: bitte die Sendungsverfolgung öffnen',
    );
    const refresh = ui
      .$$('.details .actions button')
      .find((b) => b.textContent?.includes('Jetzt aktualisieren'));
    ui.click(must(refresh));
    await waitFor(() => expect(ui.text('.notice span')).toContain('Aktualisierung fehlgeschlagen'));
    expect(ui.text('.notice span')).toBe(
      'Aktualisierung fehlgeschlagen: Keine Quelle kann dieses Paket aktualisieren: bitte einen Dienst in den Einstellungen hinzufügen',
    );
    // Nothing of the English catalog on the German screen.
    const screen = spaced(ui.container.textContent) ?? '';
    for (const entry of Object.values(loadCatalog('en'))) {
      for (const fragment of entry.message.split(/\$[A-Za-z0-9_]+\$|[:;·()]/)) {
        const words = fragment.trim();
        if (words.split(/\s+/).length >= 2) expect(screen).not.toContain(words);
      }
    }
  });
});
