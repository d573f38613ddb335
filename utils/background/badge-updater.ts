import { badgeState, localDate } from '../badge';
import type { Translate } from '../i18n/translate';
import type { DoorstepDatabase } from '../store/db';
import { listBadgeCandidates } from '../store/repository';

/** The parts of `browser.action` the badge needs (Chrome MV3 and Firefox MV3 both have them). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** Recomputes the badge from the database; cheap enough to run after every change. Its tooltip is in `t`'s language. */
export async function updateBadge(
  db: DoorstepDatabase,
  action: BadgeApi,
  now: Date,
  t: Translate,
): Promise<string> {
  const state = badgeState(await listBadgeCandidates(db, localDate(now)), now, t);
  await Promise.all([
    action.setBadgeText({ text: state.text }),
    action.setBadgeBackgroundColor({ color: state.color }),
    action.setTitle({ title: state.title }),
  ]);
  return state.text;
}
