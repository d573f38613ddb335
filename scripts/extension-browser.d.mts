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
}): Promise<ExtensionBrowser>;
