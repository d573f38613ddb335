import type { ScanContext } from '../extract/page-scan';
import type { ScanUnit, Site } from '../extract/sites';
import { WARM_UP_STEPS } from '../extract/warm-up';
import type { DetectionMode, KeyValueStorage } from '../settings';
import type { Detection } from '../store/types';
import { type Chip, createChip, isChip, placeChip } from './chips';
import { detectionModeFromStored } from './detection-mode';
import { observeMutations } from './mutation-batcher';
import { createSlicedQueue } from './scheduler';
import './test-hooks';
/**
 * What the content script does on a page, with every browser dependency passed in: pick the site's extractor, read
 * the page in short slices once idle, then read only what mutations touch; send packages found in "automatic" mode,
 * show "Track" chips in "ask" mode, nothing when "off". Only Detection facts leave this module, only to the background.
 * Everything stops when `signal` aborts (the extension was reloaded or updated, or the script was injected again).
 */

export interface ContentEnvironment {
  document: Document;
  url: () => string;
  now: () => number;
  timeZone: string;
  sendMessage: (message: unknown) => Promise<unknown>;
  storage: KeyValueStorage;
  /** Registers a settings-change listener; returns its removal. */
  onSettingsChanged: (listener: () => void) => () => void;
  signal: AbortSignal;
  /** Registers a listener for single-page-app route changes. */
  onLocationChanged?: (listener: () => void) => void;
  /** The readers of this content script's site family (webmail, Amazon, or carrier and other pages) for a URL. */
  siteFor: (url: string) => Site;
  /** Injected by "Scan this page": the user asked, so packages are added even where the default is "ask". */
  requested?: boolean;
  /** Runs `task` after `ms` (a retry of detections the background did not take); `setTimeout` by default. */
  later?: (task: () => void, ms: number) => void;
}

export interface ScanSummary {
  site: string;
  mode: DetectionMode;
  found: number;
  sent: number;
}

interface Known {
  detection: Detection;
  fingerprint: string;
  shipping: boolean;
  anchor?: Element;
  chip?: Chip;
  tracked: boolean;
  /** Whether the background was asked if this package is already stored (asked once, before its first chip). */
  checked?: boolean;
}

const MAX_PER_MESSAGE = 500;
/**
 * Waits before resending detections the background did not confirm. A stopped service worker is restarted by the
 * next message, so the first retry comes soon; after the last one the chip says "Retry" and waits for the user.
 */
const RETRY_DELAY_MS = 300;
/** Retries before the chip says "Retry": after 0.3, 0.9, 2.7, 8.1 and 24.3 s. */
const RETRIES = 5;

function keyOf(detection: Detection): string {
  return detection.number ? `n:${detection.number}` : `o:${detection.orderId}/${detection.shipmentId ?? ''}`;
}

/** What makes two sightings the same news: everything but when and where it was seen. */
function fingerprintOf(detection: Detection): string {
  const { source: _source, ...facts } = detection;
  return JSON.stringify(facts);
}

