// `npm start`: builds Doorstep, serves the demo pages on 127.0.0.1 under the real URLs of the sites they imitate,
// and opens Chromium with the extension loaded on them. Without a display it runs headless, prints what the extension
// found and writes a popup screenshot.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'wxt';
import { loadRoutes, routeDemoPages, startDemoServer } from './demo-server.mjs';
import { launchWithExtension } from './extension-browser.mjs';

const headless = !process.env.DISPLAY && process.platform === 'linux';
// The demo build marks pages with its scan progress (read below); `npm run build`, the build to install, does not.
process.env.DOORSTEP_TEST_HOOKS ??= '1';
await build({ browser: 'chrome' });

const server = await startDemoServer();
// The demo includes a shop page on an ordinary site: start as a user who granted the optional "all sites"
// permission, so Doorstep shows its Track chips there too.
const browser = await launchWithExtension({ headless, grantedOrigins: ['*://*/*'] });
await waitForAllSitesScript(browser.serviceWorker);
const routes = loadRoutes();
await routeDemoPages(browser.context, server.origin, routes);
console.log(`\nDemo pages served from ${server.origin}, routed under their real URLs:`);
for (const route of routes) {
  const page = await browser.context.newPage();
  await page.goto(route.url);
  const found = await page
    .waitForSelector('html[data-doorstep-scanned]', { state: 'attached', timeout: 15_000 })
    .then(() => page.locator('html').getAttribute('data-doorstep-scanned'))
    .catch(() => 'no scan report');
  console.log(`  ${route.name}\n    ${route.url}  (found: ${found})`);
}

const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
await popup.waitForSelector('.popup-body:not(:has(.loading))');

if (headless) {
  const packages = await browser.serviceWorker.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('doorstep');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('packages').objectStore('packages').getAll();
          request.onsuccess = () => done(request.result);
        };
      }),
  );
  const badge = await browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
  console.log(`\nDoorstep found ${packages.length} package(s):`);
  for (const p of packages) {
    const what = p.number ?? `order ${p.orderId}`;
    const eta = p.eta ? `, expected ${p.eta.start}${p.eta.end ? ` – ${p.eta.end}` : ''}` : '';
    console.log(
      `  ${(p.carrier ?? '?').padEnd(8)} ${what.padEnd(34)} ${p.status}${eta}  (from ${p.sources[0]?.url ?? p.sources[0]?.kind})`,
    );
  }
  console.log(`Badge: "${badge}"`);
  mkdirSync('artifacts', { recursive: true });
  const shot = resolve('artifacts/popup.png');
  await popup.screenshot({ path: shot });
  console.log(`Popup screenshot: ${shot}`);
  await browser.close();
  await server.close();
} else {
  console.log('\nChromium is open with Doorstep loaded. Press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
}

/** Dynamic content scripts apply to pages loaded after their registration, which the worker does at start. */
async function waitForAllSitesScript(worker) {
  for (let i = 0; i < 100; i++) {
    const ids = await worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
    );
    if (ids.length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
