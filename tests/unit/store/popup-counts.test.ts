import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoorstepDatabase } from '../../../utils/store/db';
import {
  countActivePackages,
  countArchivedPackages,
  countPackages,
  editPackage,
  hasArchivedPackages,
  upsertDetections,
} from '../../../utils/store/repository';

let db: DoorstepDatabase;
beforeEach(() => {
  db = new DoorstepDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const source = { kind: 'webmail' as const, seenAt: 1 };

describe("the popup's counts", () => {
  it('counts active and archived packages as the index range counts do, and knows whether there is an archive', async () => {
    expect(await countActivePackages(db)).toBe(0);
    expect(await countArchivedPackages(db)).toBe(0);
    expect(await hasArchivedPackages(db)).toBe(false);

    await upsertDetections(
      db,
      Array.from({ length: 12 }, (_, i) => ({ number: `CNT${String(i).padStart(6, '0')}`, source })),
      1,
    );
    expect(await hasArchivedPackages(db)).toBe(false);
    const stored = await db.packages.orderBy('number').toArray();
    for (const [i, p] of stored.slice(0, 7).entries())
      await editPackage(db, p.id, { archived: true }, 10 + i);
    expect(await countActivePackages(db)).toBe(5);
    expect(await countArchivedPackages(db)).toBe(7);
    expect(await hasArchivedPackages(db)).toBe(true);
    expect(await countPackages(db)).toEqual({ active: 5, archived: 7 });

    // Back out of the archive: both counts follow.
    const first = stored[0];
    if (!first) throw new Error('fixture');
    await editPackage(db, first.id, { archived: false }, 30);
    expect(await countActivePackages(db)).toBe(6);
    expect(await countArchivedPackages(db)).toBe(6);
  });
});
