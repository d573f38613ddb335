import {
  FAILURE_KINDS,
  type FailureKind,
  type ProviderBudget,
  type ProviderFailure,
  type RefreshProviderId,
} from '../providers/types';

/**
 * What the scheduler remembers about each provider between runs (kept in storage.local, so a restarted worker
 * still honours a Retry-After or a spent daily quota): request counts in the current hour and UTC day, and the
 * back-off after failures.
 */

export interface ProviderState {
  hourStart: number;
  hourCount: number;
  dayStart: number;
  dayCount: number;
  /** Consecutive failed runs (for exponential back-off). */
  failures: number;
  /** Not before this time (Retry-After, back-off, quota reset). */
  retryAt?: number;
  lastFailure?: string;
  lastFailureKind?: FailureKind;
}

/** Failures only the user can fix: a new key or permission should end the pause at once. */
export function needsUserAction(kind: FailureKind | undefined): boolean {
  return (
    kind === 'unauthorized' || kind === 'permission' || kind === 'not_configured' || kind === 'signed_out'
  );
}

export type ProviderStates = Partial<Record<RefreshProviderId, ProviderState>>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * HOUR;
/** Failures only the user can fix (a wrong key, a missing permission): ask again rarely. */
const USER_ACTION_PAUSE_MS = 6 * HOUR;

export function emptyState(now: number): ProviderState {
  return { hourStart: hourStart(now), hourCount: 0, dayStart: dayStart(now), dayCount: 0, failures: 0 };
}

/** The state with its windows rolled forward to `now`. */
export function currentState(state: ProviderState | undefined, now: number): ProviderState {
  const s = state ?? emptyState(now);
  const next = { ...s };
  if (hourStart(now) !== s.hourStart) {
    next.hourStart = hourStart(now);
    next.hourCount = 0;
  }
  if (dayStart(now) !== s.dayStart) {
    next.dayStart = dayStart(now);
    next.dayCount = 0;
  }
  return next;
}

/** How many more requests the budget allows right now (0 while backing off). */
export function remainingRequests(
  state: ProviderState | undefined,
  budget: ProviderBudget,
  now: number,
): number {
  const s = currentState(state, now);
  if (s.retryAt !== undefined && s.retryAt > now) return 0;
  return Math.max(0, Math.min(budget.perHour - s.hourCount, budget.perDay - s.dayCount));
}

/** When a provider with no budget left may be asked again. */
export function availableAgainAt(
  state: ProviderState | undefined,
  budget: ProviderBudget,
  now: number,
): number {
  const s = currentState(state, now);
  let at = now;
  if (s.retryAt !== undefined && s.retryAt > at) at = s.retryAt;
  if (s.dayCount >= budget.perDay) at = Math.max(at, s.dayStart + DAY);
  else if (s.hourCount >= budget.perHour) at = Math.max(at, s.hourStart + HOUR);
  return at;
}

/**
 * Folds one batch's result into the state: counts requests, and on a provider-wide failure backs off
 * exponentially (1 min, 2 min, 4 min … 6 h) with jitter so many browsers do not retry in step, never earlier than
 * the provider's own Retry-After. Success clears the back-off.
 */
export function recordBatch(
  state: ProviderState | undefined,
  result: { requests: number; providerFailure?: ProviderFailure },
  now: number,
  random: () => number,
): ProviderState {
  const s = currentState(state, now);
  s.hourCount += result.requests;
  s.dayCount += result.requests;
  const f = result.providerFailure;
  if (!f) {
    s.failures = 0;
    s.retryAt = undefined;
    s.lastFailure = undefined;
    s.lastFailureKind = undefined;
    return s;
  }
  s.failures += 1;
  s.lastFailure = f.message;
  s.lastFailureKind = f.kind;
  const userAction = needsUserAction(f.kind);
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(s.failures - 1, 20));
  // "Equal jitter": half fixed, half random, so a retry is never immediate.
  const backoff = userAction ? USER_ACTION_PAUSE_MS : exp / 2 + random() * (exp / 2);
  const honoured =
    f.retryAt !== undefined ? f.retryAt + random() * Math.min(60_000, Math.max(0, f.retryAt - now) * 0.1) : 0;
  s.retryAt = Math.max(now + (f.kind === 'rate_limited' && f.retryAt !== undefined ? 0 : backoff), honoured);
  return s;
}

/** Reads stored states defensively (a corrupted value only costs the counters). */
export function parseProviderStates(raw: unknown): ProviderStates {
  const states: ProviderStates = {};
  if (!raw || typeof raw !== 'object') return states;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 0);
    const state: ProviderState = {
      hourStart: num(v.hourStart),
      hourCount: num(v.hourCount),
      dayStart: num(v.dayStart),
      dayCount: num(v.dayCount),
      failures: num(v.failures),
    };
    if (typeof v.retryAt === 'number' && Number.isFinite(v.retryAt)) state.retryAt = v.retryAt;
    if (typeof v.lastFailure === 'string') state.lastFailure = v.lastFailure.slice(0, 300);
    if (FAILURE_KINDS.includes(v.lastFailureKind as FailureKind))
      state.lastFailureKind = v.lastFailureKind as FailureKind;
    states[id as keyof ProviderStates] = state;
  }
  return states;
}

function hourStart(now: number): number {
  return Math.floor(now / HOUR) * HOUR;
}

/** DHL's quota resets at 00:00 GMT; a UTC day suits every provider. */
function dayStart(now: number): number {
  return Math.floor(now / DAY) * DAY;
}
