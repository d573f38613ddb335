import * as v from 'valibot';

/**
 * User settings, kept in `storage.local` under one key. Reading never fails: a missing, partial or corrupted value is
 * completed with defaults field by field, so an upgrade that adds a setting needs no migration.
 */

export const DETECTION_MODES = ['auto', 'ask', 'off'] as const;
export type DetectionMode = (typeof DETECTION_MODES)[number];

export const PROVIDER_IDS = ['17track', 'aftership', 'ship24', 'usps', 'ups', 'fedex', 'dhl'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

const modeField = (fallback: DetectionMode) => v.fallback(v.picklist(DETECTION_MODES), fallback);

export const SettingsSchema = v.object({
  /** Per page kind: automatic on Amazon and in webmail shipping mails, ask (chip only) elsewhere. */
  detection: v.fallback(
    v.object({
      webmail: modeField('auto'),
      amazon: modeField('auto'),
      carrier: modeField('auto'),
      page: modeField('ask'),
    }),
    { webmail: 'auto', amazon: 'auto', carrier: 'auto', page: 'ask' },
  ),
  /** Per host overrides of the mode, e.g. `{ "mail.yahoo.com": "off" }`. */
  siteModes: v.fallback(v.record(v.pipe(v.string(), v.maxLength(253)), v.picklist(DETECTION_MODES)), {}),
  notifications: v.fallback(
    v.object({
      enabled: v.fallback(v.boolean(), false),
      outForDelivery: v.fallback(v.boolean(), true),
      delivered: v.fallback(v.boolean(), true),
      problem: v.fallback(v.boolean(), true),
      late: v.fallback(v.boolean(), true),
    }),
    { enabled: false, outForDelivery: true, delivered: true, problem: true, late: true },
  ),
  /** Delivered packages move to the archive after this many days; 0 keeps them. */
  autoArchiveDays: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365)), 14),
  /** Base refresh interval in minutes for packages far from their estimate. */
  refreshIntervalMinutes: v.fallback(
    v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(24 * 60)),
    120,
  ),
  /** Days without a carrier event after which an undelivered package is shown as stale. */
  staleAfterDays: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)), 5),
  /** Status providers the user enabled, in order of preference. Their keys live under a separate storage key. */
  providers: v.fallback(v.array(v.picklist(PROVIDER_IDS)), []),
  amazonSessionRefresh: v.fallback(v.boolean(), true),
  /** Off until the user turns it on: the welcome promises that everything stays in this browser. */
  sync: v.fallback(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';

export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, raw && typeof raw === 'object' ? raw : {});
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});

/** The small part of `browser.storage.local` settings need, so tests can pass a fake. */
export interface KeyValueStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(storage: KeyValueStorage): Promise<Settings> {
  const stored = await storage.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(storage: KeyValueStorage, patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings(storage)), ...patch });
  await storage.set({ [SETTINGS_KEY]: next });
  return next;
}

/** The detection mode for a page: a per-site override first, then the page kind's default. */
export function detectionModeFor(
  settings: Settings,
  host: string,
  kind: keyof Settings['detection'],
): DetectionMode {
  return (
    (Object.hasOwn(settings.siteModes, host) ? settings.siteModes[host] : undefined) ??
    settings.detection[kind]
  );
}

/** What a content script needs of the settings: the mode per page kind, and the override of its own site only. */
export interface ContentSettings {
  detection: Settings['detection'];
  siteModes: Record<string, DetectionMode>;
}

export function contentSettingsFor(settings: Settings, host: string): ContentSettings {
  const override = Object.hasOwn(settings.siteModes, host) ? settings.siteModes[host] : undefined;
  return { detection: { ...settings.detection }, siteModes: override ? { [host]: override } : {} };
}

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
/** A storage area as far as access levels go; `setAccessLevel` is missing where the browser has none. */
interface AccessControlledArea {
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
}

/**
 * `storage.session` holds one item content scripts may see: under `SETTINGS_KEY`, the time the settings last
 * changed (no setting itself). Its change event tells open pages to ask for their settings again, since they get no
 * events of the closed `storage.local`. Nothing else may be put in `storage.session`.
 */
export const SETTINGS_CHANGED_SESSION_KEY = SETTINGS_KEY;

/**
 * Closes `storage.local` (provider keys, settings, sync bookkeeping) and `storage.sync` (the synced copy) to content
 * scripts: only the extension's own pages and its worker may read them. Content scripts get their two settings by
 * message (`content-settings`) and hear of changes through `storage.session` (see `SETTINGS_CHANGED_SESSION_KEY`).
 * Chrome 102+ has `setAccessLevel` for every area; Firefox has it for `session` only, so there `local` and `sync`
 * stay readable by our content scripts (never by the pages themselves) and their change events reach them as before.
 * Returns the areas whose access level was set.
 */
export async function configureStorageAccess(storage: {
  local: AccessControlledArea;
  sync: AccessControlledArea;
  session?: AccessControlledArea;
}): Promise<('local' | 'sync' | 'session')[]> {
  const set: ('local' | 'sync' | 'session')[] = [];
  for (const name of ['local', 'sync'] as const) {
    const area = storage[name];
    if (typeof area.setAccessLevel !== 'function') continue;
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    set.push(name);
  }
  // Only where local was closed: elsewhere content scripts hear of changes from storage.local itself.
  if (set.includes('local') && typeof storage.session?.setAccessLevel === 'function') {
    await storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    set.push('session');
  }
  return set;
}
