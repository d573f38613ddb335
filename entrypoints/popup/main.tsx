import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/components/App';
import { type Services, ServicesContext } from '@/components/services';
import { scanActiveTab } from '@/utils/content/scan-active-tab';
import { browserTranslator } from '@/utils/i18n/translate';
import { createMessageClient } from '@/utils/messaging/client';
import { loadSettings } from '@/utils/settings';
import { getDatabase } from '@/utils/store/db';
import { identifyTrackingNumber, trackingUrlFor } from '@/utils/tracking';
import { safeHttpUrl } from '@/utils/view/links';
import '@/components/popup.css';
import { uiLocale } from '@/utils/i18n/ui-locale';

// Wiring only: the real browser behind the services the components use.
const services: Services = {
  db: getDatabase(),
  send: createMessageClient((message) => browser.runtime.sendMessage(message)),
  identify: (input) => identifyTrackingNumber(input),
  carrierUrl: (carrier, number) => trackingUrlFor(carrier as Parameters<typeof trackingUrlFor>[0], number),
  openUrl: (url) => {
    const safe = safeHttpUrl(url);
    if (safe) void browser.tabs.create({ url: safe });
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  copyText: (text) => navigator.clipboard.writeText(text),
  scanPage: async () => {
    const scan = await scanActiveTab(browser);
    return scan.ok ? { ok: true, found: scan.summary.found } : scan;
  },
  loadSettings: () => loadSettings(browser.storage.local),
  t: browserTranslator(browser.i18n),
  locale: uiLocale(browser.i18n.getMessage('catalogLanguage'), browser.i18n.getUILanguage()),
  now: () => new Date(),
};

performance.mark('doorstep:script-start');
document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) {
  render(
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>,
    root,
  );
}
