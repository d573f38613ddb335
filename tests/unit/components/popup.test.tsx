import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { type Services, ServicesContext } from '../../../components/services';
import type { HandlerReply } from '../../../utils/background/message-handler';
import type { Message } from '../../../utils/messages';
import { asMessageClient } from '../../../utils/messaging/client';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';
import { identifyTrackingNumber, trackingUrlFor } from '../../../utils/tracking';
import { translatorFor } from './catalog';
import { flush, must, renderInDom, type TestDom, waitFor } from './dom';
import { sixPackages, threePackages } from './fixtures';

/** Intl puts thin and narrow no-break spaces in dates and times; compare with plain spaces. */
const spaced = (text: string | null | undefined) => text?.replace(/\s/g, ' ');

const NOW = new Date(2025, 10, 26, 9, 30); // Wed, Nov 26 2025, local time

/** A fake background: records every message and applies the ones the tests rely on to the database. */
function fakeBackground(
  db: DoorstepDatabase,
  overrides: Partial<Record<Message['type'], HandlerReply>> = {},
) {
  const sent: Message[] = [];
  const send = async (message: Message): Promise<HandlerReply> => {
    sent.push(message);
    const override = overrides[message.type];
    if (override) return override;
    switch (message.type) {
      case 'delete': {
        const record = await db.packages.get(message.id);
        await db.packages.delete(message.id);
        return record ? { ok: true, record } : { ok: false, code: 'not-found', detail: 'no such package' };
      }
      case 'restore':
        await db.packages.put(message.record as PackageRecord);
        return { ok: true };
      case 'update-package':
        await db.packages.update(message.id, { label: message.label || undefined });
        return { ok: true };
      case 'archive':
        await db.packages.update(message.id, { archivedAt: message.archived ? NOW.getTime() : undefined });
        return { ok: true };
      default:
        return { ok: false, code: 'internal', detail: 'not handled by the fake' };
    }
  };
  return { sent, send };
}

