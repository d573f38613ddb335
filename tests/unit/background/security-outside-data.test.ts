import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HandlerDeps, handleMessage } from '../../../utils/background/message-handler';
import { type ContentEnvironment, startDoorstep } from '../../../utils/content/controller';
import { siteFor } from '../../../utils/extract/sites';
import { isCalendarDate } from '../../../utils/messages';
import { configureStorageAccess, contentSettingsFor, parseSettings } from '../../../utils/settings';
import { FUTURE_TOLERANCE_MS } from '../../../utils/store/clamp';
import { DoorstepDatabase } from '../../../utils/store/db';
import { editPackage } from '../../../utils/store/repository';
import type { PackageRecord } from '../../../utils/store/types';
import {
  CHUNK_PREFIX,
  FORMAT_VERSION,
  META_KEY,
  mergeTombstones,
  parsePayload,
  TOMBSTONE_TTL_MS,
  TOMBSTONES_KEY,
} from '../../../utils/sync/compact';
import { type SyncArea, syncNow } from '../../../utils/sync/sync-store';
import { identifyTrackingNumber, trackingUrlFor } from '../../../utils/tracking';
import { EXPORT_FORMAT, exportJson, readImportFile } from '../../../utils/view/data-transfer';
import { trackingPageFor } from '../../../utils/view/links';

// Attacks through data from outside the worker (issue 11, cases 2, 4, 6, 8, 9 and 10): each must now fail.

const NOW = Date.UTC(2026, 11, 7, 9);
const HOUR = 3_600_000;
const YEAR_2243 = Date.UTC(2243, 0, 1);
const UPS = '1Z999AA10123456784';
const UPS_LINK = `https://www.ups.com/track?tracknum=${UPS}`;
const PHISHING_LINK = `https://ups-delivery-help.example/redelivery?n=${UPS}`;

let db: DoorstepDatabase;
let deps: HandlerDeps;
let clock: number;

beforeEach(() => {
  db = new DoorstepDatabase(`outside-${crypto.randomUUID()}`);
  clock = NOW;
  deps = { db, now: () => clock, identify: identifyTrackingNumber, onChange: async () => {} };
});
afterEach(async () => {
  await db.delete();
});

const stored = async (): Promise<PackageRecord> => {
  const all = await db.packages.toArray();
  expect(all).toHaveLength(1);
  return all[0] as PackageRecord;
};
const mail = (extra: object, seenAt = NOW) => ({
  type: 'detections',
  detections: [
    {
      number: UPS,
      carrier: 'ups',
      source: { kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt },
      ...extra,
    },
  ],
});

describe('case 4: a lookalike e-mail cannot re-point a tracked package', () => {
  beforeEach(async () => {
    const first = mail({ trackUrl: UPS_LINK, status: 'in_transit', statusAt: NOW - 2 * HOUR });
    expect(await handleMessage(first, deps, 'content')).toMatchObject({ ok: true, created: 1 });
  });

  it('keeps the link, status and events when "support@ups-delivery-help.example" names the number', async () => {
    const before = await stored();
    clock = NOW + HOUR;
    const lookalike = mail(
      {
        trackUrl: PHISHING_LINK,
        status: 'failed_attempt',
        statusText: 'Delivery attempted: pay the redelivery fee',
        statusAt: NOW + HOUR,
        events: [{ at: NOW + HOUR, status: 'failed_attempt', description: 'Delivery attempted' }],
      },
      NOW + HOUR,
    );
    expect(await handleMessage(lookalike, deps, 'content')).toMatchObject({ ok: true });
    const after = await stored();
    expect(after.trackUrl).toBe(UPS_LINK);
    expect(after.status).toBe('in_transit');
    expect(after.statusText).toBe(before.statusText);
    expect(after.events).toEqual(before.events);
    // The popup opens the carrier's own page for a number it knows, whatever link is stored.
    const page = trackingPageFor({ ...after, trackUrl: PHISHING_LINK }, (carrier, number) =>
      trackingUrlFor(carrier as 'ups', number),
    );
    expect(new URL(page ?? '').hostname).toBe('www.ups.com');
  });

  it('still takes a newer link on the carrier’s own site, and its news', async () => {
    clock = NOW + HOUR;
    const newer = `https://www.ups.com/track?loc=en_US&tracknum=${UPS}&requester=ST`;
    await handleMessage(
      mail({ trackUrl: newer, status: 'out_for_delivery', statusAt: NOW + HOUR }),
      deps,
      'content',
    );
    expect(await stored()).toMatchObject({ trackUrl: newer, status: 'out_for_delivery' });
  });

  it('lets a lookalike import file no more than a lookalike mail', async () => {
    const record = await stored();
    const file = [{ ...record, id: 'other', trackUrl: PHISHING_LINK, updatedAt: NOW + HOUR }];
    await handleMessage({ type: 'import', records: file }, deps, 'extension');
    expect((await stored()).trackUrl).toBe(UPS_LINK);
  });

  it('refuses a page claiming the trust of a refresh or of a typed number', async () => {
    for (const kind of ['refresh', 'manual', 'import', 'sync', 'context_menu']) {
      const claimed = {
        type: 'detections',
        detections: [{ number: UPS, carrier: 'ups', trackUrl: PHISHING_LINK, source: { kind, seenAt: NOW } }],
      };
      expect(await handleMessage(claimed, deps, 'content')).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await stored()).trackUrl).toBe(UPS_LINK);
  });
});

