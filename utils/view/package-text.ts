import { statusFromText } from '../extract/status-phrases';
import type { Translate } from '../i18n/translate';
import { lastNewsAt, type ProblemKind, type SectionId, type ViewClock } from '../status/package-state';
import type { PackageRecord, PackageStatus, TrackingEvent } from '../store/types';
import { carrierBrand } from './carriers';

/** The words the popup shows for a package, in the UI language. Text from pages is passed through as text. */

export function packageTitle(pkg: PackageRecord, t: Translate): string {
  return (
    pkg.label ||
    pkg.itemTitles[0] ||
    pkg.number ||
    (pkg.orderId ? t('packageOrder', pkg.orderId) : t('packageUnnamed'))
  );
}

/** "amazon.de", "Amazon Logistics", "AMAZON": the same name for the purpose of not saying it twice. */
function nameKey(name: string): string {
  return (
    name
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .find(Boolean) ?? ''
  );
}

/** "Amazon · UPS": who sends it and who carries it, without repeating one name twice ("Amazon · Amazon"). */
export function packageSubtitle(pkg: PackageRecord): string {
  const carrier = carrierBrand(pkg.carrier)?.name;
  const parts = [pkg.merchant, carrier].filter((part): part is string => Boolean(part?.trim()));
  return parts.filter((part, i) => parts.findIndex((p) => nameKey(p) === nameKey(part)) === i).join(' · ');
}

const STATUS_KEYS = {
  unknown: 'status_unknown',
  info_received: 'status_info_received',
  in_transit: 'status_in_transit',
  out_for_delivery: 'status_out_for_delivery',
  available_for_pickup: 'status_available_for_pickup',
  delivered: 'status_delivered',
  failed_attempt: 'status_failed_attempt',
  exception: 'status_exception',
  returned: 'status_returned',
  expired: 'status_expired',
} as const satisfies Record<PackageStatus, string>;

export function statusWords(status: PackageStatus, t: Translate): string {
  return t(STATUS_KEYS[status]);
}

const SECTION_KEYS = {
  out_for_delivery: 'section_out_for_delivery',
  today: 'section_today',
  problems: 'section_problems',
  on_the_way: 'section_on_the_way',
  delivered: 'section_delivered',
} as const satisfies Record<SectionId, string>;

export function sectionTitle(id: SectionId, t: Translate): string {
  return t(SECTION_KEYS[id]);
}

const PROBLEM_KEYS = {
  exception: 'problem_exception',
  failed_attempt: 'problem_failed_attempt',
  expired: 'problem_expired',
  stuck: 'problem_stuck',
  late: 'problem_late',
  stale: 'problem_stale',
} as const satisfies Record<ProblemKind, string>;

/** Why a package is a problem, in words; "stale" says for how long nothing has happened. */
export function problemWords(kind: ProblemKind, t: Translate, pkg: PackageRecord, clock: ViewClock): string {
  if (kind === 'stale') return t('problem_stale', Math.floor((clock.now - lastNewsAt(pkg)) / 86_400_000));
  return t(PROBLEM_KEYS[kind]);
}

/** The newest event, which is what a shopper reads first. */
export function latestEvent(pkg: PackageRecord): TrackingEvent | undefined {
  let latest: TrackingEvent | undefined;
  for (const event of pkg.events) if (!latest || event.at > latest.at) latest = event;
  return latest;
}

/** Events newest first, for the timeline. */
export function timeline(pkg: PackageRecord): TrackingEvent[] {
  return [...pkg.events].sort((a, b) => b.at - a.at);
}

/** Lower case letters and digits only, single-spaced: "Out For Delivery Today!" → "out for delivery today". */
function plainWords(text: string): string {
  return text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Whether `said`, less its leading `phrase`, leaves at most one word: "today", "heute" add nothing. */
function onlyRestates(said: string, phrase: string): boolean {
  if (!said.startsWith(phrase)) return false;
  return said.slice(phrase.length).trim().split(' ').filter(Boolean).length <= 1;
}

/**
 * What the last event or the page said, e.g. "Departed facility — Memphis, TN"; left out when it only repeats the
 * status already shown in words, also with a word more ("Out For Delivery Today" after "Out for delivery"), and in
 * whatever language the carrier wrote it: "Out for delivery" after the German "In Zustellung" says nothing new, so
 * when the row shows the package's own status (`statusShown`), a carrier text that states that same status and
 * little else is left out too. "Delivered, front door" says where, and stays.
 */
export function lastNews(pkg: PackageRecord, shownStatus?: string, statusShown = true): string | undefined {
  const event = latestEvent(pkg);
  const text = event?.description ?? pkg.statusText;
  const location = event?.location;
  if (!text) return undefined;
  const said = plainWords(text);
  if (shownStatus && onlyRestates(said, plainWords(shownStatus))) return location;
  if (statusShown) {
    const stated = statusFromText(text);
    if (stated?.status === pkg.status && onlyRestates(said, plainWords(stated.phrase))) return location;
  }
  return location ? `${text} — ${location}` : text;
}
