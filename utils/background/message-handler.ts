import type { CheckReply } from '../carrier-web/check-now';
import {
  type AddNumbersOutcome,
  ALLOWED_SENDERS,
  type AnyReply,
  type ErrorCode,
  type ErrorReply,
  errorReply,
  IMPORT_MESSAGE_RECORDS,
  type Message,
  type MessageType,
  PAGE_SOURCE_KINDS,
  parseMessage,
  parseRecords,
  type ReplyTo,
  type SenderKind,
} from '../messages';
import { encodeRefreshError, parseRefreshError } from '../refresh/failure-code';
import type { ContentSettings } from '../settings';
import { clampRecord } from '../store/clamp';
import type { DoorstepDatabase } from '../store/db';
import { takeImportChunk } from '../store/import-staging';
import {
  deleteAllPackages,
  deletePackage,
  editPackage,
  findTracked,
  importRecords,
  restorePackage,
  upsertDetections,
} from '../store/repository';
import type { PackageChange } from '../store/types';
import type { RefreshOutcome } from './refresh-service';

/** What the tracking engine says about one typed or selected string (`identifyTrackingNumber`). */
export type IdentifyNumber = (input: string) => { number: string; carrier: string } | null;

export interface HandlerDeps {
  db: DoorstepDatabase;
  now: () => number;
  identify: IdentifyNumber;
  /** Called after any change to stored packages (badge, notifications, sync), with before/after of each record. */
  onChange: (changes: PackageChange[]) => Promise<unknown>;
  /** Asks the status providers (wired by the refresh feature); without it `refresh` replies that none is set up. */
  refresh?: (ids: string[]) => Promise<RefreshOutcome>;
  /** Issue 12: "check now" in a background tab (utils/carrier-web/check-now.ts); extension pages only. */
  checkCarrierPage?: (id: string) => Promise<CheckReply>;
  /** The settings a content script on `host` needs (`contentSettingsFor`); without it the defaults apply there. */
  contentSettings?: (host: string) => Promise<ContentSettings>;
  log?: (message: string) => void;
}

export type { AddNumbersOutcome, TrackedReply } from '../messages';

/** Any reply this handler gives; each message's own is `ReplyTo<type>` (utils/messages.ts). */
export type HandlerReply = AnyReply;

/** A coded error; `detail` is English for logs and tests, never shown (the view words the code). */
const fail = (code: ErrorCode, detail?: string, extra: Partial<ErrorReply> = {}): ErrorReply =>
  errorReply(code, detail, extra);

/**
 * Whether this sender kind may send this message, read from its `type` alone without walking the rest: a content
 * script's `delete-all` (or a million-item body) is refused before any validation work. `unknown` when the message
 * names no type we know (an own property only: `__proto__` or `constructor` is no type).
 */
function permission(raw: unknown, sender: SenderKind): 'allowed' | 'forbidden' | 'unknown' {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'type'))
    return 'unknown';
  const type: unknown = (raw as { type: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(ALLOWED_SENDERS, type)) return 'unknown';
  return ALLOWED_SENDERS[type as MessageType].includes(sender) ? 'allowed' : 'forbidden';
}

type Validated<T extends MessageType> = Extract<Message, { type: T }>;

