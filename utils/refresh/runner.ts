import { failure } from '../providers/http';
import type { ProviderCredentials } from '../providers/keys';
import type {
  PackageOutcome,
  ProviderContext,
  ProviderFailure,
  RefreshProviderId,
  RefreshResult,
  StatusProvider,
  TokenCache,
} from '../providers/types';
import type { DoorstepDatabase } from '../store/db';
import { getPackages, listActivePackages, upsertDetections } from '../store/repository';
import type { Detection, PackageChange, PackageRecord } from '../store/types';
import { mapWithConcurrency } from './concurrency';
import { type Plan, type PlannedBatch, planRefresh } from './plan';
import { type ProviderStates, recordBatch } from './provider-state';
import { recordRefreshFailures } from './record-failure';

/**
 * One refresh run: plan, ask the providers (within budgets and concurrency limits), store what they say through
 * the merge rules, record failures on the packages without touching their status, and remember provider back-off.
 * Everything from the outside world (clock, fetch, permissions, keys, storage) comes in as a dependency.
 */

export interface RunnerDeps {
  db: DoorstepDatabase;
  now: () => number;
  fetch: typeof fetch;
  random: () => number;
  /** Enabled providers in order of preference. */
  providers: readonly StatusProvider[];
  credentials: (id: RefreshProviderId) => ProviderCredentials;
  /** `permissions.contains({ origins })` in the extension. */
  hasPermission: (origins: string[]) => Promise<boolean>;
  loadStates: () => Promise<ProviderStates>;
  saveStates: (states: ProviderStates) => Promise<void>;
  baseIntervalMinutes: number;
  timeZone?: string;
  tokens?: TokenCache;
  /** Test servers / benchmarks: where each provider's requests go instead of its real host. */
  baseUrls?: Partial<Record<RefreshProviderId, string>>;
  timeoutMs?: number;
  /** Packages being refreshed right now in this worker; shared by every run so one package never runs twice. */
  inFlight: Set<string>;
  /** Badge, notifications and sync, with the before/after of every record the run wrote. */
  onChange: (changes: PackageChange[]) => Promise<unknown>;
  /** Upper bound on batches running at once across providers. */
  maxConcurrency?: number;
  /** Space requests per the providers' per-second limits (default on; benchmarks can turn it off). */
  pacing?: boolean;
  /** Real waiting, for pacing (the run's clock `now` may be fixed in tests). */
  sleep?: (ms: number) => Promise<void>;
  /** The user's cookies of a carrier site, for keyless adapters that need its session (ProviderContext.cookie). */
  cookie?: (url: string, name: string) => Promise<string | undefined>;
}

/**
 * Spaces request starts of one provider by `spacingMs`, across all its batches running side by side. Uses the
 * monotonic clock: pacing is about real elapsed time, not the (injectable) calendar clock.
 */
export function pacer(spacingMs: number, sleep: (ms: number) => Promise<void>): () => Promise<void> {
  let next = 0;
  return async () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + spacingMs;
    if (at > now) await sleep(at - now);
  };
}

export interface RunReport {
  planned: number;
  refreshed: number;
  failed: number;
  requests: number;
  deferred: Plan['deferred'];
  /** Per package asked for by id: what happened, for the popup's reply. */
  results: Record<string, { ok: true } | { ok: false; error: string }>;
  nextWakeAt?: number;
}

export async function runRefresh(
  deps: RunnerDeps,
  options: { manualIds?: string[] } = {},
): Promise<RunReport> {
  const now = deps.now();
  const manualIds = new Set(options.manualIds ?? []);
  // A manual refresh asks only about the packages the user named (archived ones too); the alarm takes care of the
  // rest, and the plan never picks an archived package without being asked: the archive of years (tens of
  // thousands of records) is not read on every run.
  const packages =
    manualIds.size > 0 ? await getPackages(deps.db, [...manualIds]) : await listActivePackages(deps.db);
  const states = await deps.loadStates();
  const plan = planRefresh({
    packages,
    now,
    providers: deps.providers,
    states,
    manualIds,
    inFlight: deps.inFlight,
    baseIntervalMinutes: deps.baseIntervalMinutes,
    timeZone: deps.timeZone,
  });
  const report: RunReport = {
    planned: 0,
    refreshed: 0,
    failed: 0,
    requests: 0,
    deferred: plan.deferred,
    results: {},
  };
  const byId = new Map(packages.map((p) => [p.id, p]));
  const providerById = new Map(deps.providers.map((p) => [p.id, p]));
  const plannedIds = plan.batches.flatMap((b) => b.packageIds);
  for (const id of plannedIds) deps.inFlight.add(id);
  report.planned = plannedIds.length;

  // A provider that failed as a whole during this run is not asked again in it.
  const stopped = new Map<RefreshProviderId, ProviderFailure>();
  const permission = new Map<string, Promise<boolean>>();
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pacers = new Map(
    deps.providers.map((p) => [
      p.id,
      deps.pacing === false ? undefined : pacer(p.budget.minSpacingMs, sleep),
    ]),
  );
  const changes: PackageChange[] = [];

  const runBatch = async (batch: PlannedBatch) => {
    const provider = providerById.get(batch.provider);
    const batchPackages = batch.packageIds
      .map((id) => byId.get(id))
      .filter((p): p is PackageRecord => Boolean(p));
    if (!provider || batchPackages.length === 0) return;
    const earlier = stopped.get(provider.id);
    if (earlier) {
      // Not attempted: nothing is recorded on these packages, but a manual refresh hears why.
      for (const pkg of batchPackages) report.results[pkg.id] = { ok: false, error: earlier.message };
      return;
    }
    const result = await askProvider(provider, batchPackages, deps, permission, pacers.get(provider.id));
    report.requests += result.requests;
    states[provider.id] = recordBatch(states[provider.id], result, deps.now(), deps.random);
    if (result.providerFailure) stopped.set(provider.id, result.providerFailure);
    changes.push(...(await storeOutcomes(deps, result.outcomes, report)));
  };

  try {
    // Batches of one provider run one after another up to its concurrency; providers run side by side.
    const groups = new Map<RefreshProviderId, PlannedBatch[]>();
    for (const batch of plan.batches)
      groups.set(batch.provider, [...(groups.get(batch.provider) ?? []), batch]);
    await mapWithConcurrency([...groups.entries()], deps.maxConcurrency ?? 4, ([id, batches]) =>
      mapWithConcurrency(batches, providerById.get(id)?.budget.concurrency ?? 1, runBatch),
    );
  } finally {
    for (const id of plannedIds) deps.inFlight.delete(id);
    await deps.saveStates(states);
  }
  if (changes.length > 0) await deps.onChange(changes);

  // Wake for what is due next, given the packages and provider states as they are now.
  const after = planRefresh({
    packages: await listActivePackages(deps.db),
    now: deps.now(),
    providers: deps.providers,
    states,
    inFlight: deps.inFlight,
    baseIntervalMinutes: deps.baseIntervalMinutes,
    timeZone: deps.timeZone,
  });
  const soonest = after.batches.length > 0 ? deps.now() + 60_000 : undefined;
  const wake = [soonest, after.nextWakeAt].filter((x): x is number => x !== undefined);
  if (wake.length > 0) report.nextWakeAt = Math.min(...wake);
  for (const d of plan.deferred) {
    if (manualIds.has(d.id)) report.results[d.id] = { ok: false, error: deferredMessage(d.reason) };
  }
  return report;
}

