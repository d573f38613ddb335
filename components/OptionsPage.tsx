import { useEffect, useState } from 'preact/hooks';
import { ALL_SITES_ORIGINS } from '@/utils/background/all-sites';
import {
  DETECTION_MODES,
  type DetectionMode,
  loadSettings,
  type Settings,
  saveSettings,
} from '@/utils/settings';
import { normaliseSiteHost } from '@/utils/view/site-host';
import { DataSettings } from './DataSettings';
import { Icon } from './Icons';
import { useOptionsServices } from './options-services';
import { ProviderSettings } from './ProviderSettings';

const PAGE_KINDS = ['webmail', 'amazon', 'carrier', 'page'] as const;
const PAGE_KIND_KEYS = {
  webmail: 'kind_webmail',
  amazon: 'kind_amazon',
  carrier: 'kind_carrier',
  page: 'kind_page',
} as const;
const MODE_KEYS = { auto: 'mode_auto', ask: 'mode_ask', off: 'mode_off' } as const;
const REFRESH_CHOICES = [15, 30, 60, 120, 360, 720, 1440] as const;

/**
 * The options page. Every change is saved at once (through `saveSettings`, which validates and completes it) and
 * confirmed in a live region, so there is no "Save" button to forget.
 */
export function OptionsPage() {
  const services = useOptionsServices();
  const { t } = services;
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadSettings(services.storage).then(setSettings);
  }, [services]);

  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await saveSettings(services.storage, patch));
      setStatus(t('optionsSaved'));
    } catch (error) {
      setStatus(t('actionFailed', String(error)));
    }
  };

  return (
    <div class="options">
      <header class="options-header">
        <span class="logo" aria-hidden="true">
          <Icon name="box" size={22} />
        </span>
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="muted">{t('optionsIntro')}</p>
        </div>
      </header>
      <p class="save-status" role="status" aria-live="polite">
        {status}
      </p>
      {!settings ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <>
          <DetectionSettings settings={settings} update={update} />
          <NotificationSettings settings={settings} update={update} />
          <PackageSettings settings={settings} update={update} />
          <ProviderSettings settings={settings} update={update} />
          <section class="card" aria-labelledby="sync-title">
            <h2 id="sync-title">{t('syncTitle')}</h2>
            <label class="check">
              <input
                type="checkbox"
                checked={settings.sync}
                onChange={(e) => update({ sync: e.currentTarget.checked })}
              />
              <span>
                {t('syncLabel')}
                <small class="muted">{t('syncHelp')}</small>
              </span>
            </label>
          </section>
          <DataSettings synced={settings.sync} />
        </>
      )}
    </div>
  );
}

type SectionProps = { settings: Settings; update: (patch: Partial<Settings>) => Promise<void> };

function ModeSelect({
  value,
  onChange,
  label,
}: {
  value: DetectionMode;
  onChange: (m: DetectionMode) => void;
  label: string;
}) {
  const { t } = useOptionsServices();
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as DetectionMode)}
    >
      {DETECTION_MODES.map((mode) => (
        <option key={mode} value={mode}>
          {t(MODE_KEYS[mode])}
        </option>
      ))}
    </select>
  );
}

function DetectionSettings({ settings, update }: SectionProps) {
  const { t } = useOptionsServices();
  const [site, setSite] = useState('');
  const [siteMode, setSiteMode] = useState<DetectionMode>('off');
  const [siteError, setSiteError] = useState('');

  const addSite = (event: Event) => {
    event.preventDefault();
    const host = normaliseSiteHost(site);
    if (!host) {
      setSiteError(t('siteInvalid', site));
      return;
    }
    setSiteError('');
    setSite('');
    void update({ siteModes: { ...settings.siteModes, [host]: siteMode } });
  };
  const removeSite = (host: string) => {
    const { [host]: _removed, ...rest } = settings.siteModes;
    void update({ siteModes: rest });
  };

  return (
    <section class="card" aria-labelledby="detection-title">
      <h2 id="detection-title">{t('detectionTitle')}</h2>
      <p class="muted">{t('detectionHelp')}</p>
      <div class="grid">
        {PAGE_KINDS.map((kind) => (
          <div class="grid-row" key={kind}>
            <span>{t(PAGE_KIND_KEYS[kind])}</span>
            <ModeSelect
              label={t(PAGE_KIND_KEYS[kind])}
              value={settings.detection[kind]}
              onChange={(mode) => update({ detection: { ...settings.detection, [kind]: mode } })}
            />
          </div>
        ))}
      </div>
      <AllSitesPermission />
      <h3>{t('siteOverrides')}</h3>
      {Object.keys(settings.siteModes).length === 0 ? (
        <p class="muted">{t('siteOverridesEmpty')}</p>
      ) : (
        <ul class="site-list">
          {Object.entries(settings.siteModes)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([host, mode]) => (
              <li key={host} class="grid-row">
                <code>{host}</code>
                <span class="inline">
                  <ModeSelect
                    label={host}
                    value={mode}
                    onChange={(next) => update({ siteModes: { ...settings.siteModes, [host]: next } })}
                  />
                  <button type="button" onClick={() => removeSite(host)} aria-label={t('removeSite', host)}>
                    {t('remove')}
                  </button>
                </span>
              </li>
            ))}
        </ul>
      )}
      <form class="inline add-site" onSubmit={addSite}>
        <input
          type="text"
          value={site}
          placeholder="mail.example.com"
          aria-label={t('siteHost')}
          aria-invalid={siteError ? true : undefined}
          aria-describedby="site-error"
          onInput={(e) => setSite(e.currentTarget.value)}
        />
        <ModeSelect label={t('siteMode')} value={siteMode} onChange={setSiteMode} />
        <button type="submit">{t('addSite')}</button>
      </form>
      <p id="site-error" class="field-error" role={siteError ? 'alert' : undefined}>
        {siteError}
      </p>
    </section>
  );
}

