import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BadgeApi, createBadgeUpdater, updateBadge } from '../../../utils/background/badge-updater';
import { badgeState } from '../../../utils/badge';
import type { StateSettings } from '../../../utils/status/package-state';
import { DoorstepDatabase } from '../../../utils/store/db';
import {
  deleteAllPackages,
  deletePackage,
  editPackage,
  importRecords,
  listActivePackages,
  revisePackages,
  upsertDetections,
} from '../../../utils/store/repository';
import { PACKAGE_STATUSES, type PackageChange, type PackageRecord } from '../../../utils/store/types';

const t = (key: string, ...args: unknown[]) => [key, ...args].join(' ');

/** A badge that remembers what was written, and how often (the updater skips writes that change nothing). */
function recordingAction() {
  const shown = { text: '', color: '', title: '', writes: 0, failNext: false };
  const action: BadgeApi = {
    async setBadgeText({ text }) {
      if (shown.failNext) {
        shown.failNext = false;
        throw new Error('no badge');
      }
      shown.text = text;
      shown.writes++;
    },
    async setBadgeBackgroundColor({ color }) {
      shown.color = color;
    },
    async setTitle({ title }) {
      shown.title = title;
    },
  };
  return { shown, action };
}

const day = (n: number) => `2026-11-${String(20 + (n % 10)).padStart(2, '0')}`;

/** A mixed store: every status, estimates of one day, windows and unparsable ones, some archived, some watched. */
function mixedRecords(count: number): PackageRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    number: `RND${String(i).padStart(6, '0')}`,
    itemTitles: [],
    status: PACKAGE_STATUSES[(i * 7) % PACKAGE_STATUSES.length] ?? 'unknown',
    statusAt: Date.UTC(2026, 10, 12 + (i % 18), (i * 5) % 24),
    eta:
      i % 4 === 0
        ? undefined
        : i % 37 === 0
          ? { start: 'soon' }
          : { start: day(i), ...(i % 3 === 0 && { end: day(i + (i % 4)) }) },
    events:
      i % 6 === 0
        ? [{ at: Date.UTC(2026, 10, 10 + (i % 20), 8), status: 'in_transit', description: 'Scanned' }]
        : [],
    sources: [{ kind: i % 2 ? 'webmail' : 'manual', seenAt: 1 }],
    createdAt: Date.UTC(2026, 10, 1),
    updatedAt: 1 + i,
    ...(i % 11 === 0 && { lastCheckedAt: Date.UTC(2026, 10, 25) }),
    archivedAt: i % 5 === 0 ? 10 : undefined,
  }));
}

let db: DoorstepDatabase;
let clock: number;
let settings: StateSettings | undefined;
beforeEach(() => {
  db = new DoorstepDatabase(`badge-updater-${crypto.randomUUID()}`);
  clock = new Date(2026, 10, 24, 12).getTime();
  settings = { staleAfterDays: 5, autoArchiveDays: 14 };
});
afterEach(async () => {
  await db.delete();
});

const updater = (action: BadgeApi) =>
  createBadgeUpdater({ db, action, now: () => clock, t, settings: async () => settings });

/** What a worker started just now would show: a fresh updater's first read of the database. */
async function freshRead(): Promise<{ text: string; title: string; color: string }> {
  const { shown, action } = recordingAction();
  await updater(action).recount();
  return { text: shown.text, title: shown.title, color: shown.color };
}

/** The popup's view of the same store: every active package, derived by the same function. */
async function popupTruth(): Promise<{ text: string; title: string; color: string }> {
  return badgeState(await listActivePackages(db), new Date(clock), t, undefined, settings);
}

