// Launches Chromium with the built extension loaded (used by the E2E tests, `npm start` and the benchmarks).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * Records optional host permissions as granted in a profile, exactly as Chromium stores them once the user accepted
 * the permission prompt. Headless Chromium cannot show that prompt; this lets tests run the shipped code with a
 * permission the user would have granted, without any test-only path in the extension.
 */
function grantInProfile(profile, extensionId, origins) {
  const file = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error('the extension is not installed in this profile');
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= {};
    settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), ...origins])];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

async function launchOnce(profile, extensionDir, headless, extraArgs = []) {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...QUIET_FLAGS,
      ...extraArgs,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host };
}

/**
 * Launches a fresh profile with the extension. With `grantedOrigins`, the extension is installed by a first
 * launch, those optional host permissions are recorded as granted, and the browser is started again.
 * @param {{ headless?: boolean, extensionDir?: string, grantedOrigins?: string[], args?: string[] }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, serviceWorker: import('playwright-core').Worker, extensionId: string, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const headless = options.headless ?? true;
  const profile = mkdtempSync(join(tmpdir(), 'doorstep-profile-'));
  let launched = await launchOnce(profile, extensionDir, headless, options.args);
  if (options.grantedOrigins?.length) {
    await launched.context.close();
    grantInProfile(profile, launched.extensionId, options.grantedOrigins);
    launched = await launchOnce(profile, extensionDir, headless, options.args);
  }
  return {
    ...launched,
    close: async () => {
      await launched.context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
