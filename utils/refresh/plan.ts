import { localDate } from '../badge';
import type { RefreshProviderId, StatusProvider } from '../providers/types';
import { isFinished } from '../store/status';
import type { PackageRecord } from '../store/types';
import { availableAgainAt, currentState, type ProviderStates, remainingRequests } from './provider-state';

/**
 * Pure scheduling: which packages are due, which provider asks for each, in batches that fit each provider's
 * budget, and when to wake up next. Takes the clock as input; never reads the store or the network.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** One last look after delivery, to catch "delivered" corrected to "attempted" or a returned parcel. */
export const FINAL_CONFIRMATION_DELAY = 2 * HOUR;
/** Chrome fires alarms at most every 30 s in packed extensions; waking more often is pointless. */
const MIN_WAKE_DELAY = MINUTE;

export interface ScheduleOptions {
  /** settings.refreshIntervalMinutes: the interval for a package with nothing special about it. */
  baseIntervalMinutes: number;
  /** Zone for "today" (defaults to the browser's own). */
  timeZone?: string;
}

/**
 * How often a package is worth asking about: more often as it nears its estimate, rarely when far, not at all once
 * finished (except one final confirmation, see `dueAt`).
 */
export function refreshInterval(pkg: PackageRecord, now: number, options: ScheduleOptions): number {
  const base = options.baseIntervalMinutes * MINUTE;
  if (pkg.status === 'out_for_delivery') return Math.min(base, 30 * MINUTE);
  const lastEvent = pkg.events[0]?.at ?? pkg.statusAt;
  // Nothing known for a month: the number probably never shipped; once a day is plenty.
  if (pkg.status === 'unknown' && now - pkg.createdAt > 30 * DAY) return Math.max(base, DAY);
  if (!pkg.eta)
    return lastEvent !== undefined && now - lastEvent > 14 * DAY ? Math.max(base, 12 * HOUR) : base;
  const today = localDate(new Date(now), options.timeZone);
  const days = daysBetween(today, pkg.eta.start);
  const lastDay = pkg.eta.end ?? pkg.eta.start;
  if (days <= 0 && today <= lastDay) return Math.min(base, HOUR); // within the estimate
  if (today > lastDay) return daysBetween(lastDay, today) > 3 ? base * 2 : Math.min(base, HOUR); // late
  if (days <= 2) return Math.max(30 * MINUTE, base / 2);
  if (days > 7) return Math.min(DAY, base * 4);
  return base;
}

/**
 * When the package should next be checked, or undefined for never. Page captures of live pages (carrier, Amazon)
 * count as checks: the user just saw the status, so asking an API again adds nothing.
 */
export function dueAt(pkg: PackageRecord, now: number, options: ScheduleOptions): number | undefined {
  if (pkg.archivedAt !== undefined) return undefined;
  const lastLook = lastLookAt(pkg);
  if (isFinished(pkg.status)) {
    if (pkg.status !== 'delivered') return undefined;
    const deliveredAt = pkg.deliveredAt ?? pkg.statusAt ?? 0;
    const confirmAt = deliveredAt + FINAL_CONFIRMATION_DELAY;
    // Only for a recent delivery, and only once.
    if (now - deliveredAt > 3 * DAY || (lastLook ?? 0) >= confirmAt) return undefined;
    return confirmAt;
  }
  if (lastLook === undefined) return now;
  return lastLook + refreshInterval(pkg, now, options);
}

export function lastLookAt(pkg: PackageRecord): number | undefined {
  let last = pkg.lastCheckedAt;
  for (const source of pkg.sources) {
    if (
      (source.kind === 'carrier' || source.kind === 'amazon') &&
      (last === undefined || source.seenAt > last)
    ) {
      last = source.seenAt;
    }
  }
  return last;
}

/** The first provider, in the user's order, that can say anything about the package. */
export function providerFor(
  pkg: PackageRecord,
  providers: readonly StatusProvider[],
): StatusProvider | undefined {
  return providers.find((provider) => provider.supports(pkg));
}

export interface PlannedBatch {
  provider: RefreshProviderId;
  packageIds: string[];
}

export type DeferReason = 'no_provider' | 'budget' | 'backoff' | 'in_flight';

