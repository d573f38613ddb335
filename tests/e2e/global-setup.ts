import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_OUT_DIR } from './build-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds what ships, once per test run: the production Chrome and Firefox MV3 builds and their zips, into the
 * tests' own folder. A child process, because Vitest sets NODE_ENV=test, which would make WXT build the development
 * flavour (absolute source paths, devtools hooks, bigger chunks). Skip with E2E_SKIP_BUILD=1 after a fresh build.
 */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  // DOORSTEP_TEST_HOOKS: the one difference from the shipped build, the page marks the tests wait for (chip state,
  // scan progress on <html>); see utils/content/test-hooks.ts.
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DOORSTEP_OUT_DIR: TEST_OUT_DIR,
    DOORSTEP_TEST_HOOKS: '1',
  };
  const wxt = (...args: string[]) =>
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  wxt('zip', '-b', 'chrome');
  wxt('zip', '-b', 'firefox', '--mv3');
}