describe('case 6: times from outside are bounded by this clock', () => {
  it('a status dated 2243 does not freeze the package', async () => {
    await handleMessage(mail({ status: 'in_transit', statusAt: YEAR_2243 }, YEAR_2243), deps, 'content');
    const first = await stored();
    expect(first.statusAt).toBeLessThanOrEqual(NOW + FUTURE_TOLERANCE_MS);
    expect(first.sources.every((s) => s.seenAt <= NOW + FUTURE_TOLERANCE_MS)).toBe(true);
    clock = NOW + 2 * HOUR;
    await handleMessage(mail({ status: 'delivered', statusAt: NOW + 2 * HOUR }), deps, 'content');
    expect((await stored()).status).toBe('delivered');
  });

  it('an imported edit dated 2243 does not revert the user’s own rename', async () => {
    await handleMessage(mail({}), deps, 'content');
    const record = await stored();
    const file = [
      { ...record, id: 'x', label: 'From the file', userEditedAt: YEAR_2243, updatedAt: YEAR_2243 },
    ];
    await handleMessage({ type: 'import', records: file }, deps, 'extension');
    expect((await stored()).userEditedAt ?? 0).toBeLessThanOrEqual(NOW + FUTURE_TOLERANCE_MS);
    clock = NOW + HOUR;
    await editPackage(db, record.id, { label: 'My camera' }, clock);
    clock = NOW + 2 * HOUR;
    await handleMessage({ type: 'import', records: file }, deps, 'extension');
    expect((await stored()).label).toBe('My camera');
  });

  it('an undo copy with times in 2243 is stored with bounded times', async () => {
    await handleMessage(mail({}), deps, 'content');
    const record = await stored();
    await db.packages.clear();
    const restore = {
      ...record,
      createdAt: YEAR_2243,
      updatedAt: YEAR_2243,
      statusAt: YEAR_2243,
      status: 'in_transit',
    };
    expect(await handleMessage({ type: 'restore', record: restore }, deps, 'extension')).toMatchObject({
      ok: true,
    });
    const back = await stored();
    for (const at of [back.createdAt, back.updatedAt, back.statusAt ?? 0])
      expect(at).toBeLessThanOrEqual(NOW + FUTURE_TOLERANCE_MS);
  });

  it('a tombstone dated 2243 is dropped; a real one expires', () => {
    expect(mergeTombstones([[UPS, YEAR_2243]], [], NOW)).toEqual([]);
    expect(mergeTombstones([[UPS, NOW + 60_000]], [], NOW)).toEqual([[UPS, NOW + 60_000]]);
    expect(mergeTombstones([[UPS, NOW]], [], NOW + TOMBSTONE_TTL_MS + 1)).toEqual([]);
  });

  it('a package tracked again after a future-dated deletion elsewhere survives the next sync', async () => {
    const area = memoryArea({
      [META_KEY]: { v: FORMAT_VERSION, chunks: 0 },
      [TOMBSTONES_KEY]: [[UPS, YEAR_2243]],
    });
    const local = memoryArea({});
    const sync = () =>
      syncNow({
        db,
        area,
        local: { ...local, get: (k) => local.get(k) },
        now: () => clock,
        identify: identifyTrackingNumber,
      });
    clock = NOW + HOUR;
    await handleMessage(mail({}, clock), deps, 'content');
    const report = await sync();
    expect(report.deleted).toBe(0);
    expect(await db.packages.count()).toBe(1);
  });

  it('an unbounded chunk count is refused at once, not looped over', () => {
    const started = performance.now();
    const parsed = parsePayload({ [META_KEY]: { v: FORMAT_VERSION, chunks: 2_000_000_000 } });
    expect(parsed).toMatchObject({ entries: [], invalid: 1, chunkCount: 0 });
    // Not a timing assertion on the code path: a bound on a loop that would otherwise run 2e9 times.
    expect(performance.now() - started).toBeLessThan(5_000);
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`${CHUNK_PREFIX}${i}`, []]));
    expect(parsePayload(many).chunkCount).toBeLessThanOrEqual(512);
  });
});

