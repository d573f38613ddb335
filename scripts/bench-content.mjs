// Content-script benchmark in real Chromium (builds into DOORSTEP_OUT_DIR, default .output-bench-content; set
// BENCH_SKIP_BUILD=1 to reuse it): main-thread time per
// scan, longest slice, and the page's long tasks (PerformanceObserver 'longtask') for
//   1. a Gmail-like page with a 100-message thread (first scan, real extension at mail.google.com),
//   2. the same thread streaming in as 300 mutations (mutation handling),
//   3. a 2 MB page built from ../shared/corpus/bigpage.txt, scanned as "Scan this page" would (the content script
//      injected into a tab of a non-matched host),
//   4. a 4 MB e-mail (bigpage.txt twice, in paragraphs, three tracking numbers: start, middle, end) opened in Gmail,
// each once on a quiet machine and once while a second process keeps one core busy (scripts/cpu-load.mjs, bounded in
// time), against issue 15's goal: no slice over 50 ms. Reference measured in the same run: the same page loaded where
// the extension does not run (its own long tasks), and one bare `document.body.innerText` read of it. Also prints
// each content script's gzip size (budget 30 KB each).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

process.env.DOORSTEP_OUT_DIR ??= '.output-bench-content';
// The benchmark reads the scan statistics the content script marks on <html> in test builds only.
process.env.DOORSTEP_TEST_HOOKS ??= '1';
const { build } = await import('wxt');
if (!process.env.BENCH_SKIP_BUILD) await build({ browser: 'chrome', logLevel: 1 });
// Imported after the build folder is chosen: it reads DOORSTEP_OUT_DIR when loaded.
const { EXTENSION_DIR, launchWithExtension } = await import('./extension-browser.mjs');
const { startCpuLoad } = await import('./cpu-load.mjs');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// One content script per site family (webmail, Amazon, carrier/any page); each has the 30 KB budget.
const CONTENT_SCRIPTS = ['webmail.js', 'amazon.js', 'content.js'].map((f) =>
  join(EXTENSION_DIR, 'content-scripts', f),
);
const BIGPAGE = join(ROOT, '..', 'shared', 'corpus', 'bigpage.txt');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function bigPageHtml() {
  const text = readFileSync(BIGPAGE, 'utf8');
  const blocks = text
    .split(/\n{2,}/)
    .map((b) => `<div class="post"><p>${escapeHtml(b).replace(/\n/g, '<br>')}</p></div>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Big page</title></head><body><main>${blocks.join('\n')}</main></body></html>`;
}

const NUMBERS = [
  '1Z5R89390357567127',
  '986578788855',
  '9400111206206406260787',
  'TBA010000000000',
  'RB123456785GB',
];
function gmailMessage(i) {
  const number = NUMBERS[i % NUMBERS.length];
  const filler =
    'Thanks for your order. Here is an update about the items you bought from our store. '.repeat(6);
  return `<div class="adn ads" data-message-id="#msg-f:${1785000000000000000 + i}">
  <div class="gE iv gt"><span class="gD" email="updates${i}@shop${i}.example" name="Shop ${i}">Shop ${i}</span>
  <span class="g3" title="Fri, Nov 27, 2026, 7:${String(i % 60).padStart(2, '0')} AM">7:00 AM</span></div>
  <div class="ii gt"><div class="a3s aiL"><p>${filler}</p><p>Your package has shipped. Arriving Tuesday.</p>
  <p>Tracking number: ${number}</p><p><a href="https://example.com/unsubscribe?id=${i}">Unsubscribe</a></p></div></div></div>`;
}
function gmailHtml({ streaming }) {
  const messages = Array.from({ length: 100 }, (_, i) => gmailMessage(i));
  const thread = streaming ? '' : messages.join('\n');
  const script = streaming
    ? `<script>
      const all = ${JSON.stringify(messages)};
      window.__stream = () => new Promise((done) => {
        const main = document.querySelector('div[role=main]');
        let i = 0, part = 0;
        const tick = () => {
          // Each message arrives in three pieces (header, body, tail), like a client rendering progressively.
          const holder = document.createElement('div'); holder.innerHTML = all[i]; const node = holder.firstElementChild;
          if (part === 0) { main.append(node); }
          else { const body = main.lastElementChild.querySelector('.a3s'); body?.append(Object.assign(document.createElement('p'), { textContent: 'More details ' + part })); }
          part = (part + 1) % 3; if (part === 0) i++;
          if (i < all.length) setTimeout(tick, 2); else done();
        };
        tick();
      });
    </script>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Thread - Gmail</title></head><body>
  <div class="nH"><div role="navigation">Inbox</div><div role="main"><h2 class="hP">Your orders</h2>${thread}</div></div>${script}</body></html>`;
}

/** One opened Gmail message of about 4 MB of text, tracking numbers at its start, middle and end. */
function bigMailHtml() {
  const text = readFileSync(BIGPAGE, 'utf8');
  const paragraphs = `${text}\n\n${text}`
    .split(/\n{2,}/)
    .map((b) => `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`);
  const middle = paragraphs.length >> 1;
  paragraphs.splice(middle, 0, `<p>Second parcel: UPS tracking number ${NUMBERS[0]}</p>`);
  paragraphs.unshift(`<p>Your package has shipped. Tracking number: ${NUMBERS[2]}</p>`);
  paragraphs.push(`<p>Third parcel, FedEx tracking number: ${NUMBERS[1]}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Log - Gmail</title></head><body>
  <div class="nH"><div role="navigation">Inbox</div><div role="main"><h2 class="hP">Your shipment and the export you asked for</h2>
  <div class="adn ads" data-message-id="#msg-f:1785000000000000999">
  <div class="gE iv gt"><span class="gD" email="updates@shop.example" name="Shop">Shop</span>
  <span class="g3" title="Fri, Nov 27, 2026, 7:00 AM">7:00 AM</span></div>
  <div class="ii gt"><div class="a3s aiL">${paragraphs.join('\n')}</div></div></div></div></div></body></html>`;
}

const LONGTASK_PROBE = () => {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longtasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

// Generous: the 4 MB mail is hundreds of slices, each waiting its turn on a loaded machine (the slices, not the
// total, are what the goal bounds).
async function settle(page, attribute, minimum = 1) {
  await page.waitForFunction(
    ([name, min]) => Number(document.documentElement.getAttribute(name) ?? 0) >= min,
    [attribute, minimum],
    { timeout: 240_000 },
  );
  await page.waitForTimeout(600);
}

async function stats(page, since = 0) {
  return page.evaluate((t0) => {
    const d = document.documentElement.dataset;
    const tasks = (window.__longtasks ?? []).filter((t) => t.start >= t0);
    return {
      found: Number(d.doorstepScanned ?? 0),
      scans: Number(d.doorstepScans ?? 0),
      busyMs: Number(d.doorstepBusyMs ?? 0),
      longestSliceMs: Number(d.doorstepLongestSliceMs ?? 0),
      firstSliceMs: Number(d.doorstepFirstSliceMs ?? 0),
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    };
  }, since);
}

async function reference(context, url) {
  const page = await context.newPage();
  await page.addInitScript(LONGTASK_PROBE);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForTimeout(800);
  const afterLoad = await stats(page);
  const innerTextMs = await page.evaluate(() => {
    const t = performance.now();
    // biome-ignore lint/performance/useDomNodeTextContent: the reference is the layout-aware read a naive detector does.
    void document.body.innerText.length;
    return performance.now() - t;
  });
  await page.close();
  return { ...afterLoad, innerTextMs };
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : String(n));
/** Issue 15's goal for the page's longest task due to us. */
const GOAL_MS = 50;
const verdict = (ms) => `${ms > GOAL_MS ? 'OVER' : 'UNDER'} the ${GOAL_MS} ms goal`;

// The 2 MB page is scanned on request, not automatically: start as a user who granted its host (the optional
// permission "Scan this page"/"all sites" relies on), recorded in the profile as Chromium does after the prompt.
const browser = await launchWithExtension({ grantedOrigins: ['https://big.example/*'] });
const { context, serviceWorker } = browser;

/** Opens `url` with the long-task probe and waits for the first scan's marks. */
async function scanned(url) {
  const page = await context.newPage();
  await page.addInitScript(LONGTASK_PROBE);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await settle(page, 'data-doorstep-scans');
  return page;
}

/** Every scenario once; returns its rows for the summary. `tag` names the run (quiet or loaded). */
async function runScenarios(tag) {
  const rows = [];
  const row = (name, s, ref) => {
    rows.push({ name, ...s, ref });
    console.log(
      `   longest slice ${fmt(s.longestSliceMs)} ms (first slice ${fmt(s.firstSliceMs)} ms): ${verdict(s.longestSliceMs)} [${tag}]`,
    );
  };

  // 1. Gmail-like thread, first scan by the real extension.
  const gmailRef = await reference(context, 'https://gmail-copy.example/thread');
  const gmail = await scanned('https://mail.google.com/mail/u/9/');
  const g = await stats(gmail);
  console.log(`\n1. Gmail-like page, 100-message thread (first scan) [${tag}]`);
  console.log(
    `   extension: ${g.found} packages, main-thread ${fmt(g.busyMs)} ms in scan slices, longest slice ${fmt(g.longestSliceMs)} ms`,
  );
  console.log(
    `   long tasks on the page with the extension: ${g.longTasks} (longest ${fmt(g.longestTaskMs)} ms); without it: ${gmailRef.longTasks} (longest ${fmt(gmailRef.longestTaskMs)} ms)`,
  );
  console.log(
    `   reference: one body.innerText read ${fmt(gmailRef.innerTextMs)} ms → scan/innerText ${fmt(g.busyMs / gmailRef.innerTextMs)}×`,
  );
  row('100-message thread', g, gmailRef);
  await gmail.close();

  // 2. The same thread streaming in.
  const stream = await scanned('https://mail.google.com/mail/u/8/');
  const before = await stats(stream);
  const t0 = await stream.evaluate(() => performance.now());
  await stream.evaluate(() => window.__stream());
  // Every streamed message read (a fixed wait is too short on a loaded machine), then the last batch settled.
  await settle(stream, 'data-doorstep-scanned', NUMBERS.length);
  await stream.waitForTimeout(900);
  const s = await stats(stream, t0);
  console.log(`\n2. The thread streaming in (300 mutations over ~0.7 s) [${tag}]`);
  console.log(
    `   extension: ${s.found} packages in ${s.scans - before.scans} batched scans, main-thread ${fmt(s.busyMs - before.busyMs)} ms total, longest slice ${fmt(s.longestSliceMs)} ms`,
  );
  console.log(`   long tasks while streaming: ${s.longTasks} (longest ${fmt(s.longestTaskMs)} ms)`);
  row('thread streaming in', s, undefined);
  await stream.close();

  // 3. 2 MB page, injected as "Scan this page" does (the flag makes it add what it finds).
  const bigRef = await reference(context, 'https://big.example/page');
  const big = await context.newPage();
  await big.addInitScript(LONGTASK_PROBE);
  await big.goto('https://big.example/page', { waitUntil: 'load' });
  await big.waitForTimeout(800);
  const tStart = await big.evaluate(() => performance.now());
  const pageUrl = big.url();
  const injected = await serviceWorker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url: `${url}*` });
    if (!tab?.id) return 'no tab';
    try {
      await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        files: ['/content-scripts/content.js'],
      });
      return 'ok';
    } catch (error) {
      return String(error);
    }
  }, pageUrl);
  if (injected !== 'ok') {
    console.log(
      `\n3. 2 MB page: could not inject (${injected}); grant the optional "all sites" permission to measure it.`,
    );
  } else {
    await settle(big, 'data-doorstep-scans');
    const b = await stats(big, tStart);
    console.log(`\n3. 2 MB page (bigpage.txt), first scan [${tag}]`);
    console.log(
      `   extension: ${b.found} packages, main-thread ${fmt(b.busyMs)} ms in scan slices, longest slice ${fmt(b.longestSliceMs)} ms`,
    );
    console.log(
      `   long tasks after injection: ${b.longTasks} (longest ${fmt(b.longestTaskMs)} ms); page alone after load: ${bigRef.longTasks}`,
    );
    console.log(
      `   reference: one body.innerText read ${fmt(bigRef.innerTextMs)} ms → scan/innerText ${fmt(b.busyMs / bigRef.innerTextMs)}×`,
    );
    row('2 MB page', b, bigRef);
  }
  await big.close();

  // 4. A 4 MB e-mail opened in Gmail.
  const mailRef = await reference(context, 'https://gmail-copy.example/big-mail');
  const opened = Date.now();
  const mail = await scanned('https://mail.google.com/mail/u/7/');
  const m = await stats(mail);
  const wallS = (Date.now() - opened) / 1000;
  console.log(`\n4. A 4 MB e-mail in Gmail (first scan, ${fmt(wallS)} s from opening to settled) [${tag}]`);
  console.log(
    `   extension: ${m.found} packages, main-thread ${fmt(m.busyMs)} ms in scan slices, longest slice ${fmt(m.longestSliceMs)} ms`,
  );
  console.log(
    `   long tasks on the page with the extension: ${m.longTasks} (longest ${fmt(m.longestTaskMs)} ms); without it: ${mailRef.longTasks} (longest ${fmt(mailRef.longestTaskMs)} ms)`,
  );
  console.log(
    `   reference: one body.innerText read ${fmt(mailRef.innerTextMs)} ms → scan/innerText ${fmt(m.busyMs / mailRef.innerTextMs)}×`,
  );
  row('4 MB e-mail', m, mailRef);
  await mail.close();
  return rows;
}