export interface Plan {
  batches: PlannedBatch[];
  /** Due (or asked for) but not planned now, and why. */
  deferred: { id: string; reason: DeferReason; until?: number }[];
  /** When the scheduler should run next (undefined when nothing will ever be due). */
  nextWakeAt?: number;
}

export interface PlanInput extends ScheduleOptions {
  packages: PackageRecord[];
  now: number;
  /** Enabled providers, in order of preference. */
  providers: readonly StatusProvider[];
  states: ProviderStates;
  /** Packages the user asked to refresh now ("refresh" in the popup): due regardless of their interval. */
  manualIds?: ReadonlySet<string>;
  /** Packages with a refresh already running: never two at once for one package. */
  inFlight?: ReadonlySet<string>;
}

/**
 * Plans one run. Manual requests first, then the most overdue; each provider gets at most as many batches as its
 * remaining budget allows (one request per batch, or per package for one-number APIs; extra requests such as
 * OAuth tokens or 17TRACK registrations are counted afterwards from what the provider reports).
 */
export function planRefresh(input: PlanInput): Plan {
  const { now } = input;
  const due: { pkg: PackageRecord; at: number; manual: boolean }[] = [];
  let nextWakeAt: number | undefined;
  const wakeAt = (at: number) => {
    const clamped = Math.max(at, now + MIN_WAKE_DELAY);
    nextWakeAt = nextWakeAt === undefined ? clamped : Math.min(nextWakeAt, clamped);
  };
  for (const pkg of input.packages) {
    const manual = input.manualIds?.has(pkg.id) ?? false;
    if (pkg.archivedAt !== undefined && !manual) continue;
    // A provider that paces itself (keyless carrier sites) decides when its packages are due.
    const paced = manual ? undefined : providerFor(pkg, input.providers);
    const at = manual ? now : paced?.dueAt ? paced.dueAt(pkg, now, input) : dueAt(pkg, now, input);
    if (at === undefined) continue;
    if (at > now) wakeAt(at);
    else due.push({ pkg, at, manual });
  }
  due.sort((a, b) => Number(b.manual) - Number(a.manual) || a.at - b.at);

  const plan: Plan = { batches: [], deferred: [] };
  const open = new Map<RefreshProviderId, PlannedBatch>();
  const remaining = new Map<RefreshProviderId, number>();
  for (const { pkg } of due) {
    if (input.inFlight?.has(pkg.id)) {
      plan.deferred.push({ id: pkg.id, reason: 'in_flight' });
      continue;
    }
    const provider = providerFor(pkg, input.providers);
    if (!provider) {
      plan.deferred.push({ id: pkg.id, reason: 'no_provider' });
      continue;
    }
    const state = input.states[provider.id];
    const current = open.get(provider.id);
    const fitsOpenBatch = current !== undefined && current.packageIds.length < provider.maxBatch;
    // A batched API spends one request per batch; a one-number-per-request API spends one per package.
    const costs = !fitsOpenBatch || provider.requestPerPackage === true;
    const left = remaining.get(provider.id) ?? remainingRequests(state, provider.budget, now);
    if (fitsOpenBatch && !costs) {
      current.packageIds.push(pkg.id);
      continue;
    }
    if (left <= 0) {
      // Count this plan's own batches as spent, so the wake-up is when the budget really has room again.
      const reserved = plan.batches
        .filter((b) => b.provider === provider.id)
        .reduce((sum, b) => sum + (provider.requestPerPackage ? b.packageIds.length : 1), 0);
      const spent = currentState(state, now);
      const until = availableAgainAt(
        { ...spent, hourCount: spent.hourCount + reserved, dayCount: spent.dayCount + reserved },
        provider.budget,
        now,
      );
      const backingOff = state?.retryAt !== undefined && state.retryAt > now;
      plan.deferred.push({ id: pkg.id, reason: backingOff ? 'backoff' : 'budget', until });
      wakeAt(until);
      continue;
    }
    remaining.set(provider.id, left - 1);
    if (fitsOpenBatch) {
      current.packageIds.push(pkg.id);
      continue;
    }
    const batch: PlannedBatch = { provider: provider.id, packageIds: [pkg.id] };
    open.set(provider.id, batch);
    plan.batches.push(batch);
  }
  if (nextWakeAt !== undefined) plan.nextWakeAt = nextWakeAt;
  return plan;
}

/** Whole calendar days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
