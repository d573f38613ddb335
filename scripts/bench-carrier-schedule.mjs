#!/usr/bin/env node
// Benchmark of keyless carrier checks (utils/carrier-web + utils/refresh/plan): 1,000 packages across carriers,
// scheduled through one simulated day, in one process and one run. Nothing is fetched: each planned batch is
// answered at once from a per-package script (in transit; some go out for delivery in the morning and are delivered
// in the afternoon), so the figures are the scheduler's own:
//   - requests per carrier for the day, against the carrier's budget;
//   - per package: most checks in a day while in transit (pacing: at most 8), checks on the delivery day outside
//     07:00-21:00 local (must be 0), shortest gap between two checks, checks after delivery (must be 0);
//   - planning time: planRefresh over all 1,000 packages per wake-up (median), against a reference measured in the
//     same run: the simplest possible scheduler (one pass comparing each package's last check with a fixed interval).
//
//   node scripts/bench-carrier-schedule.mjs [--packages 1000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const i = argv.indexOf('--packages');
const PACKAGES = i >= 0 ? Number(argv[i + 1]) : 1000;
const ZONE = 'America/Toronto';
// Monday 10 March 2025, 00:00 in Toronto (EDT, UTC-4).
const DAY_START = Date.UTC(2025, 2, 10, 4, 0);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'doorstep-bench-carrier-'));
await build({
  stdin: {
    contents: `
export { planRefresh } from '${ROOT}/utils/refresh/plan.ts';
export { recordBatch } from '${ROOT}/utils/refresh/provider-state.ts';
export { CARRIER_WEB_PROVIDERS } from '${ROOT}/utils/carrier-web/index.ts';
`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: join(dir, 'schedule.mjs'),
  logLevel: 'error',
});
const m = await import(pathToFileURL(join(dir, 'schedule.mjs')).href);
rmSync(dir, { recursive: true, force: true });

// Every keyless adapter, as if the user turned each on (only Canada Post is on by default).
const providers = Object.values(m.CARRIER_WEB_PROVIDERS);
const CARRIERS = ['canada_post', 'ups', 'usps', 'fedex', 'dhl', 'ontrac'];
/** A number of the carrier's shape where an adapter looks at the shape (DHL Paket: 20-digit piece codes). */
const numberFor = (carrier, n) =>
  carrier === 'dhl' ? `00340434${String(n).padStart(12, '0')}` : `N${String(n).padStart(12, '0')}`;
const localHour = (t) =>
  Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: ZONE }).format(t));

// Per package: carrier, and the day's script (when it goes out for delivery and is delivered, if it does).
const packages = [];
const scripts = new Map();
for (let n = 0; n < PACKAGES; n++) {
  const carrier = CARRIERS[n % CARRIERS.length];
  const id = `p${n}`;
  const kind = Math.floor(n / CARRIERS.length) % 10; // 0-5 in transit all day, 6-8 out for delivery then delivered, 9 delivered yesterday
  const ofdAt = DAY_START + 8 * HOUR + (n % 120) * MIN;
  const deliveredAt = ofdAt + 3 * HOUR + (n % 180) * MIN;
  scripts.set(id, { kind, ofdAt, deliveredAt });
  packages.push({
    id,
    number: numberFor(carrier, n),
    carrier,
    itemTitles: [],
    status: kind === 9 ? 'delivered' : 'in_transit',
    statusAt: DAY_START - 20 * HOUR,
    deliveredAt: kind === 9 ? DAY_START - 20 * HOUR : undefined,
    events: [],
    // Last looked at some time yesterday evening, spread.
    sources: [{ kind: 'webmail', seenAt: DAY_START - 30 * HOUR }],
    lastCheckedAt: DAY_START - ((n * 7) % 240) * MIN,
    createdAt: DAY_START - 2 * DAY,
    updatedAt: DAY_START - 2 * DAY,
  });
}
const byId = new Map(packages.map((p) => [p.id, p]));

/** What the carrier would say at `t`, from the package's script. */
function answer(pkg, t) {
  const s = scripts.get(pkg.id);
  if (s.kind >= 6 && s.kind <= 8) {
    if (t >= s.deliveredAt) return { status: 'delivered', statusAt: s.deliveredAt };
    if (t >= s.ofdAt) return { status: 'out_for_delivery', statusAt: s.ofdAt };
  }
  return { status: pkg.status, statusAt: pkg.statusAt };
}

