import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { TEST_OUT_DIR } from './tests/e2e/build-dir.ts';

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
          env: { DOORSTEP_OUT_DIR: TEST_OUT_DIR },
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