describe('case 10: import checks format, version and dates', () => {
  const file = (extra: object) =>
    JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '', packages: [], ...extra });

  it('refuses another format, a missing or impossible version, and a newer version with its own message', () => {
    expect(readImportFile(file({ format: 'other-app' }))).toEqual({ ok: false, error: 'not-an-export' });
    expect(readImportFile(JSON.stringify({ packages: [] }))).toEqual({ ok: false, error: 'not-an-export' });
    for (const version of [undefined, 0, -1, 1.5, '1'])
      expect(readImportFile(file({ version }))).toEqual({ ok: false, error: 'not-an-export' });
    expect(readImportFile(file({ version: 2 }))).toEqual({ ok: false, error: 'unsupported-version' });
    expect(readImportFile(exportJson([], new Date(NOW)))).toEqual({ ok: true, items: [] });
  });

  it('rejects impossible calendar dates with the field named', async () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31'].some(isCalendarDate)).toBe(
      false,
    );
    const record = {
      id: 'a',
      number: UPS,
      carrier: 'ups',
      itemTitles: [],
      status: 'in_transit',
      events: [],
      sources: [],
      createdAt: NOW,
      updatedAt: NOW,
    };
    // The file is read in the page; its records are validated where they are stored (the worker's boundary).
    const read = readImportFile(file({ packages: [{ ...record, eta: { start: '2026-02-30' } }, record] }));
    if (!read.ok) throw new Error(read.error);
    const reply = await handleMessage({ type: 'import', records: read.items }, deps, 'extension');
    expect(reply).toMatchObject({
      ok: true,
      created: 1,
      rejected: 1,
      reasons: [{ index: 0, field: 'eta.start', problem: 'invalid' }],
    });
  });
});

describe('case 2: content scripts get two settings by message, never the storage holding keys', () => {
  it('closes storage.local and storage.sync to untrusted contexts where the browser can', async () => {
    const calls: string[] = [];
    const area = (name: string) => ({
      setAccessLevel: async (o: { accessLevel: string }) => {
        calls.push(`${name}:${o.accessLevel}`);
      },
    });
    const areas = { local: area('local'), sync: area('sync'), session: area('session') };
    expect(await configureStorageAccess(areas)).toEqual(['local', 'sync', 'session']);
    // Session storage holds only the "settings changed" stamp open pages listen for.
    expect(calls).toEqual([
      'local:TRUSTED_CONTEXTS',
      'sync:TRUSTED_CONTEXTS',
      'session:TRUSTED_AND_UNTRUSTED_CONTEXTS',
    ]);
    // Firefox: no setAccessLevel outside storage.session; nothing to close, nothing thrown.
    expect(await configureStorageAccess({ local: {}, sync: {} })).toEqual([]);
  });

  it('answers a content script with its page kinds’ modes and its own site’s override only', async () => {
    const settings = parseSettings({
      detection: { page: 'auto' },
      siteModes: { 'mail.yahoo.com': 'off', 'www.private-bank.example': 'off' },
    });
    deps.contentSettings = async (host) => contentSettingsFor(settings, host);
    const reply = await handleMessage({ type: 'content-settings', host: 'mail.yahoo.com' }, deps, 'content');
    expect(reply).toEqual({
      ok: true,
      settings: {
        detection: { webmail: 'auto', amazon: 'auto', carrier: 'auto', page: 'auto' },
        siteModes: { 'mail.yahoo.com': 'off' },
      },
    });
    expect(contentSettingsFor(settings, '__proto__').siteModes).toEqual({});
    expect(contentSettingsFor(settings, 'constructor').siteModes).toEqual({});
  });
});

