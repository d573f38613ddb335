import { afterEach, expect, it } from 'vitest';
import { scaleRecords } from '../../../scripts/scale-data.mjs';
import { handleMessage } from '../../../utils/background/message-handler';
import { DoorstepDatabase } from '../../../utils/store/db';
import { listAllPackages } from '../../../utils/store/repository';
import type { PackageChange } from '../../../utils/store/types';
import { exportJson, readImportFile } from '../../../utils/view/data-transfer';

const dbs: DoorstepDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

it('re-importing its own export counts every record unchanged and writes nothing (issue 14)', async () => {
  const db = new DoorstepDatabase('reimport-own-export');
  dbs.push(db);
  const now = Date.UTC(2026, 11, 7, 12);
  const changes: PackageChange[][] = [];
  const deps = (at: number) => ({
    db,
    now: () => at,
    identify: () => null,
    onChange: async (batch: PackageChange[]) => void changes.push(batch),
  });
  // Generated records list their events oldest first; the store's merge keeps them newest first.
  const first = await handleMessage(
    { type: 'import', records: scaleRecords(300, 60, now) },
    deps(now),
    'extension',
  );
  expect(first).toMatchObject({ ok: true, created: 300, updated: 0, unchanged: 0 });
  const stored = await listAllPackages(db);
  const read = readImportFile(exportJson(stored, new Date(now)));
  if (!read.ok) throw new Error(read.error);
  changes.length = 0;
  const again = await handleMessage({ type: 'import', records: read.items }, deps(now + 60_000), 'extension');
  expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 300 });
  expect(changes.flat()).toEqual([]);
  expect(await listAllPackages(db)).toEqual(stored);
});
