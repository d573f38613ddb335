import type { SliceStats } from './scheduler';
import './test-hooks';

/**
 * Progress marks on <html> for the browser tests and benchmarks only: any page could read them (see test-hooks.ts),
 * so the shipped build has none (the flag folds to false and the bundler drops the body). Without `stats` only the
 * count of packages found is marked (the end of the first scan).
 */
export function markProgress(
  root: HTMLElement,
  found: number,
  scans?: number,
  chars?: number,
  stats?: SliceStats,
): void {
  if (typeof __DOORSTEP_TEST_HOOKS__ !== 'undefined' && __DOORSTEP_TEST_HOOKS__)
    Object.assign(
      root.dataset,
      stats && {
        doorstepScans: scans,
        doorstepLastScanChars: chars,
        doorstepBusyMs: stats.busyMs.toFixed(1),
        doorstepLongestSliceMs: stats.longestSliceMs.toFixed(1),
        doorstepFirstSliceMs: stats.firstSliceMs.toFixed(1),
      },
      { doorstepScanned: found },
    );
}