async function askProvider(
  provider: StatusProvider,
  packages: PackageRecord[],
  deps: RunnerDeps,
  permission: Map<string, Promise<boolean>>,
  pace: (() => Promise<void>) | undefined,
): Promise<RefreshResult> {
  const missing = provider.needs.filter((field) => !deps.credentials(provider.id)[field]);
  if (missing.length > 0) return wholeBatch(packages, failure('not_configured', provider.name));
  const origins = provider.originsFor?.(packages) ?? [...provider.origins];
  // Tests and benchmarks that redirect a provider to a local server still check the real host's permission.
  const key = `${provider.id}:${origins.join(',')}`;
  if (!permission.has(key))
    permission.set(
      key,
      deps.hasPermission(origins).catch(() => false),
    );
  if (!(await permission.get(key))) return wholeBatch(packages, failure('permission', provider.name));
  const ctx: ProviderContext = {
    fetch: deps.fetch,
    now: deps.now,
    credentials: deps.credentials(provider.id),
  };
  const baseUrl = deps.baseUrls?.[provider.id];
  if (baseUrl) ctx.baseUrl = baseUrl;
  if (deps.timeoutMs) ctx.timeoutMs = deps.timeoutMs;
  if (deps.tokens) ctx.tokens = deps.tokens;
  if (pace) ctx.pace = pace;
  if (deps.cookie) ctx.cookie = deps.cookie;
  try {
    return await provider.refresh(packages, ctx);
  } catch (error) {
    // Providers are written not to throw; if one does, its packages keep their data and show the failure.
    return wholeBatch(packages, failure('malformed', provider.name, { detail: String(error).slice(0, 80) }));
  }
}

function wholeBatch(packages: PackageRecord[], f: ProviderFailure): RefreshResult {
  return {
    outcomes: packages.map((p) => ({ id: p.id, ok: false as const, failure: f })),
    providerFailure: f,
    requests: 0,
  };
}

/** Successes through the merge rules (one transaction), failures onto the packages; returns what changed. */
async function storeOutcomes(
  deps: RunnerDeps,
  outcomes: PackageOutcome[],
  report: RunReport,
): Promise<PackageChange[]> {
  const detections: Detection[] = [];
  const failures: { id: string; message: string }[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) {
      detections.push(outcome.detection);
      report.refreshed++;
      report.results[outcome.id] = { ok: true };
    } else {
      failures.push({ id: outcome.id, message: outcome.failure.message });
      report.failed++;
      report.results[outcome.id] = { ok: false, error: outcome.failure.message };
    }
  }
  const now = deps.now();
  // A package deleted while its provider was being asked stays deleted: a refresh never re-creates one.
  const alive = await getPackages(
    deps.db,
    outcomes.filter((o) => o.ok).map((o) => o.id),
  );
  const aliveIds = new Set(alive.map((p) => p.id));
  const kept = outcomes
    .filter((o) => o.ok && aliveIds.has(o.id))
    .map((o) => (o.ok ? o.detection : undefined));
  detections.splice(0, detections.length, ...kept.filter((d): d is Detection => Boolean(d)));
  const stored = detections.length > 0 ? (await upsertDetections(deps.db, detections, now)).changes : [];
  return [...stored, ...(await recordRefreshFailures(deps.db, failures, now))];
}

function deferredMessage(reason: Plan['deferred'][number]['reason']): string {
  switch (reason) {
    case 'no_provider':
      return 'No status source can refresh this package: add a tracking service in the options';
    case 'budget':
      return 'The tracking service’s request budget is used up for now; it will be refreshed later';
    case 'backoff':
      return 'The tracking service asked Doorstep to wait; it will be refreshed later';
    case 'in_flight':
      return 'A refresh of this package is already running';
  }
}
