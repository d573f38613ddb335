import type { ScanSummary } from './controller';
import { contentScriptFileFor } from './script-files';

/**
 * "Scan this page" from the popup: with the activeTab grant of the click, injects the content script into the active
 * tab (any site, no host permission needed) and returns what it found. A flag set first in the same isolated world
 * tells the script the user asked, so it adds what it finds even where the default is "ask".
 */

export const SCAN_REQUEST_FLAG = '__doorstepScanRequested';

/** The part of the `browser` API this needs, so the popup passes `browser` and tests pass a fake. */
export interface ScanTabApi {
  tabs: { query(query: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      files?: string[];
      func?: (flag: string) => void;
      args?: unknown[];
    }): Promise<{ result?: unknown }[]>;
  };
}

export type ScanTabResult = { ok: true; summary: ScanSummary } | { ok: false; error: string };

function isSummary(value: unknown): value is ScanSummary {
  return Boolean(
    value &&
      typeof value === 'object' &&
      typeof (value as ScanSummary).found === 'number' &&
      typeof (value as ScanSummary).sent === 'number',
  );
}

export async function scanActiveTab(api: ScanTabApi): Promise<ScanTabResult> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { ok: false, error: 'No active tab.' };
  if (tab.url && !/^https?:/i.test(tab.url)) return { ok: false, error: 'This page cannot be scanned.' };
  try {
    await api.scripting.executeScript({
      target: { tabId: tab.id },
      func: (flag: string) => {
        (globalThis as Record<string, unknown>)[flag] = true;
      },
      args: [SCAN_REQUEST_FLAG],
    });
    const [injection] = await api.scripting.executeScript({
      target: { tabId: tab.id },
      // The script of the page's own site family, so a page where it already runs is read by it again, once.
      files: [`/${contentScriptFileFor(tab.url)}`],
    });
    const summary = injection?.result;
    return isSummary(summary) ? { ok: true, summary } : { ok: false, error: 'The page did not answer.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'The page cannot be scanned.' };
  }
}

/** Reads and clears the flag (in the content script). */
export function takeScanRequest(
  scope: Record<string, unknown> = globalThis as Record<string, unknown>,
): boolean {
  const requested = scope[SCAN_REQUEST_FLAG] === true;
  delete scope[SCAN_REQUEST_FLAG];
  return requested;
}