/**
 * The optional "all sites" permission. Requested from the click itself (browsers require a user gesture); the
 * background registers or removes the content script when the permission changes, wherever it was changed.
 */
function AllSitesPermission() {
  const { t, permissions } = useOptionsServices();
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    permissions.contains(ALL_SITES_ORIGINS).then(setGranted, () => setGranted(false));
  }, [permissions]);

  const toggle = async (box: HTMLInputElement) => {
    const want = box.checked;
    // The box shows what the browser granted, not the click: put it back until the answer comes. A refusal leaves
    // `granted` unchanged, so no re-render would untick it otherwise.
    box.checked = granted === true;
    let ok = false;
    try {
      ok = want ? await permissions.request(ALL_SITES_ORIGINS) : await permissions.remove(ALL_SITES_ORIGINS);
    } catch {
      // A failed request is a refusal: nothing was granted.
    }
    setGranted(ok ? want : !want);
  };
  return (
    <label class="check all-sites">
      <input
        type="checkbox"
        id="all-sites"
        checked={granted === true}
        disabled={granted === undefined}
        onChange={(e) => void toggle(e.currentTarget)}
      />
      <span>
        {t('allSitesLabel')}
        <small class="muted">{t('allSitesHelp')}</small>
      </span>
    </label>
  );
}

function NotificationSettings({ settings, update }: SectionProps) {
  const { t } = useOptionsServices();
  const n = settings.notifications;
  const kinds = [
    ['outForDelivery', 'notifyOutForDelivery'],
    ['delivered', 'notifyDelivered'],
    ['problem', 'notifyProblem'],
    ['late', 'notifyLate'],
  ] as const;
  return (
    <section class="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notificationsTitle')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={n.enabled}
          onChange={(e) => update({ notifications: { ...n, enabled: e.currentTarget.checked } })}
        />
        <span>{t('notificationsEnabled')}</span>
      </label>
      <fieldset class="sub" disabled={!n.enabled}>
        <legend class="visually-hidden">{t('notificationsWhich')}</legend>
        {kinds.map(([field, key]) => (
          <label class="check" key={field}>
            <input
              type="checkbox"
              checked={n[field]}
              onChange={(e) => update({ notifications: { ...n, [field]: e.currentTarget.checked } })}
            />
            <span>{t(key)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function NumberField({
  id,
  label,
  help,
  value,
  min,
  max,
  onCommit,
}: {
  id: string;
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}) {
  const { t } = useOptionsServices();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState('');
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    // Number('') is 0: an emptied field is not a number (for auto-archive, 0 would silently mean "never").
    const n = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
      setError(t('numberRange', min, max));
      return;
    }
    setError('');
    if (n !== value) onCommit(n);
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={commit}
      />
      <small id={`${id}-help`} class={error ? 'field-error' : 'muted'}>
        {error || help}
      </small>
    </div>
  );
}

function PackageSettings({ settings, update }: SectionProps) {
  const { t } = useOptionsServices();
  const interval = (minutes: number) =>
    minutes < 60
      ? t('everyMinutes', minutes)
      : minutes === 60
        ? t('everyHour')
        : t('everyHours', minutes / 60);
  return (
    <section class="card" aria-labelledby="packages-title">
      <h2 id="packages-title">{t('packagesTitle')}</h2>
      <NumberField
        id="auto-archive"
        label={t('autoArchiveLabel')}
        help={t('autoArchiveHelp')}
        value={settings.autoArchiveDays}
        min={0}
        max={365}
        onCommit={(autoArchiveDays) => update({ autoArchiveDays })}
      />
      <NumberField
        id="stale-days"
        label={t('staleLabel')}
        help={t('staleHelp')}
        value={settings.staleAfterDays}
        min={1}
        max={60}
        onCommit={(staleAfterDays) => update({ staleAfterDays })}
      />
      <div class="field">
        <label for="refresh-interval">{t('refreshIntervalLabel')}</label>
        <select
          id="refresh-interval"
          value={String(settings.refreshIntervalMinutes)}
          onChange={(e) => update({ refreshIntervalMinutes: Number(e.currentTarget.value) })}
        >
          {[...new Set([...REFRESH_CHOICES, settings.refreshIntervalMinutes])]
            .sort((a, b) => a - b)
            .map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {interval(minutes)}
              </option>
            ))}
        </select>
        <small class="muted">{t('refreshIntervalHelp')}</small>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.amazonSessionRefresh}
          onChange={(e) => update({ amazonSessionRefresh: e.currentTarget.checked })}
        />
        <span>
          {t('amazonSessionLabel')}
          <small class="muted">{t('amazonSessionHelp')}</small>
        </span>
      </label>
    </section>
  );
}
