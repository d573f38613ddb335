import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CARRIER_WEB_PROVIDERS,
  CARRIER_WEB_SETTINGS_KEY,
  type CarrierWebSettings,
  parseCarrierWebSettings,
} from '@/utils/carrier-web/index';
import {
  CARRIER_WEB_OPTIONAL_ORIGINS,
  CARRIER_WEB_ORIGINS,
  CARRIER_WEB_PERMISSIONS,
} from '@/utils/carrier-web/origins';
import { errorWords } from '@/utils/i18n/error-words';
import { moveLegacyProviderKeys, PROVIDER_KEYS_CHANGED_KEY } from '@/utils/keys/provider-key-store';
import { CARRIER_WEB_PROVIDER_IDS, type CarrierWebProviderId } from '@/utils/providers/types';
import type { Settings } from '@/utils/settings';
import {
  type CredentialField,
  hasCredentials,
  maskSecret,
  PROVIDERS,
  type ProviderInfo,
  type ProviderKeys,
} from '@/utils/view/providers';
import { useOptionsServices } from './options-services';

const FIELD_KEYS = {
  apiKey: 'fieldApiKey',
  clientId: 'fieldClientId',
  clientSecret: 'fieldClientSecret',
} as const;

/**
 * Bring-your-own-key status providers. Enabling one asks the browser for access to that provider's host only (an
 * optional permission, requested from the click itself); keys are saved under their own storage key, shown masked,
 * and can be forgotten.
 */
export function ProviderSettings({
  settings,
  update,
}: {
  settings: Settings;
  update: (patch: Partial<Settings>) => Promise<void>;
}) {
  const { t, storage, keys: keyStore } = useOptionsServices();
  const [keys, setKeys] = useState<ProviderKeys>({});

  useEffect(() => {
    // Keys an older version left in storage.local are moved first, so the form shows them and they leave there.
    void moveLegacyProviderKeys(storage, keyStore)
      .then(() => keyStore.load())
      .then(setKeys);
  }, [storage, keyStore]);

  const saveKeys = async (next: ProviderKeys) => {
    await keyStore.save(next);
    // Only a time stamp goes to storage.local: the background clears provider pauses when it changes.
    await storage.set({ [PROVIDER_KEYS_CHANGED_KEY]: Date.now() });
    setKeys(next);
  };

  return (
    <section class="card" aria-labelledby="providers-title">
      <h2 id="providers-title">{t('providersTitle')}</h2>
      <p class="muted">{t('providersHelp')}</p>
      <ul class="providers">
        {PROVIDERS.map((info) => (
          <ProviderRow
            key={info.id}
            info={info}
            enabled={settings.providers.includes(info.id)}
            keys={keys}
            settings={settings}
            update={update}
            saveKeys={saveKeys}
          />
        ))}
      </ul>
      <CarrierWebSettingsList />
    </section>
  );
}

const CARRIER_WEB_HELP = {
  'canadapost-web': 'carrierWebCanadaPostHelp',
  'ups-web': 'carrierWebUpsHelp',
  'dhlpaket-web': 'carrierWebDhlPaketHelp',
  'ontrac-web': 'carrierWebOntracHelp',
} as const;

/**
 * The carriers' own tracking, asked without a key (utils/carrier-web), one switch per carrier. Turning one on asks,
 * from the click, for what it needs beyond the sites Doorstep already reads (UPS: its API host and `cookies`, to
 * use the session UPS's own page sets); turning it off stops the background checks at once.
 */
