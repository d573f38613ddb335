import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CARRIER_WEB_OPTIONAL_ORIGINS, CARRIER_WEB_REQUIRED_ORIGINS } from './utils/carrier-web/origins';
import { AMAZON_MATCHES } from './utils/hosts';
import { PROVIDER_API_ORIGINS } from './utils/providers/catalogue';

// Doorstep's manifest. Permissions are the least the features need: named hosts come from the content script's
// matches; any other site is scanned only through activeTab or the optional "all sites" permission.
export default defineConfig({
  // Parallel test runs (and helpers) can build into their own folder; the browser harness reads the same variable.
  outDir: process.env.DOORSTEP_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip (for store review) is the project without test screenshots or other engineers' builds.
  zip: { excludeSources: ['artifacts/**', '.output-*/**'] },
  vite: () => ({
    plugins: [preact()],
    // Page marks for the browser tests (utils/content/test-hooks.ts): only the tests' own build sets the variable.
    define: { __DOORSTEP_TEST_HOOKS__: JSON.stringify(process.env.DOORSTEP_TEST_HOOKS === '1') },
  }),
  hooks: {
    // The polyfill matters where listeners return promises (the background's onMessage on Chrome before 144). The
    // content script only calls promise-returning APIs that chrome.* has had natively since MV3 (sendMessage,
    // storage), and it runs on every page the user reads, within a 30 KB budget: there, `wxt/browser` resolves to
    // WXT's own `browser ?? chrome` instead, which saves about 3 KB gzip.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: alias.filter((a) => a.find !== 'wxt/browser') };
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  manifest: ({ browser }) => ({
    // Translated from public/_locales (en, de, fr, es); English is the fallback for every other language.
    default_locale: 'en',
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    permissions: [
      'storage',
      'alarms',
      'contextMenus',
      'activeTab',
      'scripting',
      'notifications',
      // Chrome's service worker has no DOMParser: Amazon track pages are parsed in an offscreen document. Firefox's
      // event page parses them itself.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Status providers' API hosts, requested one by one when the user enables a provider (the broad pattern below
    // already covers them; listing them documents exactly where refreshes may go).
    // Likewise UPS's tracking API host for keyless UPS checks, with `cookies` to read the XSRF token UPS's own page
    // sets (utils/carriers/ups/web.ts).
    optional_host_permissions: [...PROVIDER_API_ORIGINS, ...CARRIER_WEB_OPTIONAL_ORIGINS, '*://*/*'],
    optional_permissions: ['cookies'],
    // Amazon session refresh fetches the user's own track pages from the background. These are exactly the Amazon
    // hosts the content script already runs on, so the install prompt does not change.
    // Keyless carrier checks (utils/carrier-web) ask carrier hosts the content script already runs on, so they do
    // not change the install prompt either.
    host_permissions: [...AMAZON_MATCHES, ...CARRIER_WEB_REQUIRED_ORIGINS],
    action: { default_title: 'Doorstep' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'doorstep@doorstep.invalid', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
});