/** One handler per message, each typed with its own reply; who may send it is `ALLOWED_SENDERS`. */
const HANDLERS: {
  readonly [T in MessageType]: (
    message: Validated<T>,
    deps: HandlerDeps,
    sender: SenderKind,
  ) => Promise<ReplyTo<T>>;
} = {
  ping: async () => ({ ok: true }),

  'content-settings': async (message, deps) =>
    deps.contentSettings
      ? { ok: true, settings: await deps.contentSettings(message.host) }
      : fail('unavailable', 'settings are not available here'),

  detections: async (message, deps, sender) => {
    if (sender === 'content' && message.detections.some((d) => !PAGE_SOURCE_KINDS.has(d.source.kind)))
      return fail('forbidden', 'a page may only report what it showed');
    if (message.detections.length === 0) return { ok: true, created: 0, updated: 0, ids: [] };
    const { changes, ...counts } = await upsertDetections(deps.db, message.detections, deps.now());
    await deps.onChange(changes);
    return { ok: true, ...counts };
  },

  'add-numbers': (message, deps) => addNumbers(message.input, 'manual', deps),

  'update-package': async (message, deps) => {
    const change = await editPackage(
      deps.db,
      message.id,
      { label: message.label, note: message.note },
      deps.now(),
    );
    if (!change) return fail('not-found', 'no such package');
    await deps.onChange([change]);
    return { ok: true };
  },

  archive: async (message, deps) => {
    const change = await editPackage(deps.db, message.id, { archived: message.archived }, deps.now());
    if (!change) return fail('not-found', 'no such package');
    await deps.onChange([change]);
    return { ok: true };
  },

  delete: async (message, deps) => {
    const record = await deletePackage(deps.db, message.id);
    if (!record) return fail('not-found', 'no such package');
    await deps.onChange([{ before: record, deletedByUser: true }]);
    return { ok: true, record };
  },

  restore: async (message, deps) => {
    // The copy comes back from outside the worker: its times are bounded like any other outside time.
    const outcome = await restorePackage(deps.db, clampRecord(message.record, deps.now()));
    if (!outcome.ok) return fail('conflict', outcome.error);
    await deps.onChange([outcome.change]);
    return { ok: true, ids: [message.record.id] };
  },

  'tracked-numbers': async (message, { db }) => {
    // Read-only and index-only for numbers: one `anyOf` per index, whatever the batch size.
    const tracked = await findTracked(db, message.numbers, message.orderIds);
    return { ok: true, tracked };
  },

  'delete-all': async (_message, deps) => {
    const removed = await deleteAllPackages(deps.db);
    // Not `deletedByUser`: wiping this device must not send deletions to the user's other devices.
    await deps.onChange(removed.map((before) => ({ before })));
    return { ok: true, updated: removed.length };
  },

  refresh: async (message, deps) =>
    deps.refresh
      ? refreshReply(message.ids, await deps.refresh(message.ids))
      : fail('unavailable', 'no status provider is available yet'),

  import: (message, deps) => importFile(message.records, deps),

  'import-staged': async (message, deps) => {
    const records = await takeImportChunk(deps.db, message.chunk, deps.now());
    if (!records) return fail('not-found', 'no such staged import chunk');
    // The page staged it, but the database is read like any outside input: the same bound as a message's.
    if (records.length > IMPORT_MESSAGE_RECORDS)
      return fail('invalid', `a staged chunk holds at most ${IMPORT_MESSAGE_RECORDS} records`);
    return importFile(records, deps);
  },

  'check-carrier-page': async (message, deps) => {
    if (!deps.checkCarrierPage) return fail('unavailable', 'checking carrier pages is not available here');
    const reply = await deps.checkCarrierPage(message.id);
    return reply.ok ? reply : fail('unavailable', reply.error, { checkFailure: reply.error });
  },
};

/**
 * Handles one untrusted runtime message: check the sender kind may send it, validate, act, reply. Never throws.
 * `sender` comes from the browser (see `senderKindOf`), never from the message.
 */
export async function handleMessage(raw: unknown, deps: HandlerDeps, sender: SenderKind): Promise<AnyReply> {
  if (permission(raw, sender) === 'forbidden') {
    deps.log?.(`Doorstep: refused a message a ${sender} sender may not send`);
    return fail('forbidden', 'this sender may not send this message');
  }
  const parsed = parseMessage(raw);
  if (!parsed.ok) {
    deps.log?.(`Doorstep: rejected message (${parsed.reason})`);
    return fail('invalid', `invalid message: ${parsed.reason}`);
  }
  const message = parsed.message;
  try {
    const handler = HANDLERS[message.type] as (
      message: Message,
      deps: HandlerDeps,
      sender: SenderKind,
    ) => Promise<AnyReply>;
    return await handler(message, deps, sender);
  } catch (error) {
    deps.log?.(`Doorstep: ${message.type} failed: ${String(error)}`);
    return fail('internal', 'internal error');
  }
}