const checks = new Map(); // id -> times checked
const requests = new Map(); // provider -> count
const hourly = new Map(); // provider@hour -> count
const states = {};
let wakes = 0;
const planTimes = [];
const referenceTimes = [];
let deferredBudget = 0;
let now = DAY_START;
const dayEnd = DAY_START + DAY;
while (now < dayEnd) {
  wakes++;
  const t0 = performance.now();
  const plan = m.planRefresh({ packages, now, providers, states, baseIntervalMinutes: 120, timeZone: ZONE });
  planTimes.push(performance.now() - t0);
  // Reference: one pass, fixed interval, no carriers, no budgets, no zones.
  const r0 = performance.now();
  let due = 0;
  for (const p of packages) if (p.status !== 'delivered' && now - (p.lastCheckedAt ?? 0) >= 3 * HOUR) due++;
  referenceTimes.push(performance.now() - r0);
  if (due < 0) console.log(due); // keep the reference loop from being optimised away
  deferredBudget += plan.deferred.filter((d) => d.reason === 'budget').length;
  for (const batch of plan.batches) {
    requests.set(batch.provider, (requests.get(batch.provider) ?? 0) + batch.packageIds.length);
    const hourKey = `${batch.provider}@${Math.floor((now - DAY_START) / HOUR)}`;
    hourly.set(hourKey, (hourly.get(hourKey) ?? 0) + batch.packageIds.length);
    for (const id of batch.packageIds) {
      const pkg = byId.get(id);
      (checks.get(id) ?? checks.set(id, []).get(id)).push(now);
      const said = answer(pkg, now);
      if (said.status !== pkg.status) {
        pkg.status = said.status;
        pkg.statusAt = said.statusAt;
        if (said.status === 'delivered') pkg.deliveredAt = said.statusAt;
      }
      pkg.lastCheckedAt = now;
    }
    states[batch.provider] = m.recordBatch(
      states[batch.provider],
      { requests: batch.packageIds.length },
      now,
      () => 0.5,
    );
  }
  // As the runner does: soon again while batches were planned (budget may hold more back), else at the next due.
  const next = plan.batches.length > 0 ? now + MIN : (plan.nextWakeAt ?? dayEnd);
  now = Math.max(now + 30_000, Math.min(next, now + 30 * MIN));
}

// ---- figures ----
let maxTransit = 0;
let nightOnDeliveryDay = 0;
let afterDelivery = 0;
let minGapOfd = Number.POSITIVE_INFINITY;
let minGapTransit = Number.POSITIVE_INFINITY;
for (const [id, times] of checks) {
  const s = scripts.get(id);
  const transit = times.filter((t) => s.kind < 6 || t < s.ofdAt);
  if (s.kind < 6) maxTransit = Math.max(maxTransit, transit.length);
  for (let k = 1; k < times.length; k++) {
    const gap = times[k] - times[k - 1];
    if (s.kind >= 6 && times[k - 1] >= s.ofdAt) minGapOfd = Math.min(minGapOfd, gap);
    else minGapTransit = Math.min(minGapTransit, gap);
  }
  for (const t of times) {
    if (s.kind >= 6 && t >= s.ofdAt) {
      const h = localHour(t);
      if (h < 7 || h >= 21) nightOnDeliveryDay++;
    }
  }
  // The check that sees the delivery is the last one; a package delivered yesterday is never asked.
  if (s.kind === 9 || (s.kind >= 6 && times.filter((t) => t > s.deliveredAt).length > 1)) afterDelivery++;
}
function busiestHour(id) {
  let most = 0;
  for (const [key, count] of hourly) if (key.startsWith(`${id}@`)) most = Math.max(most, count);
  return most;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${PACKAGES} packages, ${CARRIERS.length} carriers, one day in ${ZONE}, ${wakes} wake-ups`);
for (const p of providers) {
  const count = requests.get(p.id) ?? 0;
  const ofCarrier = packages.filter((x) => p.supports(x)).length;
  const busiest = busiestHour(p.id);
  console.log(
    `  ${p.name} (${p.id}): ${count} requests for ${ofCarrier} packages (${(count / ofCarrier).toFixed(1)} each), busiest hour ${busiest}; budget ${p.budget.perDay}/day, ${p.budget.perHour}/h`,
  );
}
const unsupported = CARRIERS.filter(
  (c) => !providers.some((p) => p.supports({ number: numberFor(c, 1), carrier: c })),
);
console.log(
  `  no background source (0 requests; page visits and the popup's "check on the carrier's page" only): ${unsupported.join(', ')}`,
);
console.log(`  in transit: at most ${maxTransit} checks of one package in the day (pacing allows 8)`);
console.log(
  `  shortest gap between two checks: in transit ${(minGapTransit / HOUR).toFixed(2)} h, out for delivery ${(minGapOfd / MIN).toFixed(0)} min`,
);
console.log(
  `  checks on the delivery day outside 07:00-21:00: ${nightOnDeliveryDay}; after delivery: ${afterDelivery}`,
);
console.log(`  deferred for budget (package-wake-ups): ${deferredBudget}`);
const plan = median(planTimes);
const ref = median(referenceTimes);
console.log(
  `  planning: median ${plan.toFixed(3)} ms per wake-up over ${PACKAGES} packages (reference fixed-interval pass ${ref.toFixed(3)} ms, ratio ${(plan / ref).toFixed(1)}x), total ${planTimes.reduce((a, b) => a + b, 0).toFixed(0)} ms for the day`,
);
const failures = [];
if (maxTransit > 8) failures.push('more than 8 checks of a package in transit');
if (nightOnDeliveryDay > 0) failures.push('checks at night on the delivery day');
if (afterDelivery > 0) failures.push('checks after delivery');
for (const p of providers)
  if ((requests.get(p.id) ?? 0) > p.budget.perDay) failures.push(`${p.id} over its daily budget`);
for (const p of providers)
  if (busiestHour(p.id) > p.budget.perHour) failures.push(`${p.id} over its hourly budget`);
if (minGapTransit < 3 * HOUR) failures.push('two checks of a package in transit less than 3 h apart');
if (minGapOfd < 30 * MIN) failures.push('two checks on the delivery day less than 30 min apart');
if (failures.length > 0) {
  console.error(`FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
