import { errorReply, type ReplyTo } from '../messages';
import type { DoorstepDatabase } from './db';

/**
 * How an import file's records reach the worker: the options page stages a chunk in the database (v5
 * `importChunks`) and sends the worker only its id (`import-staged`); the worker takes the chunk and imports it as
 * it imports a message's records, validation included. Extension messaging turns a message into JSON and back on
 * its way between processes: for 50,000 records that cost more than the import's own writes, while a database
 * round trip of the same records is a structured clone each way. Only extension pages share the database: a
 * content script runs with the page's origin and can neither stage nor read a chunk.
 */

/** A chunk not taken within this time belongs to an import that died (page closed, worker stopped): dropped. */
export const STALE_CHUNK_MS = 60 * 60 * 1000;

/** Stages `records` for the worker; returns the chunk's id, for the `import-staged` message. */
export async function stageImportChunk(
  db: DoorstepDatabase,
  records: readonly unknown[],
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<string> {
  const id = newId();
  await db.importChunks.add({ id, records: [...records], stagedAt: now });
  return id;
}

/**
 * Takes (reads and deletes, in one transaction) the staged chunk `id`, and drops chunks left over from imports that
 * never finished. Undefined when there is no such chunk, or when what is stored under it is not a list: the page
 * wrote it, but the database is outside this worker's memory and is read like any outside input.
 */
export async function takeImportChunk(
  db: DoorstepDatabase,
  id: string,
  now: number,
): Promise<unknown[] | undefined> {
  return db.transaction('rw', db.importChunks, async () => {
    const chunk = await db.importChunks.get(id);
    await db.importChunks.delete(id);
    await db.importChunks
      .where('stagedAt')
      .below(now - STALE_CHUNK_MS)
      .delete();
    return Array.isArray(chunk?.records) ? chunk.records : undefined;
  });
}

/**
 * Stages `records` and asks the worker to take them, with `send` (the page's typed client). A chunk the worker did
 * not take (it was not reached, or refused it) is removed again rather than left for the stale-chunk sweep.
 */
export async function sendStagedImport(
  db: DoorstepDatabase,
  records: readonly unknown[],
  now: number,
  send: (message: { type: 'import-staged'; chunk: string }) => Promise<ReplyTo<'import-staged'>>,
): Promise<ReplyTo<'import-staged'>> {
  let chunk: string;
  try {
    chunk = await stageImportChunk(db, records, now);
  } catch (error) {
    return errorReply('unavailable', `the import could not be staged: ${String(error)}`);
  }
  const reply = await send({ type: 'import-staged', chunk });
  if (!reply.ok) await db.importChunks.delete(chunk).catch(() => undefined);
  return reply;
}
