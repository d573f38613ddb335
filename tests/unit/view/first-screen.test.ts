import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scaleRecords } from '../../../scripts/scale-data.mjs';
import { type SectionId, viewClock } from '../../../utils/status/package-state';
import { DoorstepDatabase } from '../../../utils/store/db';
import { listActivePackages, listSectionCandidates } from '../../../utils/store/repository';
import { readFirstScreen } from '../../../utils/view/first-screen';
import { groupIntoSections, type Section } from '../../../utils/view/sections';

let db: DoorstepDatabase;
beforeEach(() => {
  db = new DoorstepDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const ids = (sections: readonly Section[]) =>
  sections.map((s) => `${s.id}:${s.packages.map((p) => p.id).join(',')}`);

describe('readFirstScreen over the store', () => {
  // Midday, local time: the scale data dates its packages hours before `now`, and shortly after midnight "out for
  // delivery 3 hours ago" would be yesterday's (a stuck parcel, not the first section).
  const now = new Date(2026, 11, 7, 12, 0).getTime();

  it('lists the first sections whole, exactly as the whole active list groups them, reading only as far as needed', async () => {
    await db.packages.bulkPut(scaleRecords(3_000, 800, now));
    for (const staleAfterDays of [2, 7]) {
      const clock = viewClock(new Date(now), { staleAfterDays, autoArchiveDays: 14 });
      const full = groupIntoSections(await listActivePackages(db), clock);
      expect(full.map((s) => s.id)).toEqual([
        'out_for_delivery',
        'today',
        'problems',
        'on_the_way',
        'delivered',
      ]);
      for (const rows of [1, 10, 24, 60, 150, 100_000]) {
        const read: SectionId[] = [];
        const screen = await readFirstScreen(
          (section) => {
            read.push(section);
            return listSectionCandidates(db, section, clock);
          },
          clock,
          rows,
        );
        // Each section shown is the full list's section, whole and in the same order.
        expect(ids(screen.sections)).toEqual(ids(full.slice(0, screen.sections.length)));
        const shown = screen.sections.reduce((n, s) => n + s.packages.length, 0);
        if (screen.complete) expect(ids(screen.sections)).toEqual(ids(full));
        else expect(shown).toBeGreaterThanOrEqual(rows);
        // It stops at the first section that fills the rows: every earlier one had fewer.
        const before = full.slice(0, read.length - 1).reduce((n, s) => n + s.packages.length, 0);
        expect(before).toBeLessThan(rows);
        if (rows === 1) expect(read).toEqual(['out_for_delivery']);
        if (rows === 100_000) expect(screen.complete).toBe(true);
      }
    }
  });

  it('reads the whole active list when the first sections are short, and nothing archived', async () => {
    const records = scaleRecords(400, 40, now);
    await db.packages.bulkPut(records);
    const clock = viewClock(new Date(now), { staleAfterDays: 7, autoArchiveDays: 14 });
    const screen = await readFirstScreen((section) => listSectionCandidates(db, section, clock), clock, 24);
    const full = groupIntoSections(await listActivePackages(db), clock);
    expect(ids(screen.sections)).toEqual(ids(full.slice(0, screen.sections.length)));
    expect(screen.sections.flatMap((s) => s.packages).every((p) => p.archivedAt === undefined)).toBe(true);
  });

  it('gives an empty, complete screen for an empty store', async () => {
    const clock = viewClock(new Date(now), 7);
    expect(await readFirstScreen((section) => listSectionCandidates(db, section, clock), clock, 24)).toEqual({
      sections: [],
      complete: true,
    });
  });
});
