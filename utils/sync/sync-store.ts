import type { KeyValueStorage } from '../settings';
import type { DoorstepDatabase } from '../store/db';
import { changeSamePackages, countNumberedPackages, listByCreation } from '../store/repository';
import type { PackageChange, PackageRecord } from '../store/types';
import {
  buildPayload,
  byPriority,
  chunkKeysFrom,
  clampEntry,
  entryOf,
  META_KEY,
  mergeTombstones,
  parsePayload,
  pickSyncedState,
  type SyncEntry,
  type SyncedState,
  type SyncPayload,
  type Tombstone,
} from './compact';

/** The part of `browser.storage.sync` used here. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncDeps {
  db: DoorstepDatabase;
  area: SyncArea;
  /** `storage.local`: deletions not yet written to the sync area survive a stopped worker there. */
  local: KeyValueStorage & { remove(key: string): Promise<void> };
  now: () => number;
  /** `identifyTrackingNumber`, for the carrier of a number first seen through sync. */
  identify: (input: string) => { carrier: string } | null;
  newId?: () => string;
}

export const PENDING_DELETIONS_KEY = 'doorstep.sync.pendingDeletions';

export interface SyncReport {
  created: number;
  updated: number;
  deleted: number;
  /** Sync items written and removed (0 when the copy was already current). */
  written: number;
  removed: number;
  stored: number;
  dropped: number;
  invalid: number;
  /** Local changes made by merging the remote copy (for the badge). */
  changes: PackageChange[];
}

/** Remembers user deletions until they are in the sync area, so other devices delete them too. */
export async function queueDeletions(
  local: SyncDeps['local'],
  changes: PackageChange[],
  now: number,
): Promise<void> {
  const numbers = changes
    .filter((c) => c.deletedByUser && c.before?.number)
    .map((c) => c.before?.number ?? '');
  if (numbers.length === 0) return;
  const pending = await readPending(local);
  await local.set({ [PENDING_DELETIONS_KEY]: [...pending, ...numbers.map((n): Tombstone => [n, now])] });
}

async function readPending(local: SyncDeps['local']): Promise<Tombstone[]> {
  const raw = (await local.get(PENDING_DELETIONS_KEY))[PENDING_DELETIONS_KEY];
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (t): t is Tombstone => Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'number',
  );
}

/**
 * One sync round: merge the remote copy into the database (pull), then write the compact copy of the merged state
 * back, only the items that differ (push). Callers serialise rounds (`serialised` below).
 */
export async function syncNow(deps: SyncDeps): Promise<SyncReport> {
  const now = deps.now();
  const raw = await deps.area.get(null);
  const remote = parsePayload(raw);
  const pending = await readPending(deps.local);
  const tombstones = mergeTombstones(remote.tombstones, pending, now);
  const entries = remote.entries.map((entry) => clampEntry(entry, now));
  const { present, ...pulled } = await applyRemote(deps, entries, tombstones, now);

  // A deleted number tracked again since (it is still here after the pull) is alive: its tombstone goes.
  const liveTombstones = tombstones.filter(([number]) => !present.has(number));
  const payload = await copyOfStore(deps.db, liveTombstones);

  const changed = Object.entries(payload.items).filter(
    ([key, value]) => JSON.stringify(raw[key]) !== JSON.stringify(value),
  );
  const chunkCount = (payload.items[META_KEY] as { chunks: number }).chunks;
  const stale = chunkKeysFrom(chunkCount, remote.chunkCount);
  if (changed.length > 0) await deps.area.set(Object.fromEntries(changed));
  if (stale.length > 0) await deps.area.remove(stale);
  if (pending.length > 0) await deps.local.remove(PENDING_DELETIONS_KEY);

  return {
    ...pulled,
    written: changed.length,
    removed: stale.length,
    stored: payload.stored,
    dropped: payload.dropped,
    invalid: remote.invalid,
  };
}

/** Records read per list at first when building the copy; doubled until the copy is known to be complete. */
const COPY_PAGE = 1_000;

/**
 * The compact copy of the whole store, reading only the records that can be in it: the copy is the highest-priority
 * prefix (active first, most recently tracked first) that fits the budget, so records are read in that order from
 * the index, more each time, until what was read holds the whole prefix and the first entry left out, which
 * nothing unread can precede. Equal to `buildPayload` over every record (tests compare).
 */