describe('the worker badge kept in memory', () => {
  it('shows after every kind of write what a fresh read of the indexes shows, at every hour of a week', async () => {
    await db.packages.bulkPut(mixedRecords(400));
    const { shown, action } = recordingAction();
    const badge = updater(action);
    await badge.recount();

    const steps: (() => Promise<PackageChange[]>)[] = [
      // New numbers: out for delivery, arriving today, one far in the future.
      async () =>
        (
          await upsertDetections(
            db,
            [
              { number: 'NEW000001', status: 'out_for_delivery', source: { kind: 'webmail', seenAt: clock } },
              { number: 'NEW000002', eta: { start: day(4) }, source: { kind: 'webmail', seenAt: clock } },
              {
                number: 'NEW000003',
                eta: { start: '2027-01-09' },
                source: { kind: 'webmail', seenAt: clock },
              },
            ],
            clock,
          )
        ).changes,
      // Numbers seen again: one delivered (leaves the set), one now an exception, one revealed for a shipment.
      async () =>
        (
          await upsertDetections(
            db,
            [
              {
                number: 'NEW000001',
                status: 'delivered',
                statusAt: clock,
                source: { kind: 'carrier', seenAt: clock },
              },
              {
                number: 'RND000003',
                status: 'exception',
                statusAt: clock,
                source: { kind: 'carrier', seenAt: clock },
              },
              {
                number: 'RND000008',
                status: 'out_for_delivery',
                statusAt: clock,
                source: { kind: 'carrier', seenAt: clock },
              },
            ],
            clock,
          )
        ).changes,
      // The user archives one, renames another, deletes a third.
      async () => {
        const archived = await editPackage(db, 'r2', { archived: true }, clock);
        const renamed = await editPackage(db, 'r6', { label: 'Boots' }, clock);
        const deleted = await deletePackage(db, 'r7');
        return [
          ...(archived ? [archived] : []),
          ...(renamed ? [renamed] : []),
          ...(deleted ? [{ before: deleted, deletedByUser: true }] : []),
        ];
      },
      // Back from the archive, and an import that changes some and adds some.
      async () => {
        const back = await editPackage(db, 'r10', { archived: false }, clock);
        const imported = await importRecords(
          db,
          mixedRecords(40).map((r, i) => ({
            ...r,
            id: `imp${i}`,
            number: `IMP${String(i).padStart(6, '0')}`,
            archivedAt: undefined,
          })),
          clock,
        );
        return [...(back ? [back] : []), ...imported.changes];
      },
      // A refresh's rewrite of several records (a failure noted, a status moved on).
      async () =>
        revisePackages(db, ['r1', 'r11', 'r12', 'imp3'], (before) => ({
          ...before,
          status: before.status === 'in_transit' ? 'available_for_pickup' : 'in_transit',
          statusAt: clock,
          updatedAt: clock,
        })),
    ];

    let compared = 0;
    let red = 0;
    for (const step of steps) {
      clock += 3_600_000;
      const text = await badge.onChanges(await step());
      expect(text).toBe(shown.text);
      expect(shown).toMatchObject(await freshRead());
      expect(shown).toMatchObject(await popupTruth());
      // The set does not depend on the day or the settings: only the derivation does, at each render.
      for (let hour = 0; hour < 7 * 24; hour += 5) {
        clock += 5 * 3_600_000;
        settings = hour % 2 ? { staleAfterDays: 1 + (hour % 9), autoArchiveDays: 14 } : undefined;
        await badge.onChanges([]);
        const fresh = await freshRead();
        expect(shown).toMatchObject(fresh);
        expect(shown).toMatchObject(await popupTruth());
        compared++;
        if (fresh.text !== '' || fresh.title.includes('badgeProblem')) red++;
      }
      clock -= 7 * 24 * 3_600_000 + 5 * 3_600_000;
      settings = { staleAfterDays: 5, autoArchiveDays: 14 };
    }
    expect(compared).toBeGreaterThan(100);
    // The comparisons saw badges with something on them, not only empty ones.
    expect(red).toBeGreaterThan(10);

    // Everything deleted: the set empties with it.
    await badge.onChanges((await deleteAllPackages(db)).map((before) => ({ before })));
    expect(shown).toMatchObject({ text: '', title: 'badgeNothingToday' });
  });

  it('agrees with the one-shot index read (updateBadge) it replaces', async () => {
    await db.packages.bulkPut(mixedRecords(200));
    for (const hours of [0, 30, 70, 150]) {
      const at = clock + hours * 3_600_000;
      const reference = recordingAction();
      await updateBadge(db, reference.action, new Date(at), t, settings);
      clock = at;
      expect(await freshRead()).toMatchObject({
        text: reference.shown.text,
        title: reference.shown.title,
        color: reference.shown.color,
      });
    }
  });

  it('reads the database on its first use after a start, and writes the badge only when it changes', async () => {
    await db.packages.bulkPut(mixedRecords(100));
    const { shown, action } = recordingAction();
    const badge = updater(action);
    // A worker that was stopped: no recount yet, the first change finds the set empty and reads it.
    const { changes } = await upsertDetections(
      db,
      [{ number: 'COLD00001', status: 'out_for_delivery', source: { kind: 'webmail', seenAt: clock } }],
      clock,
    );
    await badge.onChanges(changes);
    expect(shown).toMatchObject(await freshRead());
    expect(shown.title).toContain('COLD00001');
    const writes = shown.writes;
    // A change that moves nothing on the badge (a rename of an archived package) writes nothing.
    const quiet = await editPackage(db, 'r5', { label: 'Lamp' }, clock);
    expect(quiet?.after?.archivedAt).toBeDefined();
    await badge.onChanges(quiet ? [quiet] : []);
    expect(shown.writes).toBe(writes);
    // A failed write is tried again at the next change.
    shown.failNext = true;
    const { changes: next } = await upsertDetections(
      db,
      [{ number: 'COLD00002', status: 'out_for_delivery', source: { kind: 'webmail', seenAt: clock } }],
      clock,
    );
    await expect(badge.onChanges(next)).rejects.toThrow('no badge');
    await badge.onChanges([]);
    expect(shown.text).toBe((await freshRead()).text);
    expect(shown.title).toContain('COLD00002');
  });

  it('applies a change published while it reads after the read, in order', async () => {
    await db.packages.bulkPut(mixedRecords(100));
    const { shown, action } = recordingAction();
    const badge = updater(action);
    const { changes } = await upsertDetections(
      db,
      [{ number: 'RACE00001', status: 'out_for_delivery', source: { kind: 'webmail', seenAt: clock } }],
      clock,
    );
    const started = badge.recount();
    const { changes: delivered } = await upsertDetections(
      db,
      [
        {
          number: 'RACE00001',
          status: 'delivered',
          statusAt: clock,
          source: { kind: 'carrier', seenAt: clock },
        },
      ],
      clock,
    );
    // Published in the order they were written, the second while the read may still run.
    await Promise.all([started, badge.onChanges(changes), badge.onChanges(delivered)]);
    expect(shown.title).not.toContain('RACE00001');
    expect(shown).toMatchObject(await freshRead());
  });
});
