// Popup benchmark in real Chromium (`npm run bench -- popup`): with 1,000 stored packages, the time from opening
// popup.html to the first complete render (the `doorstep:first-render` mark the App sets once the list is in the
// DOM), the time from a keystroke in the search box to the filtered list (`doorstep:search-rendered`), and the popup
// bundle size gzip. Reference in the same run: the same popup opened on an empty database.
// Builds into DOORSTEP_OUT_DIR (default .output-bench-popup) so it never touches another build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

process.env.DOORSTEP_OUT_DIR ??= '.output-bench-popup';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = 1_000;
const RUNS = 9;
const QUERIES = ['catan', 'ups', 'chicago', '1Z', 'zzz-no-match', 'yoga mat', ''];

const { build } = await import('wxt');
if (!process.env.BENCH_SKIP_BUILD) await build({ browser: 'chrome', logLevel: 1 });
const { launchWithExtension, EXTENSION_DIR } = await import('./extension-browser.mjs');

/** Varied, realistic packages (statuses, carriers, windows, event histories), generated deterministically. */
function packages(count, now) {
  const DAY = 86_400_000;
  const day = (offset) => {
    const d = new Date(now + offset * DAY);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const titles = [
    'USB-C cable',
    'Hiking backpack',
    'Cast iron skillet',
    'Earbuds',
    'Board game: Catan',
    'Yoga mat',
  ];
  const carriers = ['ups', 'usps', 'fedex', 'dhl', 'amazon', 'ontrac', 'dpd', 'canada_post'];
  const statuses = [
    'in_transit',
    'in_transit',
    'out_for_delivery',
    'info_received',
    'delivered',
    'exception',
    'unknown',
  ];
  return Array.from({ length: count }, (_, i) => {
    const status = statuses[i % statuses.length];
    return {
      id: `bench-${i}`,
      number: `${i % 5 === 0 ? '1Z' : 'BN'}${String(i).padStart(12, '0')}`,
      carrier: carriers[i % carriers.length],
      merchant: ['Amazon', 'Etsy', 'eBay', 'Target'][i % 4],
      itemTitles: [`${titles[i % titles.length]} #${i}`],
      status,
      statusAt: now - (i % 96) * 3_600_000,
      eta:
        status === 'delivered'
          ? undefined
          : { start: day((i % 7) - 1), ...(i % 3 === 0 && { end: day((i % 7) + 1) }) },
      deliveredAt: status === 'delivered' ? now - (i % 72) * 3_600_000 : undefined,
      events: Array.from({ length: 2 + (i % 5) }, (_, e) => ({
        at: now - (6 - e) * 8 * 3_600_000,
        status: 'in_transit',
        description: `Arrived at sort facility ${e}`,
        location: 'Chicago, IL',
      })),
      sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: now - 3 * DAY }],
      createdAt: now - 4 * DAY - i * 60_000,
      updatedAt: now - (i % 48) * 3_600_000,
      lastCheckedAt: i % 2 ? now - (i % 90) * 60_000 : undefined,
    };
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

const browser = await launchWithExtension();
const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;

async function openPopup() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(popupUrl);
  const handle = await page.waitForFunction(() => {
    const mark = performance.getEntriesByName('doorstep:first-render')[0];
    return mark && { startTime: mark.startTime, detail: mark.detail };
  });
  const mark = await handle.jsonValue();
  return { page, firstRender: mark.startTime, rendered: mark.detail?.packages };
}

async function seed(count) {
  const { page } = await openPopup();
  await page.evaluate(
    (rows) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('doorstep');
        open.onsuccess = () => {
          const tx = open.result.transaction('packages', 'readwrite');
          tx.objectStore('packages').clear();
          for (const row of rows) tx.objectStore('packages').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    packages(count, Date.now()),
  );
  await page.close();
}

async function firstRenders(count) {
  await seed(count);
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, firstRender, rendered } = await openPopup();
    if (rendered !== count) throw new Error(`expected ${count} packages rendered, the popup saw ${rendered}`);
    if (run > 0) times.push(firstRender); // the first open warms the disk cache and code cache
    await page.close();
  }
  return times;
}

try {
  const emptyTimes = await firstRenders(0);
  const fullTimes = await firstRenders(PACKAGES);

  // Search: time from the input event to the filtered list in the DOM, and to the next painted frame.
  const { page } = await openPopup();
  const rows = await page.locator('li.package').count();
  const search = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      search.push(
        await page.evaluate(async (q) => {
          const input = document.querySelector('input[type="search"]');
          performance.clearMarks('doorstep:search-rendered');
          const start = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          while (
            !performance.getEntriesByName('doorstep:search-rendered').some((m) => m.detail?.query === q)
          ) {
            await new Promise((r) => setTimeout(r, 0));
          }
          const dom = performance.getEntriesByName('doorstep:search-rendered').at(-1).startTime - start;
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return {
            q,
            dom,
            painted: performance.now() - start,
            shown: document.querySelectorAll('li.package').length,
          };
        }, query),
      );
    }
  }
  await page.close();

  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(EXTENSION_DIR, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const js = sizes.filter((s) => s.file.endsWith('.js'));
  const sum = (list, key) => list.reduce((total, s) => total + s[key], 0);

  const empty = median(emptyTimes);
  const full = median(fullTimes);
  console.log(
    `popup first complete render (navigation start → list in the DOM), median of ${RUNS - 1} opens:`,
  );
  console.log(`  empty database (reference): ${ms(empty)}`);
  console.log(
    `  ${PACKAGES} packages (${rows} rows, archived none): ${ms(full)}  (${(full / empty).toFixed(2)}× reference; aim < 150 ms)`,
  );
  console.log(
    `  all opens: empty [${emptyTimes.map((t) => t.toFixed(0)).join(', ')}], full [${fullTimes.map((t) => t.toFixed(0)).join(', ')}]`,
  );
  const domTimes = search.map((s) => s.dom);
  const paintTimes = search.map((s) => s.painted);
  console.log(
    `search over ${PACKAGES} packages, ${search.length} keystrokes (${QUERIES.map((q) => JSON.stringify(q)).join(' ')}):`,
  );
  console.log(
    `  input → filtered list in DOM: median ${ms(median(domTimes))}, max ${ms(Math.max(...domTimes))}`,
  );
  console.log(
    `  input → next painted frame:  median ${ms(median(paintTimes))}, max ${ms(Math.max(...paintTimes))}  (aim < 50 ms; ${(median(paintTimes) / full).toFixed(2)}× the full first render)`,
  );
  console.log(
    `  rows shown per query: ${search
      .slice(0, QUERIES.length)
      .map((s) => `${JSON.stringify(s.q)}=${s.shown}`)
      .join(' ')}`,
  );
  console.log('popup bundle (what popup.html loads):');
  for (const s of sizes) console.log(`  ${s.file}: ${s.raw} B raw, ${s.gzip} B gzip -9`);
  console.log(
    `  JavaScript total: ${sum(js, 'raw')} B raw, ${sum(js, 'gzip')} B gzip; with CSS: ${sum(sizes, 'gzip')} B gzip`,
  );
  console.log(`  (built into ${EXTENSION_DIR.replace(ROOT, '')})`);
} finally {
  await browser.close();
}