/**
 * A refresh outcome as the reply the popup reads: all refreshed, nothing to refresh, or the first failure as a code
 * (the providers' English sentence is read back into one at this boundary, as records store it) with the count.
 */
function refreshReply(ids: string[], { refreshed, failed }: RefreshOutcome): ReplyTo<'refresh'> {
  if (failed.length === 0 && refreshed.length > 0)
    return { ok: true, updated: refreshed.length, ids: refreshed };
  if (failed.length === 0)
    return fail('not-found', 'nothing to refresh: these packages are not tracked any more', {
      refreshError: encodeRefreshError({ code: 'nothing_to_refresh' }),
    });
  const first = failed[0]?.error ?? '';
  return fail('unavailable', `${failed.length} of ${ids.length} not refreshed: ${first}`, {
    refreshError: encodeRefreshError(parseRefreshError(first)),
    failed: failed.length,
    ...(refreshed.length > 0 && { ids: refreshed }),
  });
}

async function importFile(items: unknown[], deps: HandlerDeps): Promise<ReplyTo<'import' | 'import-staged'>> {
  const { records, rejected, reasons } = parseRecords(items);
  if (rejected > 0) deps.log?.(`Doorstep: import rejected ${rejected} of ${items.length} records`);
  const now = deps.now();
  const {
    changes,
    ids: _ids,
    ...counts
  } = await importRecords(
    deps.db,
    records.map((record) => clampRecord(record, now)),
    now,
  );
  if (changes.length > 0) await deps.onChange(changes);
  return { ok: true, ...counts, rejected, reasons };
}

/** Splits pasted text into candidate numbers: lines, commas and semicolons separate; spaces inside a line may not. */
export function splitPastedNumbers(input: string): string[] {
  return input
    .split(/[\n\r,;]+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 100);
}

/**
 * Adds typed or selected numbers: each line is tried whole (a spaced "1Z 999 AA1 …"), then word by word. Every
 * piece gets an outcome, so the caller can say exactly which input was not a tracking number.
 */
export async function addNumbers(
  input: string,
  kind: 'manual' | 'context_menu',
  deps: Pick<HandlerDeps, 'db' | 'now' | 'identify' | 'onChange'>,
  sourceUrl?: string,
): Promise<ReplyTo<'add-numbers'>> {
  const outcomes: AddNumbersOutcome[] = [];
  const changes: PackageChange[] = [];
  const now = deps.now();
  for (const line of splitPastedNumbers(input)) {
    const whole = deps.identify(line);
    const pieces = whole ? [line] : line.split(/\s+/);
    for (const piece of pieces) {
      const identified = whole ?? deps.identify(piece);
      if (!identified) {
        outcomes.push({ input: piece, error: 'not-tracking-number' });
        continue;
      }
      const source = { kind, seenAt: now, ...(sourceUrl && { url: sourceUrl }) };
      const result = await upsertDetections(
        deps.db,
        [{ number: identified.number, carrier: identified.carrier, source }],
        now,
      );
      changes.push(...result.changes);
      outcomes.push({
        input: piece,
        number: identified.number,
        carrier: identified.carrier,
        id: result.ids[0],
      });
    }
  }
  if (changes.length > 0) await deps.onChange(changes);
  const ok = outcomes.length > 0 && outcomes.every((o) => !o.error);
  return ok
    ? { ok: true, added: outcomes }
    : fail('not-tracking-number', 'some input is not a tracking number', { added: outcomes });
}
