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
  return settings.siteModes[host] ?? settings.detection[kind];
}