describe('cases 8 and 9: the content script on a page', () => {
  const body = `<main><p>Your order has shipped. UPS tracking number: <b>${UPS}</b></p></main>`;
  const realObserver = globalThis.MutationObserver;
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    vi.unstubAllGlobals();
    globalThis.MutationObserver = realObserver;
  });

  function page(): Document {
    const { document, MutationObserver } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
    globalThis.MutationObserver = MutationObserver as unknown as typeof globalThis.MutationObserver;
    return document as unknown as Document;
  }

  function environment(doc: Document, deliver: (message: { type: string }) => Promise<unknown>) {
    const timers: { task: () => void; ms: number }[] = [];
    const env: ContentEnvironment = {
      document: doc,
      url: () => 'https://shop.northwind.example/orders/1',
      now: () => NOW,
      siteFor,
      timeZone: 'UTC',
      sendMessage: (message) => deliver(message as { type: string }),
      onSettingsChanged: () => () => {},
      signal: controller.signal,
      later: (task, ms) => timers.push({ task, ms }),
    };
    return { env, timers };
  }

  it('resends detections the stopping worker never confirmed, with backoff, until they are stored', async () => {
    vi.stubGlobal('__DOORSTEP_TEST_HOOKS__', true);
    const doc = page();
    let down = 3;
    const detectionsSent: unknown[] = [];
    const { env, timers } = environment(doc, async (message) => {
      if (message.type === 'content-settings') return { ok: true, settings: { detection: { page: 'auto' } } };
      if (message.type !== 'detections') return { ok: true, tracked: { numbers: [], orders: [] } };
      detectionsSent.push(message);
      if (down-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return handleMessage(message, deps, 'content');
    });
    const summary = await startDoorstep(env);
    expect(summary).toMatchObject({ mode: 'auto', found: 1, sent: 0 });
    expect(await db.packages.count()).toBe(0);
    const delays: number[] = [];
    for (let retry = 0; retry < 3; retry++) {
      // The failed delivery schedules exactly one retry; running it sends once more.
      await vi.waitFor(() => expect(timers).toHaveLength(1));
      const next = timers.shift();
      delays.push(next?.ms ?? -1);
      next?.task();
      await vi.waitFor(() => expect(detectionsSent.length).toBe(retry + 2));
    }
    await vi.waitFor(async () => expect(await db.packages.count()).toBe(1));
    expect(timers).toEqual([]);
    expect(delays).toEqual([300, 900, 2_700]);
    const chip = doc.querySelector('doorstep-chip');
    if (chip) expect(chip.getAttribute('data-state')).toBe('tracked');
  });

  it('shows "Retry" only after the last attempt failed, never for a package still being resent', async () => {
    vi.stubGlobal('__DOORSTEP_TEST_HOOKS__', true);
    const doc = page();
    let attempts = 0;
    const { env, timers } = environment(doc, async (message) => {
      if (message.type === 'content-settings') return { ok: true, settings: { detection: { page: 'auto' } } };
      if (message.type !== 'detections') return { ok: true, tracked: { numbers: [], orders: [] } };
      attempts++;
      throw new Error('worker gone');
    });
    await startDoorstep(env);
    const state = () => doc.querySelector('doorstep-chip')?.getAttribute('data-state');
    const states: (string | null | undefined)[] = [];
    for (let retry = 0; retry < 5; retry++) {
      await vi.waitFor(() => expect(timers).toHaveLength(1));
      states.push(state());
      timers.shift()?.task();
      await vi.waitFor(() => expect(attempts).toBe(retry + 2));
    }
    await vi.waitFor(() => expect(state()).toBe('error'));
    expect(timers).toEqual([]);
    expect(attempts).toBe(6);
    // Before the first retry the chip may still say "Track" (it appeared while the first send failed); never "Retry".
    expect(states).not.toContain('error');
    expect(states.slice(1).every((s) => s === 'sending')).toBe(true);
    expect(await db.packages.count()).toBe(0);
  });

  it('marks nothing on the page in the shipped build: no data-doorstep-* on <html>, no state on chips', async () => {
    const doc = page();
    const { env } = environment(doc, async (message) =>
      message.type === 'content-settings'
        ? { ok: true, settings: { detection: { page: 'ask' } } }
        : { ok: true, tracked: { numbers: [UPS], orders: [] } },
    );
    await startDoorstep(env);
    const chip = doc.querySelector('doorstep-chip');
    expect(chip).not.toBeNull();
    const marks = (el: Element | null) =>
      [...(el?.attributes ?? [])].map((a) => a.name).filter((n) => n.startsWith('data-'));
    expect(marks(doc.documentElement)).toEqual([]);
    expect(marks(chip)).toEqual([]);
  });
});

function memoryArea(initial: Record<string, unknown>): SyncArea & {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
} {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    async get(keys: string | null) {
      if (keys === null) return structuredClone(data);
      return Object.hasOwn(data, keys) ? { [keys]: structuredClone(data[keys]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) delete data[key];
    },
  };
}
