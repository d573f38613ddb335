import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/OptionsPage';
import { type OptionsServices, OptionsServicesContext } from '@/components/options-services';
import { browserTranslator } from '@/utils/i18n/translate';
import { indexedDbKeyStore } from '@/utils/keys/provider-key-store';
import { createMessageClient } from '@/utils/messaging/client';
import { getDatabase } from '@/utils/store/db';
import { safeHttpUrl } from '@/utils/view/links';
import '@/components/popup.css';
import '@/components/options.css';
import { uiLocale } from '@/utils/i18n/ui-locale';

// Wiring only: the real browser behind the services the options page uses.
const services: OptionsServices = {
  db: getDatabase(),
  send: createMessageClient((message) => browser.runtime.sendMessage(message)),
  storage: browser.storage.local,
  keys: indexedDbKeyStore(indexedDB),
  clearSynced: () => browser.storage.sync.clear(),
  permissions: {
    request: (origins, apiPermissions) =>
      browser.permissions.request({
        origins,
        ...(apiPermissions?.length && {
          permissions: apiPermissions as Browser.permissions.Permissions['permissions'],
        }),
      }),
    contains: (origins) => browser.permissions.contains({ origins }),
    remove: (origins) => browser.permissions.remove({ origins }),
  },
  download: (filename, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  openUrl: (url) => {
    const safe = safeHttpUrl(url);
    if (safe) void browser.tabs.create({ url: safe });
  },
  t: browserTranslator(browser.i18n),
  locale: uiLocale(browser.i18n.getMessage('catalogLanguage'), browser.i18n.getUILanguage()),
  now: () => new Date(),
};

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = services.t('optionsTitle');
const root = document.getElementById('app');
if (root) {
  render(
    <OptionsServicesContext.Provider value={services}>
      <OptionsPage />
    </OptionsServicesContext.Provider>,
    root,
  );
}
