import { enabledCarrierWebProviders, loadCarrierWebSettings } from '../carrier-web/index';
import { createAmazonSession, type TrackPageParser } from '../providers/amazon-session';
import { API_PROVIDERS } from '../providers/index';
import { PROVIDER_KEYS_KEY, type ProviderKeys, parseProviderKeys } from '../providers/keys';
import { memoryTokenCache } from '../providers/oauth';
import type { RefreshProviderId, StatusProvider } from '../providers/types';
import { needsUserAction, type ProviderStates, parseProviderStates } from '../refresh/provider-state';
import { type RunReport, runRefresh } from '../refresh/runner';
import { type KeyValueStorage, loadSettings, PROVIDER_IDS, type ProviderId } from '../settings';
import type { DoorstepDatabase } from '../store/db';
import type { PackageChange } from '../store/types';

/**
 * The refresh feature in the service worker: builds the runner's dependencies from the extension APIs on every
 * run (settings, keys and permissions can change at any time; nothing is cached but OAuth tokens and the set of
 * packages being refreshed), keeps one alarm that survives worker restarts, and answers the popup's "refresh".
 * Its changes go to `onChange` (the change bus); which alarm and which storage change run it is the composition
 * root's business (`./root.ts`).
 */

const isProviderId = (id: RefreshProviderId): id is ProviderId =>
  (PROVIDER_IDS as readonly string[]).includes(id);

export const REFRESH_ALARM = 'doorstep-refresh';
export const REFRESH_STATE_KEY = 'refreshState';
/** Even with nothing due, look again within this time: packages added meanwhile become due at once. */
const MAX_SLEEP_MS = 30 * 60_000;
/** Chrome's minimum alarm delay for packed extensions. */
const MIN_DELAY_MS = 30_000;

export interface RefreshApi {
  storage: { local: KeyValueStorage };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    get(name: string): Promise<{ name: string } | undefined | null>;
  };
}

/** What a "refresh now" of some packages came to; the message handler words it as a reply. */
export interface RefreshOutcome {
  /** The packages refreshed, in the order asked. */
  refreshed: string[];
  /** The packages that were not, each with the runner's reason (a fixed English template, see failure-code.ts). */
  failed: { id: string; error: string }[];
}

export interface RefreshServiceOptions {
  api: RefreshApi;
  db: DoorstepDatabase;
  /** Where the runner's changes go: the change bus. */
  onChange: (changes: PackageChange[]) => Promise<unknown>;
  /** Reads fetched Amazon track pages: in an offscreen document on Chrome, with DOMParser on Firefox. */
  parseTrackPage: TrackPageParser;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  timeZone?: string;
  log?: (message: string) => void;
  /** A carrier site's cookie for keyless adapters that need the user's session (UPS); throws without permission. */
  cookie?: (url: string, name: string) => Promise<string | undefined>;
  /**
   * The user's provider keys, read at every run: from the background-only key store in the extension
   * (`utils/keys/provider-key-store.ts`); `storage.local` (where older versions kept them) when not given.
   */
  loadProviderKeys?: () => Promise<ProviderKeys>;
}

export function createRefreshService(options: RefreshServiceOptions) {
  const { api, db } = options;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const loadProviderKeys =
    options.loadProviderKeys ??
    (async () => parseProviderKeys((await api.storage.local.get(PROVIDER_KEYS_KEY))[PROVIDER_KEYS_KEY]));
  const amazon = createAmazonSession(options.parseTrackPage, { timeZone });
  const inFlight = new Set<string>();
  const tokens = memoryTokenCache();

  async function loadStates(): Promise<ProviderStates> {
    return parseProviderStates((await api.storage.local.get(REFRESH_STATE_KEY))[REFRESH_STATE_KEY]);
  }

  async function run(manualIds?: string[]): Promise<RunReport> {
    const settings = await loadSettings(api.storage.local);
    const keys = await loadProviderKeys();
    // The user's own Amazon session first (free, exact for Amazon orders), then their providers in their order,
    // then the carriers' own tracking without a key (the rung below any key the user has).
    const providers: StatusProvider[] = [
      ...(settings.amazonSessionRefresh ? [amazon] : []),
      ...settings.providers.map((id) => API_PROVIDERS[id]),
      ...enabledCarrierWebProviders(await loadCarrierWebSettings(api.storage.local)),
    ];
    const report = await runRefresh(
      {
        db,
        now,
        fetch: doFetch,
        random: options.random ?? Math.random,
        providers,
        credentials: (id: RefreshProviderId) => (isProviderId(id) ? (keys[id] ?? {}) : {}),
        hasPermission: (origins) => api.permissions.contains({ origins }),
        loadStates,
        saveStates: (states) => api.storage.local.set({ [REFRESH_STATE_KEY]: states }),
        baseIntervalMinutes: settings.refreshIntervalMinutes,
        timeZone,
        tokens,
        inFlight,
        onChange: options.onChange,
        ...(options.cookie && { cookie: options.cookie }),
      },
      manualIds ? { manualIds } : {},
    );
    await schedule(report.nextWakeAt);
    return report;
  }

  async function schedule(at: number | undefined): Promise<void> {
    const when = Math.max(
      Math.min(at ?? Number.POSITIVE_INFINITY, now() + MAX_SLEEP_MS),
      now() + MIN_DELAY_MS,
    );
    await api.alarms.create(REFRESH_ALARM, { when });
  }

  return {
    run,

    /** The popup's "refresh now": only these packages, now, within the providers' budgets. */
    async refreshPackages(ids: string[]): Promise<RefreshOutcome> {
      const report = await run(ids);
      const refreshed = ids.filter((id) => report.results[id]?.ok);
      const failed = ids.flatMap((id) => {
        const result = report.results[id];
        return result && !result.ok ? [{ id, error: result.error }] : [];
      });
      return { refreshed, failed };
    },

    /** The refresh alarm: a scheduled run; a run that throws is retried in five minutes. */
    async onAlarm(): Promise<void> {
      try {
        await run();
      } catch (error) {
        options.log?.(`Doorstep: refresh failed: ${String(error)}`);
        await schedule(now() + 5 * 60_000);
      }
    },

    /** Every worker start: a browser restart may have dropped the alarm. */
    async ensureScheduled(): Promise<void> {
      if (!(await api.alarms.get(REFRESH_ALARM))) await schedule(now() + 60_000);
    },

    /**
     * A new key or a newly granted permission ends the long pause that a rejected key or missing permission
     * caused, so the next run tries again at once; request counts are kept.
     */
    async clearPauses(): Promise<void> {
      const states = await loadStates();
      for (const state of Object.values(states)) {
        // A Retry-After or an outage back-off is the provider's to end, not the user's.
        if (!state || !needsUserAction(state.lastFailureKind)) continue;
        state.retryAt = undefined;
        state.failures = 0;
      }
      await api.storage.local.set({ [REFRESH_STATE_KEY]: states });
      await schedule(now() + MIN_DELAY_MS);
    },
  };
}

export type RefreshService = ReturnType<typeof createRefreshService>;
