import { type BadgeState, badgeState } from '../badge';
import type { Translate } from '../i18n/translate';
import { type StateSettings, viewClock } from '../status/package-state';
import type { DoorstepDatabase } from '../store/db';
import { listActiveUnfinished, listBadgeCandidates } from '../store/repository';
import type { PackageChange, PackageRecord } from '../store/types';
import { serialised } from '../sync/sync-store';

/** Without settings the badge uses its defaults (5 days); the fewest days allowed pre-selects a superset of those. */
const MIN_STALE_DAYS = 1;

/** The parts of `browser.action` the badge needs (Chrome MV3 and Firefox MV3 both have them). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * Whether a record can count on the badge at any time: active and not delivered. Whether it counts now (arriving
 * today, late, stale…) depends on the clock and the settings and is left to the derivation at each render, so this
 * set does not change when the day does.
 */
export function canCountOnBadge(record: PackageRecord): boolean {
  return record.archivedAt === undefined && record.status !== 'delivered';
}

/** Most recently changed first, as the badge's index read returns them (the tooltip lists in this order). */
function byRecentChange(a: PackageRecord, b: PackageRecord): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1);
}

async function showBadge(action: BadgeApi, state: BadgeState): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: state.text }),
    action.setBadgeBackgroundColor({ color: state.color }),
    action.setTitle({ title: state.title }),
  ]);
}

/**
 * Recomputes the badge from a fresh read of the database's indexes (the candidates at `now` only). The worker keeps
 * its candidates in memory instead (`createBadgeUpdater`); this one-shot read is the reference it is checked and
 * measured against. Its tooltip is in `t`'s language; `settings` are the user's stale and archive days.
 */
export async function updateBadge(
  db: DoorstepDatabase,
  action: BadgeApi,
  now: Date,
  t: Translate,
  settings?: StateSettings,
): Promise<string> {
  // Only the records whose state can count now (pre-selected through indexes); never the archive.
  const clock = viewClock(now, settings ?? { staleAfterDays: MIN_STALE_DAYS });
  const active = await listBadgeCandidates(db, clock);
  const state = badgeState(active, now, t, undefined, settings);
  await showBadge(action, state);
  return state.text;
}

export interface BadgeUpdaterDeps {
  db: DoorstepDatabase;
  action: BadgeApi;
  now: () => number;
  t: Translate;
  /** The user's stale and archive days, read at each render (the popup derives its sections with the same). */
  settings: () => Promise<StateSettings | undefined>;
}

export interface BadgeUpdater {
  /**
   * The change bus's subscriber: puts the changed records into the in-memory set (nothing is read from the
   * database), then renders. Resolves with the badge text.
   */
  onChanges(changes: readonly PackageChange[]): Promise<string>;
  /**
   * Reads the set again through the index (worker start, the periodic checks, records written around the worker),
   * then renders and writes the badge even if it looks unchanged.
   */
  recount(): Promise<string>;
}

/**
 * The worker's badge. Every write of packages goes through the repository and is published on the change bus with
 * the records as written, so the active, undelivered packages (the only ones the badge can count, a few hundred at
 * most however large the archive) are kept in memory and updated from those changes: a detection costs the
 * derivation over that set, not index reads that grow with the store. The set is read through the
 * `[archived+status]` index on the first use after a worker start (a stopped MV3 worker forgets it) and again at
 * every `recount`. Steps run one at a time, in the order they were asked for, so a change published during a read
 * is applied after it (applying a change twice is harmless: it sets the record as written, or removes it). The
 * badge is written only when its text, colour or tooltip changed.
 */
export function createBadgeUpdater(deps: BadgeUpdaterDeps): BadgeUpdater {
  let candidates: Map<string, PackageRecord> | undefined;
  let shown: string | undefined;
  // One step at a time, in the order asked for (a failed step does not stop the next).
  const inTurn = serialised((step: () => Promise<string>) => step());

  async function read(): Promise<Map<string, PackageRecord>> {
    const records = await listActiveUnfinished(deps.db);
    return new Map(records.filter(canCountOnBadge).map((record) => [record.id, record]));
  }

  async function render(force: boolean): Promise<string> {
    const set = candidates ?? new Map<string, PackageRecord>();
    const now = new Date(deps.now());
    const state = badgeState(
      [...set.values()].sort(byRecentChange),
      now,
      deps.t,
      undefined,
      await deps.settings(),
    );
    const key = `${state.text}\u0000${state.color}\u0000${state.title}`;
    if (force || key !== shown) {
      // Forgotten first: a failed write is tried again at the next change.
      shown = undefined;
      await showBadge(deps.action, state);
      shown = key;
    }
    return state.text;
  }

  return {
    onChanges: (changes) =>
      inTurn(async () => {
        if (!candidates) {
          // The first use after a start: the read already holds these changes (they were written before).
          candidates = await read();
        } else {
          for (const { before, after } of changes) {
            if (before) candidates.delete(before.id);
            if (after && canCountOnBadge(after)) candidates.set(after.id, after);
          }
        }
        return render(false);
      }),
    recount: () =>
      inTurn(async () => {
        candidates = await read();
        return render(true);
      }),
  };
}
