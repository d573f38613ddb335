import { build } from 'wxt';

/** Builds the Chrome extension once before the browser tests (skip with E2E_SKIP_BUILD=1 after a fresh build). */
export default async function setup(): Promise<void> {
  if (!process.env.E2E_SKIP_BUILD) await build({ browser: 'chrome' });
}
