import { describe, expect, it } from 'vitest';
import {
  ALL_SITES_SCRIPT_ID,
  type AllSitesApi,
  syncAllSitesRegistration,
} from '../../../utils/background/all-sites';
import { CONTENT_SCRIPT_MATCHES } from '../../../utils/hosts';

function fakeApi(granted: boolean) {
  const registered = new Map<string, { matches: string[]; excludeMatches: string[]; js: string[] }>();
  const api: AllSitesApi & { granted: boolean } = {
    granted,
    permissions: { contains: async () => api.granted },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) =>
        ids.filter((id) => registered.has(id)).map((id) => ({ id })),
      registerContentScripts: async (scripts) => {
        for (const script of scripts) {
          if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          registered.set(script.id, script);
        }
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) registered.delete(id);
      },
    },
  };
  return { api, registered };
}

describe('syncAllSitesRegistration', () => {
  it('registers the content script for every http(s) site once the permission is granted, once', async () => {
    const { api, registered } = fakeApi(true);
    await expect(syncAllSitesRegistration(api)).resolves.toBe(true);
    await expect(syncAllSitesRegistration(api)).resolves.toBe(true);
    const script = registered.get(ALL_SITES_SCRIPT_ID);
    expect(script?.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(script?.js).toEqual(['content-scripts/content.js']);
    expect(script?.excludeMatches).toEqual(CONTENT_SCRIPT_MATCHES);
  });

  it('unregisters it when the permission is withdrawn, and does nothing without it', async () => {
    const { api, registered } = fakeApi(true);
    await syncAllSitesRegistration(api);
    api.granted = false;
    await expect(syncAllSitesRegistration(api)).resolves.toBe(false);
    expect(registered.size).toBe(0);
    await expect(syncAllSitesRegistration(api)).resolves.toBe(false);
    expect(registered.size).toBe(0);
  });
});
