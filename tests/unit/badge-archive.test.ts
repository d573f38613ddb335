import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_ALARM, scheduleArchive } from '../../utils/background/alarms';
import { archiveDuePackages, nextArchiveDue } from '../../utils/background/archive-due';
import { badgeState } from '../../utils/badge';
import { viewClock } from '../../utils/status/package-state';
import { DoorstepDatabase } from '../../utils/store/db';
import { translatorFor } from './components/catalog';
import { truthSet } from './components/fixtures';

const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;

describe('archive at the minute it is due (store, badge and popup alike)', () => {
  let db: DoorstepDatabase;
  beforeEach(() => {
    db = new DoorstepDatabase(`archive-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('archives the 17-day-old delivery and the 2019 exception, and sets an alarm for the next one', async () => {
    await db.packages.bulkPut(truthSet(NOW));
    const clock = viewClock(NOW, { staleAfterDays: 5, autoArchiveDays: 14 });
    const changes = await archiveDuePackages(db, clock);
    expect(changes.map((c) => c.after?.id).sort()).toEqual(['archive-old-delivery', 'archive-old-exception']);
    expect((await db.packages.get('archive-old-delivery'))?.archivedAt).toBe(NOW.getTime());
    // Nothing else is touched, and running again changes nothing.
    expect(await archiveDuePackages(db, clock)).toEqual([]);
    // Next due: the completed return of 4 days ago, 14 days after it happened.
    const next = await nextArchiveDue(db, clock);
    expect(next).toBe(NOW.getTime() - 4 * DAY + 14 * DAY);
    const created: { name: string; when?: number }[] = [];
    const alarms = {
      create: (name: string, info: { when?: number }) => {
        created.push({ name, ...info });
      },
      get: async () => undefined,
    };
    await scheduleArchive(alarms, next);
    expect(created).toEqual([{ name: ARCHIVE_ALARM, when: next }]);
    // The badge no longer counts what the store archived.
    const active = (await db.packages.toArray()).filter((p) => p.archivedAt === undefined);
    expect(badgeState(active, NOW, translatorFor('en')).title).not.toContain('612999999998');
  });
});
