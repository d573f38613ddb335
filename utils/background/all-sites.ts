import { CONTENT_SCRIPT_FILES } from '../content/script-files';
import { CONTENT_SCRIPT_MATCHES } from '../hosts';

/**
 * "Look for parcels on every site": an optional permission the user grants from the options page. While it is
 * granted, the content script is registered for every http(s) page besides the named hosts it already runs on;
 * when it is withdrawn (in the options page or the browser's own extension settings) the registration goes too.
 */

export const ALL_SITES_ORIGINS = ['*://*/*'];
export const ALL_SITES_SCRIPT_ID = 'doorstep-all-sites';
const CONTENT_SCRIPT_FILE = CONTENT_SCRIPT_FILES.page;

/** The parts of `browser.permissions` and `browser.scripting` this needs (fakes in tests). */
export interface AllSitesApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(
      scripts: {
        id: string;
        js: string[];
        matches: string[];
        excludeMatches: string[];
        runAt: 'document_idle';
        persistAcrossSessions: boolean;
      }[],
    ): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

/** Brings the dynamic registration in line with the permission; returns whether the script now runs everywhere. */
export async function syncAllSitesRegistration(api: AllSitesApi): Promise<boolean> {
  const granted = await api.permissions.contains({ origins: ALL_SITES_ORIGINS });
  const registered =
    (await api.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] })).length > 0;
  if (granted && !registered) {
    await api.scripting.registerContentScripts([
      {
        id: ALL_SITES_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        matches: ['http://*/*', 'https://*/*'],
        // The manifest's content script already runs there; running twice would scan twice.
        excludeMatches: CONTENT_SCRIPT_MATCHES,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered) {
    await api.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  }
  return granted;
}
