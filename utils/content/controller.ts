import type { ScanContext } from '../extract/page-scan';
import type { ScanUnit, Site } from '../extract/sites';
import { hostOf } from '../extract/sites/site';
import { WARM_UP_STEPS } from '../extract/warm-up';
import type { SendRuntimeMessage } from '../messaging/client';
import type { DetectionMode } from '../settings';
import { contentClient, inSlices } from './background-link';
import { createChip, placeChip } from './chips';
import { type Actions, accept, answer, changeMode, type Entry, type Known } from './core';
import { detectionModeFromStored, readContentSettings } from './detection-mode';
import { markProgress } from './diagnostics';
import { listen } from './listeners';
import { createOutbox } from './outbox';
import { createSlicedQueue } from './scheduler';
import { askStored } from './tracked-query';

/**
 * What the content script does on a page, with every browser dependency passed in: pick the site's extractor, read
 * the page in short slices once idle, then read only what mutations touch; send packages found in "automatic" mode,
 * show "Track" chips in "ask" mode, nothing when "off". Only Detection facts leave this module, only to the background.
 * Everything stops when `signal` aborts (the extension was reloaded or updated, or the script was injected again).
 *
 * This is the wiring: decisions are core.ts's functions (no DOM, no messages), carried out by outbox.ts (send and
 * resend), tracked-query.ts ("already stored?"), chips.ts (chips), listeners.ts and diagnostics.ts.
 */

export interface ContentEnvironment {
  document: Document;
  url: () => string;
  now: () => number;
  timeZone: string;
  /** The browser's `runtime.sendMessage`: messages go through the typed client (background-link.ts). */
  sendMessage: SendRuntimeMessage;
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

export async function startDoorstep(env: ContentEnvironment): Promise<ScanSummary> {
  const { document: doc, signal } = env;
  const send = contentClient(env.sendMessage);
  const known: Known = new Map();
  let site: Site = env.siteFor(env.url());
  let mode: DetectionMode = 'off';
  /** The core's decisions: what to send and ask at the next idle, which chips to show now. */
  let next: Actions = { toSend: [], toCheck: [], chips: [] };
  let sentTotal = 0;
  let batchChars = 0;
  let scans = 0;

  const readMode = async (): Promise<DetectionMode> => {
    if (env.requested) return 'auto';
    // Asked from the background: storage.local, where provider keys live, is closed to content scripts (Chrome).
    const host = hostOf(env.url());
    return detectionModeFromStored(await readContentSettings(send, host), host, site.kind);
  };
  mode = await readMode();

  const deliver = createOutbox(send, signal, env.later ?? setTimeout, (count) => {
    sentTotal += count;
  });

  /** Shows the chips the core decided on (messages wait for the next idle). */
  const showChips = () => {
    for (const entry of next.chips.splice(0)) {
      const chip = createChip(doc, entry.tracked ? 'tracked' : 'ask', () => {
        void deliver([entry]);
      });
      entry.chip = chip;
      if (entry.anchor) placeChip(entry.anchor, chip);
    }
  };
  const removeChips = () => {
    for (const entry of known.values()) {
      entry.chip?.remove();
      entry.chip = undefined;
    }
  };

  /** One read-only query per batch (≤ 500 each), then the batch's chips. A failed query leaves "Track". */
  const check = (entries: Entry[]) =>
    inSlices(entries, signal, async (slice) => {
      const stored = await askStored(send, slice);
      if (signal.aborted) return;
      answer(slice, stored, mode, next);
      showChips();
    });

  const context = (): ScanContext => ({
    url: env.url(),
    sourceKind: site.kind,
    now: env.now(),
    timeZone: env.timeZone,
  });

  let idleWaiters: (() => void)[] = [];
  const queue = createSlicedQueue({
    signal,
    onIdle: () => {
      scans++;
      const { toSend, toCheck } = next;
      next = { toSend: [], toCheck: [], chips: next.chips };
      const done = Promise.all([toSend.length > 0 && deliver(toSend), toCheck.length > 0 && check(toCheck)]);
      void done.then(() => {
        if (signal.aborted) return;
        markProgress(doc.documentElement, known.size, scans, batchChars, queue.stats);
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
      queue.push(() => {
        const found = unit.run(context());
        batchChars += found.chars;
        accept(known, found, mode, next);
        showChips();
      });
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

  listen(
    env,
    removeChips,
    (roots) => {
      if (mode !== 'off') enqueue(roots.flatMap((r) => site.unitsFor(r)));
    },
    () => {
      void readMode().then((changed) => {
        if (signal.aborted || changed === mode) return;
        const wasOff = mode === 'off';
        mode = changed;
        removeChips();
        if (wasOff) void scanAll();
        else {
          changeMode(known, mode, next);
          showChips();
        }
        if (next.toSend.length > 0 || next.toCheck.length > 0) queue.push(() => {});
      });
    },
    // Single-page apps change route without reloading: a new route may be a different kind of page.
    () => {
      const routed = env.siteFor(env.url());
      if (routed.id === site.id) return;
      site = routed;
      void readMode().then((m) => {
        mode = m;
        void scanAll();
      });
    },
  );

  await scanAll();
  markProgress(doc.documentElement, known.size);
  return { site: site.id, mode, found: known.size, sent: sentTotal };
}
