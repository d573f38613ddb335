import { badgeState } from '../badge';
import type { Translate } from '../i18n/translate';
import { type StateSettings, viewClock } from '../status/package-state';
import type { DoorstepDatabase } from '../store/db';
import { listBadgeCandidates } from '../store/repository';

/** Without settings the badge uses its defaults (5 days); the fewest days allowed pre-selects a superset of those. */
const MIN_STALE_DAYS = 1;

/** The parts of `browser.action` the badge needs (Chrome MV3 and Firefox MV3 both have them). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * Recomputes the badge from the database; cheap enough to run after every change. Its tooltip is in `t`'s language.
 * `settings` are the user's stale and archive days, the same the popup derives its sections with.
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
  await Promise.all([
    action.setBadgeText({ text: state.text }),
    action.setBadgeBackgroundColor({ color: state.color }),
    action.setTitle({ title: state.title }),
  ]);
  return state.text;
}