try {
  const pages = {
    'https://mail.google.com/mail/u/9/': gmailHtml({ streaming: false }),
    'https://mail.google.com/mail/u/8/': gmailHtml({ streaming: true }),
    'https://gmail-copy.example/thread': gmailHtml({ streaming: false }),
    'https://big.example/page': bigPageHtml(),
    'https://mail.google.com/mail/u/7/': bigMailHtml(),
    'https://gmail-copy.example/big-mail': bigMailHtml(),
  };
  await context.route(
    (url) => Object.hasOwn(pages, url.href),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: pages[route.request().url()],
      }),
  );
  for (const file of CONTENT_SCRIPTS) {
    console.log(
      `content script ${file.slice(EXTENSION_DIR.length + 1)}: ${readFileSync(file).length} B raw, ${gzipSync(readFileSync(file), { level: 9 }).length} B gzip (budget 30,720 B)`,
    );
  }

  const quiet = await runScenarios('quiet');
  // The same again while a second process keeps one core busy (the machine has two), stopped right after.
  const load = await startCpuLoad(300_000);
  let loaded;
  try {
    console.log('\n--- with one core kept busy by a second process ---');
    loaded = await runScenarios('loaded');
  } finally {
    load.stop();
  }
  console.log(`\nSummary: the longest slice of each scan, against issue 15's goal (${GOAL_MS} ms)`);
  for (const [i, q] of quiet.entries()) {
    const l = loaded.find((r) => r.name === q.name);
    const ref = q.ref
      ? `; page alone: longest task ${fmt(q.ref.longestTaskMs)} ms, innerText ${fmt(q.ref.innerTextMs)} ms`
      : '';
    console.log(
      `   ${i + 1}. ${q.name}: quiet ${fmt(q.longestSliceMs)} ms ${q.longestSliceMs > GOAL_MS ? 'OVER' : 'UNDER'}, loaded ${fmt(l?.longestSliceMs)} ms ${(l?.longestSliceMs ?? 0) > GOAL_MS ? 'OVER' : 'UNDER'}; longest long task quiet ${fmt(q.longestTaskMs)} / loaded ${fmt(l?.longestTaskMs)} ms${ref}`,
    );
  }
} finally {
  await browser.close();
}
