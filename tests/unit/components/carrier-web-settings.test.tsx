import { afterEach, describe, expect, it } from 'vitest';
import type { OptionsServices } from '../../../components/options-services';
import { OptionsServicesContext } from '../../../components/options-services';
import { ProviderSettings } from '../../../components/ProviderSettings';
import { CARRIER_WEB_SETTINGS_KEY } from '../../../utils/carrier-web/index';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import type { DoorstepDatabase } from '../../../utils/store/db';
import { translatorFor } from './catalog';
import { renderInDom, type TestDom, waitFor } from './dom';
import { clickCheckbox, installFormControls } from './form-controls';

/** The per-carrier switches for keyless checks: saved under their own key, UPS asks for its access from the click. */

let ui: TestDom | undefined;
afterEach(() => ui?.cleanup());

function mount(answer: boolean) {
  installFormControls();
  const data = new Map<string, unknown>();
  const requests: { origins: string[]; apiPermissions?: string[] }[] = [];
  const services = {
    db: undefined as unknown as DoorstepDatabase,
    send: async () => ({ ok: true }),
    storage: {
      get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      },
      remove: async () => undefined,
    },
    keys: { load: async () => ({}), save: async () => undefined },
    clearSynced: async () => undefined,
    permissions: {
      request: async (origins: string[], apiPermissions?: string[]) => {
        requests.push({ origins, ...(apiPermissions && { apiPermissions }) });
        return answer;
      },
      contains: async () => false,
      remove: async () => true,
    },
    download: () => undefined,
    openUrl: () => undefined,
    t: translatorFor('en'),
    locale: 'en-US',
    now: () => new Date(),
  } satisfies OptionsServices;
  ui = renderInDom(
    <OptionsServicesContext.Provider value={services}>
      <ProviderSettings settings={DEFAULT_SETTINGS} update={async () => undefined} />
    </OptionsServicesContext.Provider>,
  );
  const box = (id: string) => ui?.$(`[data-carrier-web="${id}"] input[type="checkbox"]`) as HTMLInputElement;
  return { data, requests, box, ui };
}

describe('keyless carrier switches', () => {
  it('shows Canada Post on and the others off by default; turning Canada Post off needs no prompt', async () => {
    const m = mount(true);
    await waitFor(() => expect(m.box('canadapost-web').checked).toBe(true));
    expect(m.box('ups-web').checked).toBe(false);
    expect(m.box('dhlpaket-web').checked).toBe(false);
    expect(m.box('ontrac-web').checked).toBe(false);
    expect(m.ui.text('.carrier-web')).toContain('Only the tracking number is sent, only to that carrier');
    clickCheckbox(m.box('canadapost-web'));
    await waitFor(() =>
      expect(m.data.get(CARRIER_WEB_SETTINGS_KEY)).toEqual({
        'canadapost-web': false,
        'ups-web': false,
        'dhlpaket-web': false,
        'ontrac-web': false,
      }),
    );
    expect(m.requests).toEqual([]);
  });

  it('turns DHL Paket on without a prompt (dhl.de is already a Doorstep site) and asks only for OnTrac’s host', async () => {
    const m = mount(true);
    await waitFor(() => expect(m.box('dhlpaket-web')).toBeTruthy());
    clickCheckbox(m.box('dhlpaket-web'));
    await waitFor(() => expect(m.data.get(CARRIER_WEB_SETTINGS_KEY)).toMatchObject({ 'dhlpaket-web': true }));
    expect(m.requests).toEqual([]);
    clickCheckbox(m.box('ontrac-web'));
    await waitFor(() =>
      expect(m.data.get(CARRIER_WEB_SETTINGS_KEY)).toMatchObject({
        'dhlpaket-web': true,
        'ontrac-web': true,
      }),
    );
    expect(m.requests).toEqual([{ origins: ['https://webtrack.ontrac.com/*'], apiPermissions: [] }]);
    expect(m.ui.text('[data-carrier-web="ontrac-web"]')).toContain('webtrack.ontrac.com');
  });

  it('asks for UPS’s API host and cookies when UPS is turned on, and stays off when refused', async () => {
    const refused = mount(false);
    await waitFor(() => expect(refused.box('ups-web')).toBeTruthy());
    clickCheckbox(refused.box('ups-web'));
    await waitFor(() => expect(refused.ui.text('[role="alert"]')).toContain('Not turned on: UPS needs'));
    expect(refused.requests).toEqual([
      { origins: ['https://webapis.ups.com/*'], apiPermissions: ['cookies'] },
    ]);
    expect(refused.data.has(CARRIER_WEB_SETTINGS_KEY)).toBe(false);
    refused.ui.cleanup();

    const granted = mount(true);
    await waitFor(() => expect(granted.box('ups-web')).toBeTruthy());
    clickCheckbox(granted.box('ups-web'));
    await waitFor(() =>
      expect(granted.data.get(CARRIER_WEB_SETTINGS_KEY)).toMatchObject({
        'canadapost-web': true,
        'ups-web': true,
      }),
    );
  });
});
