import { lastLookAt } from '../refresh/plan';
import { isFinished } from '../store/status';
import type { PackageRecord } from '../store/types';

/**
 * How often Doorstep asks a carrier's public site about one package without a key. A site is not an API: each
 * browser asks rarely, at times spread per package so that many packages (and many users) do not ask in step.
 *
 * - in transit (and anything not finished): every 3–4 h, so at most 8 checks a package a day;
 * - out for delivery today: every 30–60 min between 07:00 and 21:00 local time, none at night;
 * - delivered, returned or expired: never again (the page visit still captures a correction);
 * - a page visit or any other check counts as a look (`lastLookAt`), so a visited page resets the clock.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const KEYLESS_PACING = {
  transitMs: 3 * HOUR,
  transitSpreadMs: HOUR,
  outForDeliveryMs: 30 * MINUTE,
  outForDeliverySpreadMs: 30 * MINUTE,
  dayStartHour: 7,
  dayEndHour: 21,
} as const;

/** A stable number in [0, 1) from the package id: the same package always gets the same place in the spread. */
export function spreadOf(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) / 2 ** 32;
}

// Formatters are costly to build and the scheduler asks for every package at every wake-up: one per zone.
const hourFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string | undefined,
  make: () => Intl.DateTimeFormat,
) {
  const key = timeZone ?? '';
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}
function localHour(at: number, timeZone: string | undefined): number {
  const format = formatter(
    hourFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }),
  );
  return Number(format.format(at));
}
/** The calendar day in the zone (same as badge.ts localDate, with a cached formatter). */
function localDay(at: number, timeZone: string | undefined): string {
  // en-CA formats dates as YYYY-MM-DD.
  const format = formatter(
    dayFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
  );
  return format.format(at);
}

/** The first time at or after `at` that is daytime in the zone (steps by 15 min: zones shift by whole quarters). */
export function nextDaytime(at: number, timeZone: string | undefined): number {
  let t = at;
  for (let i = 0; i < 4 * 24; i++) {
    const hour = localHour(t, timeZone);
    if (hour >= KEYLESS_PACING.dayStartHour && hour < KEYLESS_PACING.dayEndHour) return t;
    t = Math.ceil((t + 1) / (15 * MINUTE)) * 15 * MINUTE;
  }
  return at;
}

export function keylessDueAt(
  pkg: PackageRecord,
  now: number,
  options: { timeZone?: string },
): number | undefined {
  if (pkg.archivedAt !== undefined || isFinished(pkg.status)) return undefined;
  const last = lastLookAt(pkg);
  if (last === undefined) return now;
  const spread = spreadOf(pkg.id);
  const statedToday =
    pkg.status === 'out_for_delivery' &&
    pkg.statusAt !== undefined &&
    localDay(pkg.statusAt, options.timeZone) === localDay(now, options.timeZone);
  if (statedToday) {
    const next = last + KEYLESS_PACING.outForDeliveryMs + spread * KEYLESS_PACING.outForDeliverySpreadMs;
    const due = nextDaytime(next, options.timeZone);
    // Held back past the evening (a budget, a back-off): wait for the morning rather than ask at night.
    return due < now ? nextDaytime(now, options.timeZone) : due;
  }
  return last + KEYLESS_PACING.transitMs + spread * KEYLESS_PACING.transitSpreadMs;
}
