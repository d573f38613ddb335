import type { PackageRecord } from '../store/types';
import { failAll } from './normalize';
import type { PackageOutcome, ProviderFailure, RefreshResult } from './types';

/**
 * Runs a one-number-per-request provider over a batch, one request after another (the scheduler limits
 * concurrency across batches). A failure of the provider as a whole (auth, rate limit, outage, unreachable) stops
 * the batch: the remaining packages get the same failure without more requests being sent.
 */
export async function eachPackage(
  packages: PackageRecord[],
  one: (
    pkg: PackageRecord,
  ) => Promise<{ outcome: PackageOutcome; requests: number; providerFailure?: ProviderFailure }>,
): Promise<RefreshResult> {
  const outcomes: PackageOutcome[] = [];
  let requests = 0;
  for (let i = 0; i < packages.length; i++) {
    const pkg = packages[i] as PackageRecord;
    const result = await one(pkg);
    requests += result.requests;
    outcomes.push(result.outcome);
    if (result.providerFailure) {
      outcomes.push(...failAll(packages.slice(i + 1), result.providerFailure));
      return { outcomes, providerFailure: result.providerFailure, requests };
    }
  }
  return { outcomes, requests };
}

/** Whether a failure concerns the provider as a whole rather than one number. */
export function isProviderWide(f: ProviderFailure): boolean {
  return f.kind !== 'not_found' && f.kind !== 'malformed';
}
