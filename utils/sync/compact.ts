import * as v from 'valibot';
import { TrackingNumberSchema } from '../messages';
import { clampTime, isFuture } from '../store/clamp';
import type { PackageRecord } from '../store/types';

/**
 * The compact copy of the user's packages kept in `storage.sync`: tracking numbers, labels and archive flags only
 * (no page text, no notes, no status: each device refreshes status itself). Other devices merge it into their own
 * database, which stays the source of truth.
 *
 * The copy is a pure function of the merged state, with a deterministic order and tie-breaks, so two devices that
 * have merged each other's copy write identical items and stop: no ping-pong of writes within the sync quotas.
 */

/** chrome.storage.sync quotas (Firefox uses the same numbers). */
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;
export const SYNC_MAX_ITEMS = 512;
/** Our share of the sync area: room is left for settings or other features. */
export const SYNC_BUDGET_BYTES = 80_000;
/** Per-item limit with a margin for the quota's own accounting. */
const ITEM_BUDGET_BYTES = SYNC_QUOTA_BYTES_PER_ITEM - 192;

export const META_KEY = 'doorstep.sync';
export const TOMBSTONES_KEY = 'doorstep.sync.deleted';
export const CHUNK_PREFIX = 'doorstep.sync.';
const chunkKey = (i: number) => `${CHUNK_PREFIX}${i}`;

/** Deleted numbers are remembered this long so other devices delete them too, then forgotten. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_TOMBSTONES = 200;

export const FORMAT_VERSION = 1;

const numberSchema = TrackingNumberSchema;
const timeSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000));

const EntrySchema = v.object({
  /** Tracking number. */
  n: numberSchema,
  /** The user's label. */
  l: v.optional(v.pipe(v.string(), v.maxLength(120))),
  /** 1 when archived. */
  a: v.optional(v.literal(1)),
  /** When the user last edited label/archive (`userEditedAt`). */
  e: v.optional(timeSchema),
  /** When the package was first tracked (`createdAt`), the earliest any device knows. */
  t: timeSchema,
});
export type SyncEntry = v.InferOutput<typeof EntrySchema>;

const TombstoneSchema = v.tuple([numberSchema, timeSchema]);
/** `[number, deletedAt]`. */
export type Tombstone = v.InferOutput<typeof TombstoneSchema>;

const MetaSchema = v.object({
  v: v.literal(FORMAT_VERSION),
  // The area cannot hold more items than this: a larger count is damage or an attack (a loop of millions).
  chunks: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(SYNC_MAX_ITEMS)),
});

export function entryOf(record: PackageRecord): SyncEntry | undefined {
  if (!record.number) return undefined;
  return {
    n: record.number,
    ...(record.label && { l: record.label }),
    ...(record.archivedAt !== undefined && { a: 1 as const }),
    ...(record.userEditedAt !== undefined && { e: record.userEditedAt }),
    t: record.createdAt,
  };
}

/** Priority when the budget is short: active before archived, then most recently tracked first. */
export function byPriority(x: SyncEntry, y: SyncEntry): number {
  return (x.a ?? 0) - (y.a ?? 0) || y.t - x.t || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0);
}

const encoder = new TextEncoder();
/** How the sync quota counts an item: key plus JSON of the value, in bytes. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

export interface SyncPayload {
  items: Record<string, unknown>;
  /** Entries stored, and entries left out for lack of room (the oldest archived first). */
  stored: number;
  dropped: number;
}

/** Packs entries into chunk items within the per-item and total budgets, highest priority first. */
export function buildPayload(entries: SyncEntry[], tombstones: Tombstone[]): SyncPayload {
  const sorted = [...entries].sort(byPriority);
  const deleted = [...tombstones]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, MAX_TOMBSTONES);
  // Bytes of the fixed items, with a generous chunk count in the meta item.
  const fixedBytes =
    itemBytes(TOMBSTONES_KEY, deleted) + itemBytes(META_KEY, { v: FORMAT_VERSION, chunks: 9999 });
  const chunks: SyncEntry[][] = [];
  let current: SyncEntry[] = [];
  let currentBytes = 0;
  let finishedBytes = 0;
  let stored = 0;
  for (const entry of sorted) {
    const entryBytes = encoder.encode(JSON.stringify(entry)).length;
    // A chunk item is its key plus `[e1,e2,…]`.
    const grown =
      current.length === 0 ? emptyChunkBytes(chunks.length) + entryBytes : currentBytes + 1 + entryBytes;
    const startsNew = grown > ITEM_BUDGET_BYTES;
    const nextBytes = startsNew ? emptyChunkBytes(chunks.length + 1) + entryBytes : grown;
    const total = fixedBytes + finishedBytes + (startsNew ? currentBytes : 0) + nextBytes;
    const itemCount = chunks.length + (startsNew ? 2 : 1) + 2;
    if (total > SYNC_BUDGET_BYTES || itemCount > SYNC_MAX_ITEMS) break;
    if (startsNew) {
      chunks.push(current);
      finishedBytes += currentBytes;
      current = [];
    }
    current.push(entry);
    currentBytes = nextBytes;
    stored++;
  }
  if (current.length > 0) chunks.push(current);
  const items: Record<string, unknown> = {
    [META_KEY]: { v: FORMAT_VERSION, chunks: chunks.length },
    [TOMBSTONES_KEY]: deleted,
  };
  for (const [i, chunk] of chunks.entries()) items[chunkKey(i)] = chunk;
  return { items, stored, dropped: sorted.length - stored };
}

