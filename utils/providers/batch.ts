import type { PackageRecord } from '../store/types';
import { failure } from './http';
import { failAll, failOne } from './normalize';
import type { PackageOutcome, ProviderFailure, RefreshResult } from './types';

/**
 * How a batch of packages turns into one `RefreshResult`, shared by every provider so that "the provider failed as
 * a whole" means the same everywhere: every package not yet answered gets that failure, and the scheduler backs off.
 */

/** What one package cost and said, for `eachPackage`. */
export interface PackageStep {
  outcome: PackageOutcome;
  requests: number;
  providerFailure?: ProviderFailure;
}

/**
 * The provider as a whole failed (auth, quota, outage, unreachable, unreadable envelope): each of `packages` gets
 * `f`, after the outcomes already `settled` before the failure (e.g. packages without a number).
 */
export function failBatch(
  packages: PackageRecord[],
  f: ProviderFailure,
  requests: number,
  settled: PackageOutcome[] = [],
): RefreshResult {
  return { outcomes: [...settled, ...failAll(packages, f)], providerFailure: f, requests };
}

/** Missing credentials: nothing is sent, and every package says the provider needs a key. */
export function notConfigured(packages: PackageRecord[], providerName: string): RefreshResult {
  return failBatch(packages, failure('not_configured', providerName), 0);
}

/**
 * A failed request about one package. "Not found" concerns that number only; any other failure (auth, rate limit,
 * outage, unreadable answer) would hit the next number too, so it stops the batch.
 */
export function packageFailed(pkg: PackageRecord, f: ProviderFailure, requests: number): PackageStep {
  const outcome = failOne(pkg, f);
  return f.kind === 'not_found' ? { outcome, requests } : { outcome, requests, providerFailure: f };
}

/**
 * For APIs that take many numbers in one request: the packages with a number, at most `max`, go into the request;
 * the others are answered at once, since there is nothing to ask about them.
 */
export function numberedBatch(
  packages: PackageRecord[],
  max: number,
  providerName: string,
): { batch: PackageRecord[]; unasked: PackageOutcome[] } {
  const batch = packages.filter((p) => p.number).slice(0, max);
  const unasked = packages
    .filter((p) => !batch.includes(p))
    .map((p) => failOne(p, failure('not_found', providerName, { detail: 'no tracking number' })));
  return { batch, unasked };
}

/**
 * Runs a one-number-per-request provider over a batch, one request after another (the scheduler limits
 * concurrency across batches). A failure of the provider as a whole stops the batch: the remaining packages get the
 * same failure without more requests being sent.
 */
export async function eachPackage(
  packages: PackageRecord[],
  one: (pkg: PackageRecord) => Promise<PackageStep>,
): Promise<RefreshResult> {
  const outcomes: PackageOutcome[] = [];
  let requests = 0;
  for (let i = 0; i < packages.length; i++) {
    const pkg = packages[i] as PackageRecord;
    const result = await one(pkg);
    requests += result.requests;
    outcomes.push(result.outcome);
    if (result.providerFailure) {
      return failBatch(packages.slice(i + 1), result.providerFailure, requests, outcomes);
    }
  }
  return { outcomes, requests };
}
