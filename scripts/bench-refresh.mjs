#!/usr/bin/env node
// Benchmark of status refresh (utils/refresh + utils/providers), in one process and one run, against a local HTTP
// server that answers as the 17TRACK and UPS APIs do (no request leaves the machine):
//   1. planning alone: planRefresh over 1,000 packages (median of many runs);
//   2. a full scheduled run over 1,000 packages with 17TRACK (40 numbers per request) and with UPS (OAuth, one
//      number per request, hourly budget 200): requests sent, packages stored, wall time, peak heap;
//   3. the reference: a bare fetch loop that sends the same 17TRACK requests and parses the answers, with no
//      scheduling, no validation and no database; ratios are printed against it.
// The TypeScript modules are bundled with esbuild into a temporary directory; IndexedDB is fake-indexeddb.
//
//   node --expose-gc scripts/bench-refresh.mjs [--packages 1000] [--latency 2]
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? Number(argv[i + 1]) : fallback;
};
const PACKAGES = option('packages', 1000);
const LATENCY_MS = option('latency', 2);
const NOW = Date.UTC(2025, 2, 10, 15, 0);

// ---- the code under test, bundled from TypeScript ----
const dir = mkdtempSync(join(tmpdir(), 'doorstep-bench-refresh-'));
const entry = `
import 'fake-indexeddb/auto';
export { planRefresh } from '${ROOT}/utils/refresh/plan.ts';
export { runRefresh } from '${ROOT}/utils/refresh/runner.ts';
export { seventeenTrack } from '${ROOT}/utils/providers/seventeen-track.ts';
export { ups } from '${ROOT}/utils/providers/ups.ts';
export { memoryTokenCache } from '${ROOT}/utils/providers/oauth.ts';
export { DoorstepDatabase } from '${ROOT}/utils/store/db.ts';
`;
await build({
  stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: join(dir, 'refresh.mjs'),
  logLevel: 'error',
});
const m = await import(pathToFileURL(join(dir, 'refresh.mjs')).href);

// ---- a local server answering like the APIs ----
let served = 0;
const iso = (t) => new Date(t).toISOString();
function trackInfo(number, i) {
  const out = i % 3 === 0;
  const t = NOW - 3_600_000 - (i % 50) * 60_000;
  return {
    number,
    carrier: 100002,
    track_info: {
      latest_status: {
        status: out ? 'OutForDelivery' : 'InTransit',
        sub_status: out ? 'OutForDelivery_Other' : 'InTransit_Arrival',
      },
      latest_event: {
        time_utc: iso(t),
        description: out ? 'Out For Delivery Today' : 'Arrived at Facility',
        location: 'Wayne, NJ, US',
      },
      time_metrics: {
        estimated_delivery_date: { from: '2025-03-11T00:00:00-04:00', to: '2025-03-12T23:59:59-04:00' },
      },
      tracking: {
        providers: [
          {
            events: [
              {
                time_utc: iso(t),
                description: out ? 'Out For Delivery Today' : 'Arrived at Facility',
                location: 'Wayne, NJ, US',
                sub_status: out ? 'OutForDelivery_Other' : 'InTransit_Arrival',
              },
              {
                time_utc: iso(t - 86_400_000),
                description: 'Departed from Facility',
                location: 'Louisville, KY, US',
                sub_status: 'InTransit_Departure',
              },
              {
                time_utc: iso(t - 2 * 86_400_000),
                description: 'Label created',
                location: '',
                sub_status: 'InfoReceived',
              },
            ],
          },
        ],
      },
    },
  };
}
function upsDetails(number, i) {
  return {
    trackResponse: {
      shipment: [
        {
          inquiryNumber: number,
          package: [
            {
              trackingNumber: number,
              deliveryDate: [{ type: 'SDD', date: '20250311' }],
              currentStatus: {
                type: 'I',
                description: i % 2 ? 'Arrived at Facility' : 'Out For Delivery Today',
              },
              activity: [
                {
                  status: { type: 'I', description: 'Arrived at Facility' },
                  gmtDate: '20250310',
                  gmtTime: '101500',
                  location: { address: { city: 'Wayne', stateProvince: 'NJ', countryCode: 'US' } },
                },
              ],
            },
          ],
        },
      ],
    },
  };
}
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    served++;
    const reply = (body) =>
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        LATENCY_MS,
      );
    const url = new URL(req.url, 'http://x');
    if (url.pathname.endsWith('/gettrackinfo')) {
      const numbers = JSON.parse(Buffer.concat(chunks).toString());
      reply({ code: 0, data: { accepted: numbers.map((n, i) => trackInfo(n.number, i)), rejected: [] } });
    } else if (url.pathname.endsWith('/oauth/token')) {
      reply({ access_token: 'bench-token', expires_in: 14399 });
    } else if (url.pathname.startsWith('/api/track/v1/details/')) {
      const number = decodeURIComponent(url.pathname.split('/').pop());
      reply(upsDetails(number, number.charCodeAt(number.length - 1)));
    } else {
      res.writeHead(404).end();
    }
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- helpers ----
/** UPS-shaped numbers (1Z + 16), distinct; the runner does not validate check digits. */
const numberOf = (i) => `1Z999AA1${String(i).padStart(10, '0')}`;
function makePackages(carrier) {
  return Array.from({ length: PACKAGES }, (_, i) => ({
    id: `p${i}`,
    number: numberOf(i),
    carrier,
    itemTitles: [],
    status: 'in_transit',
    statusAt: NOW - 3 * 86_400_000,
    events: [],
    sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: NOW - 3 * 86_400_000 }],
    createdAt: NOW - 3 * 86_400_000,
    updatedAt: NOW - 3 * 86_400_000,
    lastCheckedAt: NOW - 86_400_000,
  }));
}
function heapSampler() {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().heapUsed) - base;
    },
  };
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function scheduledRun(provider, carrier, pacing = false) {
  const db = new m.DoorstepDatabase(`bench-${provider.id}-${Math.random()}`);
  await db.packages.bulkAdd(makePackages(carrier));
  let states = {};
  served = 0;
  // Time inside the provider (HTTP + parsing + normalising), summed over batches; the rest is planning and storing.
  let providerMs = 0;
  const timed = {
    ...provider,
    refresh: async (...args) => {
      const t = performance.now();
      const result = await provider.refresh(...args);
      providerMs += performance.now() - t;
      return result;
    },
  };
  const sampler = heapSampler();
  const start = performance.now();
  const report = await m.runRefresh({
    db,
    now: () => NOW,
    fetch,
    random: Math.random,
    providers: [timed],
    credentials: () => ({ apiKey: 'k', clientId: 'id', clientSecret: 'secret' }),
    hasPermission: async () => true,
    loadStates: async () => states,
    saveStates: async (s) => {
      states = s;
    },
    baseIntervalMinutes: 120,
    timeZone: 'UTC',
    tokens: m.memoryTokenCache(),
    baseUrls: { [provider.id]: provider.id === '17track' ? `${origin}/track/v2.2` : origin },
    inFlight: new Set(),
    onChange: async () => undefined,
    pacing,
  });
  const ms = performance.now() - start;
  const peak = sampler.stop();
  const stored = await db.packages
    .where('lastCheckedAt')
    .equals(NOW)
    .count()
    .catch(async () => (await db.packages.toArray()).filter((p) => p.lastCheckedAt === NOW).length);
  db.close();
  return { ms, peak, requests: served, report, stored, providerMs };
}