async function copyOfStore(db: DoorstepDatabase, tombstones: Tombstone[]): Promise<SyncPayload> {
  const numbered = await countNumberedPackages(db);
  for (let limit = COPY_PAGE; ; limit *= 2) {
    const active = await listByCreation(db, 0, limit);
    const activeDone = active.length < limit;
    const archived = activeDone ? await listByCreation(db, 1, limit - active.length) : [];
    const complete = activeDone && active.length + archived.length < limit;
    const read = [...active, ...archived];
    const entries = read.map(entryOf).filter((e): e is SyncEntry => e !== undefined);
    const payload = buildPayload(entries, tombstones);
    if (complete) return payload;
    if (payload.dropped === 0) continue;
    // Every unread record comes at or after the last one read; the first entry left out must come strictly before.
    const last = read[read.length - 1];
    const firstLeftOut = [...entries].sort(byPriority)[payload.stored];
    if (last && firstLeftOut && comesBefore(firstLeftOut, last))
      return { ...payload, dropped: numbered - payload.stored };
  }
}

function comesBefore(entry: SyncEntry, record: PackageRecord): boolean {
  const archived = record.archivedAt === undefined ? 0 : 1;
  const entryArchived = entry.a ?? 0;
  return entryArchived < archived || (entryArchived === archived && entry.t > record.createdAt);
}

function stateOfRecord(record: PackageRecord): SyncedState {
  return { label: record.label, archived: record.archivedAt !== undefined, editedAt: record.userEditedAt };
}

function stateOfEntry(entry: SyncEntry): SyncedState {
  return { label: entry.l, archived: entry.a === 1, editedAt: entry.e };
}

function sameState(a: SyncedState, b: SyncedState): boolean {
  return a.label === b.label && a.archived === b.archived && a.editedAt === b.editedAt;
}

/**
 * Merges remote entries and deletions into the database in one transaction; the local record keeps all its facts.
 * Reads only the records those numbers name (the store's shared identity rules, `changeSamePackages`) and writes
 * in bulk; returns which deleted numbers are still stored afterwards (their tombstones are dropped).
 */
function applyRemote(
  deps: SyncDeps,
  entries: SyncEntry[],
  tombstones: Tombstone[],
  now: number,
): Promise<Pick<SyncReport, 'created' | 'updated' | 'deleted' | 'changes'> & { present: Set<string> }> {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const deletedNumbers = new Map(tombstones);
  const keys = [...entries.map((e) => ({ number: e.n })), ...tombstones.map(([number]) => ({ number }))];
  return changeSamePackages(deps.db, keys, (lookup) => {
    const report = { created: 0, updated: 0, deleted: 0, changes: [] as PackageChange[] };
    const find = (number: string) => lookup.findSamePackage({ number }).match;
    for (const entry of entries) {
      if (deletedNumbers.has(entry.n)) continue;
      const local = find(entry.n);
      if (!local) {
        const record: PackageRecord = {
          id: newId(),
          number: entry.n,
          carrier: deps.identify(entry.n)?.carrier,
          itemTitles: [],
          status: 'unknown',
          events: [],
          sources: [{ kind: 'sync', seenAt: now }],
          createdAt: entry.t,
          updatedAt: now,
          label: entry.l,
          archivedAt: entry.a ? now : undefined,
          userEditedAt: entry.e,
        };
        lookup.set(record);
        report.created++;
        report.changes.push({ after: record });
        continue;
      }
      const remoteState = stateOfEntry(entry);
      const adopt = pickSyncedState(stateOfRecord(local), remoteState) === 'remote';
      const adoptState = adopt && !sameState(stateOfRecord(local), remoteState);
      // The earliest creation time any device knows, so every device orders the copy the same way.
      if (!adoptState && entry.t >= local.createdAt) continue;
      const next: PackageRecord = { ...local, createdAt: Math.min(local.createdAt, entry.t) };
      if (adoptState) {
        next.label = entry.l;
        next.archivedAt = entry.a ? (local.archivedAt ?? now) : undefined;
        next.userEditedAt = entry.e;
        next.updatedAt = now;
      }
      lookup.set(next);
      report.updated++;
      report.changes.push({ before: local, after: next });
    }
    const present = new Set<string>();
    for (const [number, deletedAt] of tombstones) {
      const local = find(number);
      if (!local) continue;
      // Seen again after it was deleted elsewhere: kept (the user is still getting it).
      if (local.updatedAt > deletedAt) {
        present.add(number);
        continue;
      }
      lookup.remove(local);
      report.deleted++;
      report.changes.push({ before: local });
    }
    return { ...report, present };
  });
}

/** Runs async tasks one at a time, in order (sync rounds must not interleave their read and write). */
export function serialised<A extends unknown[], R>(
  task: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args: A) => {
    const run = tail.then(
      () => task(...args),
      () => task(...args),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}
