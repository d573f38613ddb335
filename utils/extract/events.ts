import type { TrackingEvent } from '../store/types';
import { instantOf } from './calendar';
import { type DateReference, resolvePastDay } from './delivery-date';
import { parseMailDate } from './mail-date';
import { statusFromText } from './status-phrases';
import { textOf } from './visible-text';

/**
 * Event lists of tracking pages (carriers' and Amazon's), described by a few selectors per page: track pages are
 * single-page apps whose markup changes, so each adapter names only the hooks it needs, and every hook is optional in
 * effect: a missing one yields fewer events, never wrong ones.
 */
export interface EventLayout {
  /** The list's container, when the row selectors are too general to use page-wide. */
  within?: string;
  /** Every event row, and the day headers when the page groups its events by day. */
  rows: string;
  /** A row that is a day header: its text dates the rows after it. */
  day?: string;
  /** Inside an event row: when (date and/or time), what happened, where. */
  at: string;
  what: string;
  where?: string;
}

/** Events kept per page: pages show a few dozen; the store keeps at most 200. */
const MAX_EVENTS = 100;

const TIME = /(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?/i;

/**
 * When an event happened: a full date and time in the row ("November 27, 2026, 1:47 pm", "11/27/2026 5:02 A.M."),
 * or the day header's date with the row's time; a header without a year ("Friday, November 27", "Gestern") points
 * back from the reference. Pages print local times without a zone: they are read in the reader's zone.
 */
function eventTime(when: string, day: string, reference: DateReference): number | undefined {
  const full = parseMailDate(when, reference.timeZone);
  return (
    full ??
    (day
      ? (parseMailDate(`${day} ${when}`, reference.timeZone) ?? pastDayAt(day, when, reference))
      : undefined)
  );
}

/**
 * The instant a past day and a time denote ("Delivered November 20", "Gestern" + "18:02"); noon when no time is
 * given (the hour is not shown, and noon stays on the same day in every zone's reading).
 */
export function pastDayAt(day: string, when: string, reference: DateReference): number | undefined {
  const [y, m, d] = (resolvePastDay(day, reference) ?? '').split('-').map(Number);
  if (!y || !m || !d) return undefined;
  const time = TIME.exec(when);
  let hour = time ? Number(time[1]) : 12;
  if (time?.[3]) hour = (hour % 12) + (/p/i.test(time[3]) ? 12 : 0);
  return instantOf({ year: y, month: m, day: d }, hour, time ? Number(time[2]) : 0, reference.timeZone);
}

/** The page's events, newest first; rows without a readable date or description are left out, not guessed. */
export function readEvents(root: ParentNode, layout: EventLayout, reference: DateReference): TrackingEvent[] {
  const list = layout.within ? root.querySelector(layout.within) : root;
  const events: TrackingEvent[] = [];
  let day = '';
  for (const row of list?.querySelectorAll(layout.rows) ?? []) {
    if (layout.day && row.matches(layout.day)) {
      day = textOf(row, 80) ?? '';
      continue;
    }
    const when = [...row.querySelectorAll(layout.at)].map((e) => textOf(e, 80)).join(' ');
    const at = eventTime(when, day, reference);
    const description = textOf(row.querySelector(layout.what), 500);
    if (at === undefined || !description) continue;
    const location = layout.where && textOf(row.querySelector(layout.where), 200);
    events.push({
      at,
      status: statusFromText(description)?.status ?? 'in_transit',
      description,
      ...(location && { location }),
    });
    if (events.length >= MAX_EVENTS) break;
  }
  return events.sort((a, b) => b.at - a.at);
}