async function rawLoop() {
  served = 0;
  const numbers = makePackages('ups').map((p) => p.number);
  const sampler = heapSampler();
  const start = performance.now();
  let parsed = 0;
  for (let i = 0; i < numbers.length; i += 40) {
    const batch = numbers.slice(i, i + 40).map((number) => ({ number }));
    const response = await fetch(`${origin}/track/v2.2/gettrackinfo`, {
      method: 'POST',
      headers: { '17token': 'k', 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    parsed += (await response.json()).data.accepted.length;
  }
  return { ms: performance.now() - start, peak: sampler.stop(), requests: served, parsed };
}

// ---- 1. planning alone ----
const packages = makePackages('ups');
const planTimes = [];
let plan;
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  plan = m.planRefresh({
    packages,
    now: NOW,
    providers: [m.seventeenTrack],
    states: {},
    baseIntervalMinutes: 120,
    timeZone: 'UTC',
  });
  planTimes.push(performance.now() - t);
}
console.log(`packages: ${PACKAGES}, server latency: ${LATENCY_MS} ms per request`);
console.log(
  `planRefresh (1,000 due, 17TRACK): median ${median(planTimes).toFixed(2)} ms over 30 runs → ${plan.batches.length} batches`,
);

// ---- 2 & 3. runs (reference first to warm the HTTP client equally) ----
await rawLoop();
const reference = await rawLoop();
const track = await scheduledRun(m.seventeenTrack, 'ups');
const upsRun = await scheduledRun(m.ups, 'ups');
const paced = await scheduledRun(m.seventeenTrack, 'ups', true);

const row = (name, r, extra) =>
  console.log(
    `${name.padEnd(44)} requests ${String(r.requests).padStart(4)}  time ${r.ms.toFixed(0).padStart(5)} ms  peak heap +${mb(r.peak).padStart(8)}  ${extra}`,
  );
row('reference: bare fetch loop, 17TRACK batches', reference, `answers parsed ${reference.parsed}`);
row(
  'Doorstep run, 17TRACK (40 per request)',
  track,
  `stored ${track.stored}, refreshed ${track.report.refreshed}, deferred ${track.report.deferred.length}, in providers ${track.providerMs.toFixed(0)} ms`,
);
row(
  'Doorstep run, 17TRACK, paced as shipped',
  paced,
  `stored ${paced.stored}; at least ${m.seventeenTrack.budget.minSpacingMs} ms between requests (3/s limit)`,
);
row(
  'Doorstep run, UPS (1 per request, 200/h)',
  upsRun,
  `stored ${upsRun.stored}, refreshed ${upsRun.report.refreshed}, deferred ${upsRun.report.deferred.length}, in providers ${upsRun.providerMs.toFixed(0)} ms`,
);
console.log(
  `ratio Doorstep/reference (17TRACK, same requests): time ×${(track.ms / reference.ms).toFixed(2)}, peak heap ×${(track.peak / Math.max(1, reference.peak)).toFixed(2)}`,
);
console.log(
  `per package (17TRACK run): ${((track.ms / PACKAGES) * 1000).toFixed(0)} µs; UPS: ${upsRun.requests} requests = 1 OAuth token + ${upsRun.requests - 1} tracking (hourly budget 200): ${upsRun.requests - 1 <= 200 ? 'within' : 'OVER'}`,
);

server.close();
rmSync(dir, { recursive: true, force: true });