function CarrierWebSettingsList() {
  const { t, storage, permissions } = useOptionsServices();
  const [choice, setChoice] = useState<CarrierWebSettings>(parseCarrierWebSettings(undefined));
  const [message, setMessage] = useState<{ id: CarrierWebProviderId; text: string } | undefined>(undefined);

  useEffect(() => {
    void storage
      .get(CARRIER_WEB_SETTINGS_KEY)
      .then((stored) => setChoice(parseCarrierWebSettings(stored[CARRIER_WEB_SETTINGS_KEY])));
  }, [storage]);

  // The latest choice, not the one of the render a click came from: two switches flipped in quick succession
  // (or one while the other's permission prompt is open) must not undo each other.
  const latest = useRef(choice);
  latest.current = choice;
  const save = async (id: CarrierWebProviderId, on: boolean) => {
    const next = { ...latest.current, [id]: on };
    latest.current = next;
    await storage.set({ [CARRIER_WEB_SETTINGS_KEY]: next });
    setChoice(next);
  };
  const extraOrigins = (id: CarrierWebProviderId) =>
    CARRIER_WEB_ORIGINS[id].filter((origin) => CARRIER_WEB_OPTIONAL_ORIGINS.includes(origin));

  const toggle = (id: CarrierWebProviderId, on: boolean) => {
    setMessage(undefined);
    const origins = extraOrigins(id);
    const apiPermissions: string[] = [...CARRIER_WEB_PERMISSIONS[id]];
    if (!on || (origins.length === 0 && apiPermissions.length === 0)) {
      void save(id, on);
      return;
    }
    // First thing the click does: browsers show the permission prompt only for a user gesture.
    permissions.request(origins, apiPermissions).then(
      async (ok) => {
        if (!ok) {
          setMessage({ id, text: t('carrierWebPermissionDenied', CARRIER_WEB_PROVIDERS[id].name) });
          return;
        }
        await save(id, on);
      },
      () => setMessage({ id, text: t('actionFailed', errorWords({ code: 'internal' }, t)) }),
    );
  };

  return (
    <div class="carrier-web">
      <h3>{t('carrierWebTitle')}</h3>
      <p class="muted">{t('carrierWebHelp')}</p>
      <ul class="providers">
        {CARRIER_WEB_PROVIDER_IDS.map((id) => (
          <li class="provider" data-carrier-web={id} key={id}>
            <label class="check">
              <input
                type="checkbox"
                checked={choice[id]}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
              />
              <span>
                <strong>{CARRIER_WEB_PROVIDERS[id].name}</strong>
                <small class="muted">{t(CARRIER_WEB_HELP[id])}</small>
              </span>
            </label>
            {message?.id === id && (
              <p class="field-error" role="alert">
                {message.text}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProviderRow({
  info,
  enabled,
  keys,
  settings,
  update,
  saveKeys,
}: {
  info: ProviderInfo;
  enabled: boolean;
  keys: ProviderKeys;
  settings: Settings;
  update: (patch: Partial<Settings>) => Promise<void>;
  saveKeys: (next: ProviderKeys) => Promise<void>;
}) {
  const { t, permissions, openUrl } = useOptionsServices();
  const [draft, setDraft] = useState<Partial<Record<CredentialField, string>>>({});
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>(undefined);
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const stored = keys[info.id] ?? {};

  useEffect(() => {
    if (enabled) void permissions.contains([info.origin]).then(setGranted, () => setGranted(false));
  }, [enabled, info.origin, permissions]);

  const toggle = (on: boolean) => {
    if (!on) {
      void update({ providers: settings.providers.filter((id) => id !== info.id) });
      void permissions.remove([info.origin]).catch(() => false);
      setMessage(undefined);
      return;
    }
    // Must be the first thing the click does: browsers only show the permission prompt for a user gesture.
    permissions.request([info.origin]).then(
      async (ok) => {
        setGranted(ok);
        if (!ok) {
          setMessage({ text: t('permissionDenied', info.name), error: true });
          return;
        }
        await update({ providers: [...settings.providers.filter((id) => id !== info.id), info.id] });
        setMessage(undefined);
      },
      () => setMessage({ text: t('actionFailed', errorWords({ code: 'internal' }, t)), error: true }),
    );
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const next = { ...stored };
    for (const field of info.fields) {
      const value = draft[field]?.trim();
      if (value) next[field] = value;
    }
    const all = { ...keys, [info.id]: next };
    if (!hasCredentials(info, all)) {
      setMessage({ text: t('keyIncomplete'), error: true });
      return;
    }
    await saveKeys(all);
    setDraft({});
    setMessage({ text: t('keySaved') });
  };

  const forget = async () => {
    const { [info.id]: _dropped, ...rest } = keys;
    await saveKeys(rest);
    setMessage({ text: t('keyForgotten') });
  };

  const ready = hasCredentials(info, keys);
  return (
    <li class="provider" data-provider={info.id}>
      <div class="provider-head">
        <label class="check">
          <input type="checkbox" checked={enabled} onChange={(e) => toggle(e.currentTarget.checked)} />
          <span>
            <strong>{info.name}</strong>
            <small class="muted">{info.origin.replace('/*', '')}</small>
          </span>
        </label>
        <button type="button" class="link-button" onClick={() => openUrl(info.signupUrl)}>
          {t('getKey')}
        </button>
      </div>
      {enabled && (
        <form class="provider-keys" onSubmit={save}>
          {info.fields.map((field) => (
            <div class="field" key={field}>
              <label for={`${info.id}-${field}`}>{t(FIELD_KEYS[field])}</label>
              <input
                id={`${info.id}-${field}`}
                type="password"
                autoComplete="off"
                spellcheck={false}
                maxLength={512}
                value={draft[field] ?? ''}
                placeholder={stored[field] ? maskSecret(stored[field]) : t('keyNotSet')}
                onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
              />
            </div>
          ))}
          <div class="inline">
            <button type="submit">{t('saveKey')}</button>
            {ready && (
              <button type="button" onClick={forget}>
                {t('forgetKey')}
              </button>
            )}
          </div>
          {!ready && <p class="field-error">{t('keyNeeded', info.name)}</p>}
          {granted === false && (
            <p class="field-error">{t('permissionMissing', info.origin.replace('/*', ''))}</p>
          )}
        </form>
      )}
      {message && (
        <p class={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </li>
  );
}
