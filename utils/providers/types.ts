import type { ProviderId } from '../settings';
import type { Detection, PackageRecord } from '../store/types';
import type { ProviderCredentials } from './keys';

/**
 * The contract every status provider implements. A provider turns packages into `Detection`s (source kind
 * `refresh`) or into typed failures; it never throws and never writes to the store: the refresh runner decides what
 * to store, so merge rules (newer facts win, no status regression) apply to provider answers like to any page.
 */

/**
 * Bring-your-own-key APIs (from settings), the user's own Amazon session, and the carriers' own tracking asked
 * without a key (utils/carrier-web).
 */
export type RefreshProviderId = ProviderId | 'amazon' | CarrierWebProviderId;

/** Keyless carrier adapters (utils/carrier-web), one per carrier. */
export const CARRIER_WEB_PROVIDER_IDS = ['canadapost-web', 'ups-web', 'dhlpaket-web', 'ontrac-web'] as const;
export type CarrierWebProviderId = (typeof CARRIER_WEB_PROVIDER_IDS)[number];

export const FAILURE_KINDS = [
  'not_found',
  'unauthorized',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'malformed',
  'permission',
  'not_configured',
  'signed_out',
  /** A carrier's own tracking answered with a bot check, a 401/403 or a sign-in page: only its page can tell. */
  'blocked',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface ProviderFailure {
  kind: FailureKind;
  /** Short, user-facing sentence (stored as the package's `lastError`). */
  message: string;
  /** HTTP status when there was one. */
  status?: number;
  /** Epoch ms before which the provider must not be asked again (429 Retry-After, quota reset). */
  retryAt?: number;
}

export type PackageOutcome =
  | { id: string; ok: true; detection: Detection }
  | { id: string; ok: false; failure: ProviderFailure };

export interface RefreshResult {
  /** Exactly one outcome per package asked about, in no particular order. */
  outcomes: PackageOutcome[];
  /** Set when the provider as a whole failed (auth, quota, outage): the scheduler backs off the provider. */
  providerFailure?: ProviderFailure;
  /** HTTP requests actually sent (for budgets and the benchmark). */
  requests: number;
}

/** Cached OAuth access tokens, shared across runs of one worker (lost on restart, which only costs a token call). */
export interface TokenCache {
  get(key: string): { token: string; expiresAt: number } | undefined;
  set(key: string, value: { token: string; expiresAt: number }): void;
}

export interface ProviderContext {
  fetch: typeof fetch;
  now: () => number;
  credentials: ProviderCredentials;
  /** Origin (and path prefix) to call instead of the real host; tests point this at a local server. */
  baseUrl?: string;
  /** Per-request timeout (default 20 s, under Chrome's 30 s limit for a pending fetch in a service worker). */
  timeoutMs?: number;
  tokens?: TokenCache;
  /** Waits until the provider may send its next request (set by the runner from the budget's spacing). */
  pace?: () => Promise<void>;
  /**
   * Reads one of the user's cookies for a carrier's site (`cookies.get`), for keyless adapters whose carrier needs
   * the session its own page set up (UPS's XSRF token). Absent, or throwing, without the `cookies` permission.
   */
  cookie?: (url: string, name: string) => Promise<string | undefined>;
}

/** How hard a provider may be asked, from its documented limits (reference §4), kept below them on purpose. */
export interface ProviderBudget {
  /** Requests allowed per clock hour. */
  perHour: number;
  /** Requests allowed per UTC day (DHL's quota resets at 00:00 GMT). */
  perDay: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Least time between two request starts (per-second limits: DHL 1/s, 17TRACK 3/s …). */
  minSpacingMs: number;
}

export interface StatusProvider {
  id: RefreshProviderId;
  name: string;
  /** Host match patterns the extension needs permission for; checked with `permissions.contains` before fetching. */
  origins: readonly string[];
  /** When the hosts depend on the packages (Amazon stores per country). */
  originsFor?(packages: PackageRecord[]): string[];
  /** Credentials that must be present (empty for the Amazon session). */
  needs: readonly (keyof ProviderCredentials)[];
  /** Packages handed to one `refresh` call. */
  maxBatch: number;
  /** True when the API takes one number per request, so a batch of n costs n requests of the budget. */
  requestPerPackage?: boolean;
  budget: ProviderBudget;
  /** Whether this provider can say anything about the package. */
  supports(pkg: PackageRecord): boolean;
  refresh(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult>;
  /**
   * When the package is next worth asking about, for providers that pace themselves (the keyless carrier adapters,
   * which must ask a carrier's public site rarely); undefined means never. Without it the scheduler's own
   * `dueAt` applies.
   */
  dueAt?(pkg: PackageRecord, now: number, options: { timeZone?: string }): number | undefined;
}
