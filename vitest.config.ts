import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { TEST_OUT_DIR } from './tests/e2e/build-dir.ts';

/**
 * The e2e tests' time zone: one where it is about midday now. Their fixtures and demo pages date events hours before
 * now ("out for delivery 3 h ago") and expect them today, as a user reading mail in the day sees them; run shortly
 * after midnight they were yesterday's and a dozen tests failed on the clock alone. The test process and the browsers
 * it launches (they inherit its environment) share the zone. The midnight rollover itself is tested in unit tests
 * with injected clocks.
 */
function middayZone(now: Date): string {
  // `Etc/GMT+N` is N hours behind UTC (POSIX sign); N runs from -12 to +11 here, all valid zones.
  const behind = now.getUTCHours() - 12;
  return behind === 0 ? 'Etc/GMT' : `Etc/GMT${behind > 0 ? '+' : ''}${behind}`;
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          // A certificate for the HTTPS contract servers of the provider tests.
          globalSetup: ['tests/unit/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // The production builds global-setup makes, in their own folder (the harness reads this variable).
          env: { DOORSTEP_OUT_DIR: TEST_OUT_DIR, TZ: middayZone(new Date()) },
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The browser updates asynchronously and CI machines are slow: polled assertions wait up to 15 s.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
