import { msUntilNextLocalMidnight } from '../badge';

/** Rolls the badge over to the new day (and runs the daily checks) just after local midnight. */
export const MIDNIGHT_ALARM = 'doorstep-midnight';
/** Hourly: "late" notices for estimates with a time of day, auto-archive, badge, a sync retry. */
export const HOURLY_ALARM = 'doorstep-hourly';

/** At the minute the next package falls due for the archive (the hourly check alone would be up to an hour late). */
export const ARCHIVE_ALARM = 'doorstep-archive';

/** Sets the archive alarm to `at`, or clears it when nothing is due; Chrome fires alarms no sooner than 30 s. */
export async function scheduleArchive(
  alarms: AlarmsApi & { clear?(name: string): Promise<unknown> },
  at: number | undefined,
): Promise<void> {
  if (at === undefined) {
    await alarms.clear?.(ARCHIVE_ALARM);
    return;
  }
  const current = await alarms.get(ARCHIVE_ALARM);
  if (current && Math.abs(current.scheduledTime - at) < 1_000) return;
  await alarms.create(ARCHIVE_ALARM, { when: at });
}

/** Writes the sync copy a little after local changes, once for a burst of them (Chrome's shortest delay is 30 s). */
export const SYNC_ALARM = 'doorstep-sync';
export const SYNC_DELAY_MS = 30_000;

/** The part of `browser.alarms` used here. */
export interface AlarmsApi {
  create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> | void;
  get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
}

/**
 * Makes sure both alarms exist. Alarms outlive the service worker, but a browser restart or an update may drop
 * them, so this runs on every start; an existing hourly alarm is kept so restarts do not postpone it forever.
 */
export async function ensureAlarms(alarms: AlarmsApi, now: Date): Promise<void> {
  const midnight = await alarms.get(MIDNIGHT_ALARM);
  const nextMidnight = now.getTime() + msUntilNextLocalMidnight(now) + 1_000;
  // A stale midnight alarm (the clock or time zone moved) is rescheduled.
  if (!midnight || Math.abs(midnight.scheduledTime - nextMidnight) > 60_000) {
    await alarms.create(MIDNIGHT_ALARM, { when: nextMidnight });
  }
  if (!(await alarms.get(HOURLY_ALARM))) {
    await alarms.create(HOURLY_ALARM, { periodInMinutes: 60 });
  }
}

/**
 * Schedules the sync round for a change. An alarm already pending is kept, not pushed back, so a steady stream of
 * changes still syncs within the delay. Alarms outlive the worker, so a pending round is not lost when it stops.
 */
export async function scheduleSync(alarms: AlarmsApi, now: number): Promise<void> {
  if (await alarms.get(SYNC_ALARM)) return;
  await alarms.create(SYNC_ALARM, { when: now + SYNC_DELAY_MS });
}