describe('popup App', () => {
  let db: DoorstepDatabase;
  let dom: TestDom | undefined;
  let opened: string[];

  function mount(send: (message: Message) => Promise<HandlerReply>, lang = 'en', locale = 'en-US'): TestDom {
    const services: Services = {
      db,
      send: asMessageClient(send),
      identify: identifyTrackingNumber,
      carrierUrl: (carrier, number) =>
        trackingUrlFor(carrier as Parameters<typeof trackingUrlFor>[0], number),
      openUrl: (url) => opened.push(url),
      openOptions: () => opened.push('options'),
      copyText: async () => undefined,
      scanPage: async () => ({ ok: true, found: 2 }),
      loadSettings: async () => DEFAULT_SETTINGS,
      t: translatorFor(lang),
      locale,
      now: () => NOW,
    };
    dom = renderInDom(
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>,
    );
    return dom;
  }

  beforeEach(() => {
    db = new DoorstepDatabase(`popup-test-${Math.random()}`);
    opened = [];
  });
  afterEach(async () => {
    dom?.cleanup();
    dom = undefined;
    await db.delete();
  });

  it('explains Doorstep on first run and offers to add a number', async () => {
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.text('.first-run h2')).toBe('Every parcel, in one place'));
    ui.click('.first-run button.primary');
    await waitFor(() => expect(ui.$('#add-input')).not.toBeNull());
  });

  it('groups packages into sections with estimates, freshness and problems in words', async () => {
    await db.packages.bulkPut(sixPackages(NOW));
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(6));
    expect(ui.$$('section h2').map((h) => h.textContent?.replace(/\d+.*$/, '').trim())).toEqual([
      'Out for delivery',
      'Problems',
      'On the way',
      'Delivered',
    ]);
    const headphones = ui.$('li[data-id="pkg-headphones"]');
    expect(spaced(headphones?.querySelector('.row-eta')?.textContent)).toBe('Today by 8 PM');
    expect(spaced(headphones?.querySelector('.row-meta')?.textContent)).toBe('Checked 6 min. ago');
    const lamp = ui.$('li[data-id="pkg-lamp"]');
    expect(lamp?.closest('section')?.className).toContain('section-problems');
    expect(lamp?.querySelector('.row-meta')?.textContent).toContain('last refresh failed');
    expect(ui.$('li[data-id="pkg-case"] .row-status strong')?.textContent).toBe('No update for 8 days');
    expect(spaced(ui.$('li[data-id="pkg-shoes"] .row-eta')?.textContent)).toBe('Nov 28 – 30');
  });

  it('is live: a package written to the database while the popup is open appears without reload', async () => {
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.$('.first-run')).not.toBeNull());
    await db.packages.bulkPut(threePackages(NOW));
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    await db.packages.delete('pkg-kindle');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(2));
  });

  it('searches every field and translated words, and filters by section or archive', async () => {
    await db.packages.bulkPut([
      ...sixPackages(NOW),
      { ...must(threePackages(NOW)[0]), id: 'old', number: 'ARCH123456', archivedAt: 1 },
    ]);
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(6));
    ui.type('input[type="search"]', 'fedex');
    await waitFor(() => expect(ui.$$('li.package').map((li) => li.dataset.id)).toEqual(['pkg-lamp']));
    ui.type('input[type="search"]', '9400 1112');
    await waitFor(() => expect(ui.$$('li.package').map((li) => li.dataset.id)).toEqual(['pkg-shoes']));
    ui.type('input[type="search"]', 'out for delivery');
    await waitFor(() => expect(ui.$$('li.package').map((li) => li.dataset.id)).toEqual(['pkg-headphones']));
    ui.type('input[type="search"]', 'zzz');
    await waitFor(() => expect(ui.text('.empty')).toBe('No packages match “zzz”.'));
    ui.type('input[type="search"]', '');
    ui.type('select', 'archive');
    await waitFor(() => expect(ui.$$('li.package').map((li) => li.dataset.id)).toEqual(['old']));
    ui.type('select', 'problems');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(2));
  });

  it('renders page text as text, never as markup, and opens only http(s) links', async () => {
    const hostile: PackageRecord = {
      ...must(threePackages(NOW)[0]),
      label: '<img src=x onerror=alert(1)>',
      trackUrl: 'javascript:alert(1)',
      events: [
        { at: NOW.getTime(), status: 'in_transit', description: '<b>bold</b> & <script>x()</script>' },
      ],
    };
    await db.packages.put(hostile);
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(1));
    expect(ui.$('img')).toBeNull();
    expect(ui.text('.row-title')).toBe('<img src=x onerror=alert(1)>');
    ui.click('li.package button');
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    expect(ui.$('.timeline script')).toBeNull();
    expect(ui.text('.event-text')).toBe('<b>bold</b> & <script>x()</script>');
    ui.click('.details .actions button.primary');
    // The javascript: URL is ignored; the carrier's own page for the number is opened instead.
    expect(opened).toEqual(['https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784']);
  });

  it('deletes with undo: the deleted record is sent back with restore', async () => {
    await db.packages.bulkPut(threePackages(NOW));
    const background = fakeBackground(db);
    const ui = mount(background.send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    ui.click('li[data-id="pkg-shoes"] button');
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    ui.click('.details button.danger');
    await waitFor(() => expect(ui.text('.notice span')).toBe('Deleted “Tree Runners — Size 10”.'));
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(2));
    ui.click('.notice .link-button');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    const restore = background.sent.find((m) => m.type === 'restore');
    expect(restore?.type === 'restore' && restore.record.id).toBe('pkg-shoes');
    expect(restore?.type === 'restore' && restore.record.events).toHaveLength(2);
  });

  it('shows a failed refresh honestly, with the reason from the background', async () => {
    await db.packages.bulkPut(threePackages(NOW));
    const background = fakeBackground(db, {
      refresh: { ok: false, code: 'unavailable', refreshError: 'code:no_provider;;' },
    });
    const ui = mount(background.send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    ui.click('li[data-id="pkg-headphones"] button');
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    const refresh = ui.$$('.details .actions button').find((b) => b.textContent?.includes('Refresh now'));
    ui.click(must(refresh));
    await waitFor(() =>
      expect(ui.text('.notice span')).toBe(
        'Could not refresh: No status source can refresh this package: add a tracking service in the options',
      ),
    );
    expect(background.sent.at(-1)).toEqual({ type: 'refresh', ids: ['pkg-headphones'] });
    expect(ui.$('.notice')?.className).toContain('notice-error');
  });

  it('renames through update-package and the list shows the new name', async () => {
    await db.packages.bulkPut(threePackages(NOW));
    const background = fakeBackground(db);
    const ui = mount(background.send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    ui.click('li[data-id="pkg-kindle"] button');
    await waitFor(() => expect(ui.$('#label-input')).not.toBeNull());
    ui.type('#label-input', 'E-reader for Mum');
    await flush();
    ui.$('#label-input')
      ?.closest('form')
      ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => expect(ui.text('#details-title')).toBe('E-reader for Mum'));
    expect(background.sent).toContainEqual({
      type: 'update-package',
      id: 'pkg-kindle',
      label: 'E-reader for Mum',
    });
  });

  it('identifies carriers while typing, flags what is not a number, and sends the pasted text', async () => {
    const background = fakeBackground(db, {
      'add-numbers': {
        ok: false,
        code: 'not-tracking-number',
        detail: 'some input is not a tracking number',
        added: [
          { input: '1Z999AA10123456784', number: '1Z999AA10123456784', carrier: 'ups', id: 'a' },
          { input: '9400111206206406260787', number: '9400111206206406260787', carrier: 'usps', id: 'b' },
          { input: 'hello', error: 'not-tracking-number' },
        ],
      },
    });
    const ui = mount(background.send);
    await waitFor(() => expect(ui.$('.first-run')).not.toBeNull());
    ui.click('.header-actions button[aria-label="Add tracking numbers"]');
    await waitFor(() => expect(ui.$('#add-input')).not.toBeNull());
    ui.type('#add-input', '1Z999AA10123456784, 9400111206206406260787\nhello');
    await flush();
    await waitFor(() =>
      expect(ui.$$('.preview-ok').map((li) => li.dataset.carrier)).toEqual(['ups', 'usps']),
    );
    expect(ui.text('.preview-bad')).toBe('“hello” is not a valid tracking number.');
    expect(ui.text('.add button.primary')).toBe('Track 2 packages');
    ui.$('form.add')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => expect(ui.text('.notice span')).toBe('Added: 2. Not added: 1 (left in the box).'));
    expect(background.sent).toEqual([
      { type: 'add-numbers', input: '1Z999AA10123456784, 9400111206206406260787\nhello' },
    ]);
    expect((ui.$('#add-input') as HTMLTextAreaElement).value).toBe('hello');
    expect(ui.text('.preview-bad')).toBe('“hello” was not added: not a tracking number.');
    // After a partial add the cursor is back in the box, on what is left.
    expect(ui.document.activeElement?.id).toBe('add-input');

    // The same number in two spellings is one parcel; a wrong last digit is named as a typo.
    ui.type('#add-input', '1Z999AA10123456784\n1z 999 aa1 0123 4567 84\n1Z999AA10123456785');
    await waitFor(() => expect(ui.text('.add button.primary')).toBe('Track package'));
    expect(ui.$$('.preview-duplicate')).toHaveLength(1);
    expect(ui.text('.preview-bad')).toBe('“1Z999AA10123456785”: check digit does not match: typo?');
  });

  it('moves focus through rows with the arrow keys and closes details with Escape', async () => {
    await db.packages.bulkPut(threePackages(NOW));
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    const rows = ui.$$('[data-row]');
    ui.key('input[type="search"]', 'ArrowDown');
    expect(ui.document.activeElement).toBe(rows[0]);
    ui.key(must(rows[0]), 'ArrowDown');
    expect(ui.document.activeElement).toBe(rows[1]);
    ui.key(must(rows[1]), 'End');
    expect(ui.document.activeElement).toBe(rows[2]);
    ui.key(must(rows[2]), 'ArrowUp');
    expect(ui.document.activeElement).toBe(rows[1]);
    ui.click(must(rows[1]));
    await waitFor(() => expect(ui.$('.details')).not.toBeNull());
    ui.key('.details', 'Escape');
    await waitFor(() => expect(ui.$('.details')).toBeNull());
  });

  it('speaks German when the browser does', async () => {
    await db.packages.bulkPut(threePackages(NOW));
    const ui = mount(fakeBackground(db).send, 'de', 'de-DE');
    await waitFor(() => expect(ui.$$('li.package')).toHaveLength(3));
    expect(ui.$$('section h2').map((h) => h.textContent?.replace(/\d+.*$/, '').trim())).toEqual([
      'In Zustellung',
      'Unterwegs',
    ]);
    expect(ui.$('li[data-id="pkg-headphones"] .row-eta')?.textContent).toBe('Heute bis 20 Uhr');
    expect(ui.$('li[data-id="pkg-kindle"] .row-eta')?.textContent).toBe('Morgen');
  });

  it('reports what "Scan this page" found', async () => {
    const ui = mount(fakeBackground(db).send);
    await waitFor(() => expect(ui.$('.first-run')).not.toBeNull());
    ui.click('.header-actions button[aria-label="Scan this page"]');
    await waitFor(() => expect(ui.text('.notice span')).toBe('Tracking numbers found on this page: 2'));
  });
});
