// Launches Chromium with the built extension loaded (used by the E2E tests, `npm start` and the benchmarks).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium-path.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where `wxt build` puts the Chrome build; DOORSTEP_OUT_DIR moves it (wxt.config.ts reads the same variable). */
export const EXTENSION_DIR = resolve(ROOT, process.env.DOORSTEP_OUT_DIR ?? '.output', 'chrome-mv3');

/** Flags that work as root on a machine with no display and a closed network (see the toolchain notes). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * @param {{ headless?: boolean, extensionDir?: string }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, serviceWorker: import('playwright-core').Worker, extensionId: string, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'doorstep-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_FLAGS],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
