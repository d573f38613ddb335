#!/usr/bin/env node
// Benchmark of the package store in real Chromium IndexedDB, in one browser and one run:
//   - upserting 1,000 detections: end to end (two `detections` messages from an extension page to the real service
//     worker: validation, merge, transaction, badge, sync copy) and store only (the real `upsertDetections`, bundled
//     with esbuild and run in an extension page), new and repeated; reference: raw IndexedDB put of 1,000 records
//     in one transaction;
//   - listing 5,000 packages: `listActivePackages` (index `[archived+updatedAt]`) and a plain Dexie `toArray()`;
//     reference: raw IndexedDB `getAll()` of the same store.
// Ratios are to the reference measured in the same run.
//
//   node scripts/bench-store.mjs [--runs 7]        (BENCH_SKIP_BUILD=1 reuses the build in DOORSTEP_OUT_DIR)
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchWithExtension } from './extension-browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = process.env.DOORSTEP_OUT_DIR ?? '.output-bench';
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 7;

if (!process.env.BENCH_SKIP_BUILD) {
  const built = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, DOORSTEP_OUT_DIR: OUT_DIR },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error('wxt build failed');
}

// The store's own code, bundled for the page (Dexie included), exactly as the extension runs it.
const bundle = await build({
  stdin: {
    contents: `
      import { DoorstepDatabase } from './utils/store/db';
      import { listActivePackages, upsertDetections } from './utils/store/repository';
      globalThis.DoorstepBench = { DoorstepDatabase, listActivePackages, upsertDetections };`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
});
const storeCode = bundle.outputFiles[0].text;

const browser = await launchWithExtension({ extensionDir: resolve(ROOT, OUT_DIR, 'chrome-mv3') });
try {
  // A quiet page of the extension's origin (same IndexedDB as the worker; no UI reading the database meanwhile).
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/icon/16.png`);
  await page.evaluate(storeCode);

  const results = await page.evaluate(async (runs) => {
    const { DoorstepDatabase, listActivePackages, upsertDetections } = globalThis.DoorstepBench;
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    };
    const now = Date.now();
    const detection = (i, prefix) => ({
      number: `${prefix}${String(i).padStart(12, '0')}`,
      carrier: 'ups',
      itemTitles: [`Item number ${i}`],
      status: 'in_transit',
      statusText: 'On the way',
      eta: { start: '2026-11-27', end: '2026-11-29', timeZone: 'America/New_York' },
      events: [
        { at: now - 86_400_000, status: 'info_received', description: 'Label created' },
        {
          at: now - 3_600_000,
          status: 'in_transit',
          description: 'Departed facility',
          location: 'Louisville, KY',
        },
      ],
      source: { kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: now },
    });
    const batch = (from, count, prefix) =>
      Array.from({ length: count }, (_, i) => detection(from + i, prefix));
    const send = (message) => chrome.runtime.sendMessage(message);
    const timed = async (fn) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    const rawDb = (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('packages', { keyPath: 'id' });
          store.createIndex('number', 'number', { unique: true });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    const done = (tx) =>
      new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    const record = (d, id) => ({
      id,
      ...d,
      sources: [d.source],
      createdAt: now,
      updatedAt: now,
      archived: 0,
    });

    // List 5,000: fill the real database (through the worker) with 5,000 packages, then read it.
    const db = new DoorstepDatabase();
    const have = await db.packages.count();
    for (let from = 0; from < 5_000 - have; from += 500) {
      await send({ type: 'detections', detections: batch(from, Math.min(500, 5_000 - have - from), 'L') });
    }
    const total = await db.packages.count();
    const listActive = [];
    const listAll = [];
    const rawGetAll = [];
    let listed = 0;
    for (let r = 0; r < runs; r++) {
      listActive.push(
        await timed(async () => {
          listed = (await listActivePackages(db)).length;
        }),
      );
      listAll.push(await timed(() => db.packages.toArray()));
      rawGetAll.push(
        await timed(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('doorstep');
              open.onsuccess = () => {
                const request = open.result.transaction('packages').objectStore('packages').getAll();
                request.onsuccess = () => {
                  open.result.close();
                  resolve(request.result);
                };
                request.onerror = () => reject(request.error);
              };
              open.onerror = () => reject(open.error);
            }),
        ),
      );
    }
    // One page's report (1 detection) into the store of 5,000: the common case, paid on every page visit.
    const single = [];
    const singleNew = [];
    for (let r = 0; r < runs * 3; r++) {
      single.push(await timed(() => send({ type: 'detections', detections: batch(r, 1, 'L') })));
      singleNew.push(await timed(() => send({ type: 'detections', detections: batch(r, 1, 'N') })));
    }

    // Upsert 1,000: end to end through the real worker, into the store of 5,000 (a message carries at most 500).
    const e2eNew = [];
    const e2eRepeat = [];
    for (let r = 0; r < runs; r++) {
      const prefix = `E${r}X`;
      e2eNew.push(
        await timed(async () => {
          await send({ type: 'detections', detections: batch(0, 500, prefix) });
          await send({ type: 'detections', detections: batch(500, 500, prefix) });
        }),
      );
      e2eRepeat.push(
        await timed(async () => {
          await send({ type: 'detections', detections: batch(0, 500, prefix) });
          await send({ type: 'detections', detections: batch(500, 500, prefix) });
        }),
      );
    }

    // Upsert 1,000: the store alone, in a fresh database per run.
    const storeNew = [];
    const storeRepeat = [];
    const rawPut = [];
    for (let r = 0; r < runs; r++) {
      const db = new DoorstepDatabase(`bench-store-${r}`);
      await db.open();
      const detections = batch(0, 1_000, 'S');
      storeNew.push(await timed(() => upsertDetections(db, detections, now)));
      storeRepeat.push(await timed(() => upsertDetections(db, detections, now + 1)));
      await db.delete();

      const raw = await rawDb(`bench-raw-${r}`);
      const records = detections.map((d, i) => record(d, `raw-${i}`));
      rawPut.push(
        await timed(async () => {
          const tx = raw.transaction('packages', 'readwrite');
          const store = tx.objectStore('packages');
          for (const rec of records) store.put(rec);
          await done(tx);
        }),
      );
      raw.close();
      indexedDB.deleteDatabase(`bench-raw-${r}`);
    }

    db.close();
    return {
      e2eNew: median(e2eNew),
      e2eRepeat: median(e2eRepeat),
      storeNew: median(storeNew),
      storeRepeat: median(storeRepeat),
      rawPut: median(rawPut),
      single: median(single),
      singleNew: median(singleNew),
      listActive: median(listActive),
      listAll: median(listAll),
      rawGetAll: median(rawGetAll),
      total,
      listed,
    };
  }, RUNS);

  const table = (title, reference, rows) => {
    console.log(`\n${title.padEnd(52)}${'time'.padStart(10)}${reference ? '   ratio' : ''}`);
    for (const [label, value] of rows) {
      const ratio = reference ? `${(value / reference).toFixed(1).padStart(6)} x` : '';
      console.log(`  ${label.padEnd(50)}${value.toFixed(1).padStart(7)} ms  ${ratio}`);
    }
  };
  const r = results;
  console.log(
    `Chromium IndexedDB, median of ${RUNS} runs (ratios to the raw IndexedDB reference of the same run)`,
  );
  table('List 5,000 packages', r.rawGetAll, [
    ['raw IndexedDB getAll (reference)', r.rawGetAll],
    [`listActivePackages (${r.listed} active, newest first)`, r.listActive],
    ['Dexie toArray (all)', r.listAll],
  ]);
  table('Upsert 1,000 detections', r.rawPut, [
    ['raw IndexedDB put, one transaction (reference)', r.rawPut],
    ['upsertDetections, new packages', r.storeNew],
    ['upsertDetections, the same again (merge)', r.storeRepeat],
    ['2 messages to the worker, new (store of 5,000+)', r.e2eNew],
    ['2 messages to the worker, again', r.e2eRepeat],
  ]);
  table('One 1-detection message, store of 5,000 (badge included)', 0, [
    ['number seen again', r.single],
    ['new number (sync copy scheduled, written later)', r.singleNew],
  ]);
} finally {
  await browser.close();
}