export async function startDoorstep(env: ContentEnvironment): Promise<ScanSummary> {
  const { document: doc, signal } = env;
  const root = doc.documentElement;
  const known = new Map<string, Known>();
  let site: Site = env.siteFor(env.url());
  let mode: DetectionMode = 'off';
  let outbox: Known[] = [];
  /** Entries waiting, chip-less, for the batch's one "already stored?" query. */
  let unchecked: Known[] = [];
  let sentTotal = 0;
  let batchChars = 0;
  let scans = 0;

  const host = () => {
    try {
      return new URL(env.url()).hostname;
    } catch {
      return '';
    }
  };
  /** The background's reply when it is `ok`, else undefined (an error reply, no background, a closed port). */
  const request = async (message: object): Promise<Record<string, unknown> | undefined> => {
    try {
      const reply = (await env.sendMessage(message)) as Record<string, unknown> | null | undefined;
      return reply?.ok === true ? reply : undefined;
    } catch {
      return undefined;
    }
  };
  const readMode = async (): Promise<DetectionMode> => {
    if (env.requested) return 'auto';
    // Asked from the background: storage.local, where provider keys live, is closed to content scripts (Chrome).
    const reply = await request({ type: 'content-settings', host: host() });
    return detectionModeFromStored(reply?.settings, host(), site.kind);
  };
  mode = await readMode();

  const context = (): ScanContext => ({
    url: env.url(),
    sourceKind: site.kind,
    now: env.now(),
    timeZone: env.timeZone,
  });
  const modeFor = (entry: Known): DetectionMode => (mode === 'auto' && !entry.shipping ? 'ask' : mode);

  /** Runs `each` on consecutive slices within the background's bound of 500 per message, stopping on abort. */
  const inSlices = async (entries: Known[], each: (slice: Known[]) => Promise<void>) => {
    for (let i = 0; i < entries.length && !signal.aborted; i += MAX_PER_MESSAGE)
      await each(entries.slice(i, i + MAX_PER_MESSAGE));
  };

  /**
   * Detections the background did not confirm (the worker stopped mid-way: it may or may not have stored them) are
   * resent with backoff; storing twice merges into the same record, so nothing found is dropped. A chip says
   * "Tracked ✓" only once confirmed, and "Retry" only after the last attempt.
   */
  let retries: Known[] = [];
  let failedRounds = 0;
  const later = env.later ?? setTimeout;

  const send = (entries: Known[]) =>
    inSlices(entries, async (slice) => {
      for (const entry of slice) entry.chip?.setState('sending');
      const ok = Boolean(await request({ type: 'detections', detections: slice.map((e) => e.detection) }));
      if (signal.aborted) return;
      const retry = !ok && failedRounds < RETRIES;
      for (const entry of slice) {
        entry.tracked ||= ok;
        entry.chip?.setState(ok ? 'tracked' : retry ? 'sending' : 'error');
      }
      if (ok) sentTotal += slice.length;
      if (!retry) failedRounds = 0;
      else if (retries.push(...slice) === slice.length)
        later(
          () => {
            const due = retries;
            retries = [];
            if (!signal.aborted) void send(due);
          },
          RETRY_DELAY_MS * 3 ** failedRounds++,
        );
    });

  const showChip = (entry: Known) => {
    if (!entry.anchor?.isConnected || modeFor(entry) === 'off') return;
    if (entry.chip?.host.isConnected) return;
    if (!entry.tracked && !entry.checked) {
      // A package stored earlier (on another page, by hand) shows "Tracked ✓" from its first render.
      entry.checked = true;
      unchecked.push(entry);
      return;
    }
    const chip = createChip(doc, entry.tracked ? 'tracked' : 'ask', () => {
      void send([entry]);
    });
    entry.chip = chip;
    placeChip(entry.anchor, chip);
  };

  const accept = (found: ReturnType<ScanUnit['run']>) => {
    batchChars += found.chars;
    for (const { detection, anchor } of found.found) {
      const key = keyOf(detection);
      const fingerprint = fingerprintOf(detection);
      const existing = known.get(key);
      if (existing && existing.fingerprint === fingerprint) {
        // Same news again (a re-render): keep the chip, move it if the element was replaced.
        if (anchor && anchor !== existing.anchor && !existing.chip?.host.isConnected)
          existing.anchor = anchor;
        showChip(existing);
        continue;
      }
      const entry: Known = existing ?? { detection, fingerprint, shipping: found.shipping, tracked: false };
      entry.detection = detection;
      entry.fingerprint = fingerprint;
      entry.shipping ||= found.shipping;
      if (anchor) entry.anchor = anchor;
      known.set(key, entry);
      // A changed detection of a tracked package is news for the background too.
      if (modeFor(entry) === 'auto' || entry.tracked) outbox.push(entry);
      showChip(entry);
    }
  };

  /** One read-only query per batch (≤ 500 keys each), then the batch's chips. A failed query leaves "Track". */
  const check = (entries: Known[]) =>
    inSlices(entries, async (slice) => {
      const numbers = new Set<string>();
      const orderIds = new Set<string>();
      for (const { detection: d } of slice) {
        if (d.number) numbers.add(d.number);
        if (d.orderId) orderIds.add(d.orderId);
      }
      const reply = await request({
        type: 'tracked-numbers',
        numbers: [...numbers],
        orderIds: [...orderIds],
      });
      const tracked = reply?.tracked as { numbers?: unknown; orders?: unknown } | undefined;
      if (signal.aborted) return;
      const stored = new Set(Array.isArray(tracked?.numbers) ? tracked.numbers : []);
      const orders = Array.isArray(tracked?.orders) ? (tracked.orders as Detection[]) : [];
      for (const entry of slice) {
        const { number, orderId, shipmentId } = entry.detection;
        // Stored by number, or by order: a record of that order with this shipment id (or either has none), which
        // is the record a "Track" press would merge into.
        entry.tracked ||=
          (number !== undefined && stored.has(number)) ||
          orders.some(
            (o) => o.orderId === orderId && (!o.shipmentId || !shipmentId || o.shipmentId === shipmentId),
          );
        showChip(entry);
      }
    });

  let idleWaiters: (() => void)[] = [];
  const queue = createSlicedQueue({
    signal,
    onIdle: () => {
      scans++;
      const pending = outbox;
      const asking = unchecked;
      outbox = [];
      unchecked = [];
      const done = Promise.all([pending.length > 0 && send(pending), asking.length > 0 && check(asking)]);
      void done.then(() => {
        if (signal.aborted) return;
        if (typeof __DOORSTEP_TEST_HOOKS__ !== 'undefined' && __DOORSTEP_TEST_HOOKS__) {
          // Progress marks for the browser tests and benchmarks only: any page could read them (see test-hooks).
          Object.assign(root.dataset, {
            doorstepScans: scans,
            doorstepLastScanChars: batchChars,
            doorstepBusyMs: queue.stats.busyMs.toFixed(1),
            doorstepLongestSliceMs: queue.stats.longestSliceMs.toFixed(1),
            doorstepScanned: known.size,
          });
        }
        batchChars = 0;
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
      });
    },
  });
  const enqueue = (units: ScanUnit[]) => {
    const seen = new Set<Node>();
    for (const unit of units) {
      if (seen.has(unit.key)) continue;
      seen.add(unit.key);
      queue.push(() => accept(unit.run(context())));
    }
  };
  const whenIdle = () =>
    new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
    });

  let warmedUp = false;
  const scanAll = () => {
    const body = doc.body;
    if (!body || mode === 'off') return Promise.resolve();
    const done = whenIdle();
    if (!warmedUp) {
      warmedUp = true;
      // Each step in its own slice (a slice runs tasks until its budget is spent; these are the slow first ones).
      for (const step of WARM_UP_STEPS) queue.push(step);
    }
    enqueue(site.units(body));
    queue.push(() => {}); // guarantees an idle callback even when the page has no unit
    return done;
  };

  const removeChips = () => {
    for (const entry of known.values()) {
      entry.chip?.remove();
      entry.chip = undefined;
    }
  };
  signal.addEventListener('abort', removeChips);

  if (doc.body) {
    observeMutations(doc.body, {
      signal,
      ignore: isChip,
      onBatch: (roots) => {
        if (mode === 'off') return;
        enqueue(roots.flatMap((r) => site.unitsFor(r)));
      },
    });
  }

  const removeSettingsListener = env.onSettingsChanged(() => {
    void readMode().then((next) => {
      if (signal.aborted || next === mode) return;
      const wasOff = mode === 'off';
      mode = next;
      removeChips();
      if (wasOff) void scanAll();
      else
        for (const entry of known.values()) {
          if (modeFor(entry) === 'auto' && !entry.tracked) outbox.push(entry);
          showChip(entry);
        }
      if (outbox.length > 0 || unchecked.length > 0) queue.push(() => {});
    });
  });
  signal.addEventListener('abort', removeSettingsListener);

  // Single-page apps change route without reloading: a new route may be a different kind of page.
  env.onLocationChanged?.(() => {
    const next = env.siteFor(env.url());
    if (next.id === site.id) return;
    site = next;
    void readMode().then((m) => {
      mode = m;
      void scanAll();
    });
  });

  await scanAll();
  if (typeof __DOORSTEP_TEST_HOOKS__ !== 'undefined' && __DOORSTEP_TEST_HOOKS__)
    root.dataset.doorstepScanned = `${known.size}`;
  return { site: site.id, mode, found: known.size, sent: sentTotal };
}
