import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HandlerDeps, handleMessage } from '../../../utils/background/message-handler';
import { errorReply, type ReplyTo } from '../../../utils/messages';
import { DoorstepDatabase } from '../../../utils/store/db';
import {
  STALE_CHUNK_MS,
  sendStagedImport,
  stageImportChunk,
  takeImportChunk,
} from '../../../utils/store/import-staging';
import type { PackageChange, PackageRecord } from '../../../utils/store/types';
import { identifyTrackingNumber } from '../../../utils/tracking';

let db: DoorstepDatabase;
let changes: PackageChange[];
let deps: HandlerDeps;
const NOW = Date.UTC(2026, 11, 8, 12);

beforeEach(() => {
  db = new DoorstepDatabase(`staging-${crypto.randomUUID()}`);
  changes = [];
  deps = {
    db,
    now: () => NOW,
    identify: identifyTrackingNumber,
    onChange: async (batch) => {
      changes.push(...batch);
    },
  };
});
afterEach(async () => {
  await db.delete();
});

const exported = (i: number): PackageRecord => ({
  id: `file-${i}`,
  number: `1Z999AA1${String(i).padStart(10, '0')}`,
  carrier: 'ups',
  itemTitles: [`Item ${i}`],
  status: 'in_transit',
  statusAt: NOW - 3_600_000,
  events: [],
  sources: [{ kind: 'webmail', url: 'https://mail.google.com/mail/u/0/', seenAt: NOW - 3_600_000 }],
  createdAt: NOW - 7_200_000,
  updatedAt: NOW - 3_600_000,
});

describe('import chunks staged in the database', () => {
  it('are taken once: the records come back as staged and the chunk is gone', async () => {
    const records = [exported(1), exported(2), 'not a record'];
    const id = await stageImportChunk(db, records, NOW);
    expect(await db.importChunks.count()).toBe(1);
    expect(await takeImportChunk(db, id, NOW)).toEqual(records);
    expect(await db.importChunks.count()).toBe(0);
    expect(await takeImportChunk(db, id, NOW)).toBeUndefined();
  });

  it('drops chunks of imports that never finished, and keeps recent ones', async () => {
    const old = await stageImportChunk(db, [exported(1)], NOW - STALE_CHUNK_MS - 1);
    const recent = await stageImportChunk(db, [exported(2)], NOW - 60_000);
    const taken = await stageImportChunk(db, [exported(3)], NOW);
    await takeImportChunk(db, taken, NOW);
    expect((await db.importChunks.toArray()).map((c) => c.id)).toEqual([recent]);
    expect(await takeImportChunk(db, old, NOW)).toBeUndefined();
  });

  it('reads a chunk that is not a list as no chunk', async () => {
    await db.importChunks.put({
      id: 'bent-chunk',
      records: { length: 3 } as unknown as unknown[],
      stagedAt: NOW,
    });
    expect(await takeImportChunk(db, 'bent-chunk', NOW)).toBeUndefined();
  });
});

describe('the import-staged message', () => {
  it('imports a staged chunk exactly as an import message: merged, refused records reported, changes heard', async () => {
    const records = [exported(1), exported(2), { ...exported(3), number: 'lowercase' }];
    const inline = new DoorstepDatabase(`staging-inline-${crypto.randomUUID()}`);
    try {
      const viaMessage = await handleMessage(
        { type: 'import', records },
        { ...deps, db: inline },
        'extension',
      );
      changes = [];
      const id = await stageImportChunk(db, records, NOW);
      const viaStage = await handleMessage({ type: 'import-staged', chunk: id }, deps, 'extension');
      expect(viaStage).toEqual(viaMessage);
      expect(viaStage).toMatchObject({ ok: true, created: 2, rejected: 1 });
      const strip = (list: PackageRecord[]) => list.map(({ id: _id, ...rest }) => rest);
      expect(strip(await db.packages.orderBy('number').toArray())).toEqual(
        strip(await inline.packages.orderBy('number').toArray()),
      );
      expect(changes).toHaveLength(2);
    } finally {
      await inline.delete();
    }
  });

  it('says not-found for a chunk that is not staged, and refuses an oversized one without storing any of it', async () => {
    expect(
      await handleMessage({ type: 'import-staged', chunk: 'no-such-chunk' }, deps, 'extension'),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const huge = Array.from({ length: 20_001 }, (_, i) => exported(i));
    const id = await stageImportChunk(db, huge, NOW);
    expect(await handleMessage({ type: 'import-staged', chunk: id }, deps, 'extension')).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await db.packages.count()).toBe(0);
    expect(await db.importChunks.count()).toBe(0);
  });

  it('is refused from a content script, and the chunk stays untaken', async () => {
    const id = await stageImportChunk(db, [exported(1)], NOW);
    expect(await handleMessage({ type: 'import-staged', chunk: id }, deps, 'content')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await db.packages.count()).toBe(0);
    expect(await db.importChunks.count()).toBe(1);
  });
});

describe('sendStagedImport (the options page side)', () => {
  it('stages, sends only the id, and removes a chunk the worker did not take', async () => {
    const sent: unknown[] = [];
    const refused = await sendStagedImport(db, [exported(1)], NOW, async (message) => {
      sent.push(message);
      return errorReply('unavailable', 'worker not reached');
    });
    expect(refused).toMatchObject({ ok: false, code: 'unavailable' });
    expect(sent).toEqual([{ type: 'import-staged', chunk: expect.any(String) }]);
    expect(await db.importChunks.count()).toBe(0);

    const stored = await sendStagedImport(
      db,
      [exported(1)],
      NOW,
      (message) => handleMessage(message, deps, 'extension') as Promise<ReplyTo<'import-staged'>>,
    );
    expect(stored).toMatchObject({ ok: true, created: 1 });
    expect(await db.packages.count()).toBe(1);
  });

  it('says unavailable, without sending, when the chunk cannot be staged', async () => {
    db.close();
    const closed = new DoorstepDatabase(db.name);
    closed.close({ disableAutoOpen: true });
    let sends = 0;
    const reply = await sendStagedImport(closed, [exported(1)], NOW, async () => {
      sends++;
      return errorReply('internal');
    });
    expect(reply).toMatchObject({ ok: false, code: 'unavailable' });
    expect(sends).toBe(0);
    await db.open();
  });
});
