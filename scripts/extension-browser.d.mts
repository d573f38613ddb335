import type { BrowserContext, Worker } from 'playwright-core';

export const EXTENSION_DIR: string;
export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}
export function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
  /** Optional host permissions recorded as granted by the user before the test starts. */
  grantedOrigins?: string[];
  /** More Chromium flags (e.g. a proxy for the cross-browser harness). */
  args?: string[];
}): Promise<ExtensionBrowser>;