function emptyChunkBytes(index: number): number {
  return encoder.encode(chunkKey(index)).length + 2;
}

export interface ParsedSync {
  entries: SyncEntry[];
  tombstones: Tombstone[];
  /** Number of chunk items the area holds now (to remove leftovers after shrinking). */
  chunkCount: number;
  /** Entries or items that failed validation (a newer format, or damage): skipped, never applied. */
  invalid: number;
}

/** Reads our part of the sync area; anything malformed is skipped and counted, nothing throws. */
export function parsePayload(items: Record<string, unknown>): ParsedSync {
  const meta = v.safeParse(MetaSchema, items[META_KEY]);
  const result: ParsedSync = { entries: [], tombstones: [], chunkCount: 0, invalid: 0 };
  if (!meta.success) {
    if (items[META_KEY] !== undefined) result.invalid++;
    result.chunkCount = countChunkKeys(items);
    return result;
  }
  result.chunkCount = Math.max(meta.output.chunks, countChunkKeys(items));
  for (let i = 0; i < meta.output.chunks; i++) {
    const chunk = items[chunkKey(i)];
    if (!Array.isArray(chunk)) {
      result.invalid++;
      continue;
    }
    for (const raw of chunk) {
      const entry = v.safeParse(EntrySchema, raw);
      if (entry.success) result.entries.push(entry.output);
      else result.invalid++;
    }
  }
  const deleted = items[TOMBSTONES_KEY];
  if (Array.isArray(deleted)) {
    for (const raw of deleted) {
      const tombstone = v.safeParse(TombstoneSchema, raw);
      if (tombstone.success) result.tombstones.push(tombstone.output);
      else result.invalid++;
    }
  }
  return result;
}

function countChunkKeys(items: Record<string, unknown>): number {
  let count = 0;
  while (count < SYNC_MAX_ITEMS && Object.hasOwn(items, chunkKey(count))) count++;
  return count;
}

/**
 * Another device's times, bounded by this clock: an edit dated years ahead is no edit (it would otherwise beat every
 * rename the user makes here, round after round), and a creation time ahead is clamped (it would sort first forever).
 */
export function clampEntry(entry: SyncEntry, now: number): SyncEntry {
  if (!isFuture(entry.t, now) && !isFuture(entry.e, now)) return entry;
  const { e, ...rest } = entry;
  return { ...rest, t: clampTime(entry.t, now), ...(e !== undefined && !isFuture(e, now) && { e }) };
}

export function chunkKeysFrom(start: number, end: number): string[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => chunkKey(start + i));
}

/** The user's synced state of one package. */
export interface SyncedState {
  label?: string;
  archived: boolean;
  editedAt?: number;
}

/**
 * Last writer wins by edit time; on a tie the archived copy wins (archiving is where every device ends up, e.g. by
 * auto-archive), then the larger label, so every device picks the same winner whatever order copies arrive in.
 */
export function pickSyncedState(local: SyncedState, remote: SyncedState): 'local' | 'remote' {
  const le = local.editedAt ?? -1;
  const re = remote.editedAt ?? -1;
  if (re !== le) return re > le ? 'remote' : 'local';
  if (remote.archived !== local.archived) return remote.archived ? 'remote' : 'local';
  return (remote.label ?? '') > (local.label ?? '') ? 'remote' : 'local';
}

/**
 * Tombstones from both sides, newest per number, without expired ones. A deletion dated ahead of this clock is
 * dropped: it would delete the number on every device forever (it never expires, and every sighting is older).
 */
export function mergeTombstones(a: Tombstone[], b: Tombstone[], now: number): Tombstone[] {
  const newest = new Map<string, number>();
  for (const [number, at] of [...a, ...b]) {
    if (now - at > TOMBSTONE_TTL_MS || isFuture(at, now)) continue;
    newest.set(number, Math.max(at, newest.get(number) ?? 0));
  }
  return [...newest.entries()];
}

/** Whether a batch of changes alters the compact copy (a new or deleted number, a label, an archive flag). */
export function changesAffectSync(changes: { before?: PackageRecord; after?: PackageRecord }[]): boolean {
  return changes.some(
    ({ before, after }) =>
      JSON.stringify(before && entryOf(before)) !== JSON.stringify(after && entryOf(after)),
  );
}
