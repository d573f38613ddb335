import { localDate } from '../badge';
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

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function localHour(at: number, timeZone: string | undefined): number {
  const key = timeZone ?? '';
  let format = hourFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone });
    hourFormats.set(key, format);
  }
  return Number(format.format(new Date(at)));
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
  const today = localDate(new Date(now), options.timeZone);
  const statedToday =
    pkg.statusAt !== undefined && localDate(new Date(pkg.statusAt), options.timeZone) === today;
  if (pkg.status === 'out_for_delivery' && statedToday) {
    const next = last + KEYLESS_PACING.outForDeliveryMs + spread * KEYLESS_PACING.outForDeliverySpreadMs;
    return nextDaytime(next, options.timeZone);
  }
  return last + KEYLESS_PACING.transitMs + spread * KEYLESS_PACING.transitSpreadMs;
}
