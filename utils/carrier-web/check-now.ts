import { CARRIER_MATCHES } from '../hosts';
import type { DoorstepDatabase } from '../store/db';
import { getPackage } from '../store/repository';
import type { PackageRecord } from '../store/types';

/**
 * "Check now" for carriers that guard their tracking behind a bot check (USPS, FedEx, DHL Express, Royal Mail):
 * the user asks, Doorstep opens the carrier's own tracking page in a background tab, the content script (DOM
 * reader, or capture on visit) reads it like any visit, and the tab is closed as soon as the package shows a fresh
 * carrier-page sighting, or after a timeout. Never automatic (only the popup's message starts it), one at a time.
 */

export const CHECK_NOW_TIMEOUT_MS = 30_000;
const POLL_MS = 250;

/**
 * Carriers whose tracking sits behind a bot check, so Doorstep never asks them from the background: for these the
 * popup offers the one-click check instead. Firefox gets the same background tab (`active: false`) rather than a
 * hidden one: `tabs.hide` needs the `tabHide` permission ("hide and show browser tabs"), a broad grant for a tab
 * that lives a few seconds and closes itself.
 */
export const CHECK_NOW_CARRIERS: readonly string[] = ['usps', 'fedex', 'dhl', 'royal_mail'];

/** Whether the popup offers "check now" for this package: a guarded carrier, a number, still on its way. */
export function offersCheckNow(pkg: Pick<PackageRecord, 'carrier' | 'number' | 'status' | 'archivedAt'>) {
  return (
    Boolean(pkg.number && pkg.carrier && CHECK_NOW_CARRIERS.includes(pkg.carrier)) &&
    pkg.status !== 'delivered' &&
    pkg.archivedAt === undefined
  );
}

export interface CarrierPageCheckDeps {
  db: DoorstepDatabase;
  tabs: {
    create(props: { url: string; active: boolean }): Promise<{ id?: number }>;
    remove(tabId: number): Promise<void>;
  };
  now: () => number;
  trackingUrlFor: (carrier: string, number: string) => string | undefined;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** Where the browser's own reason goes when a tab cannot be opened (the worker's console), never to the popup. */
  log?: (message: string) => void;
}

/**
 * Why a check did not happen, as a code the popup turns into words in the UI language (never English text in the
 * reply): another check is open, the package was deleted, no page Doorstep reads, the page showed nothing, or the
 * tab could not be opened.
 */
export const CHECK_FAILURES = ['busy', 'gone', 'no_page', 'not_shown', 'open_failed'] as const;
export type CheckFailure = (typeof CHECK_FAILURES)[number];
export type CheckReply = { ok: true; ids: string[] } | { ok: false; error: CheckFailure };

/** The carrier's tracking page, only where Doorstep's content script reads pages (utils/hosts.ts). */
export function carrierPageFor(pkg: PackageRecord, trackingUrlFor: CarrierPageCheckDeps['trackingUrlFor']) {
  if (!pkg.number || !pkg.carrier) return undefined;
  const url = trackingUrlFor(pkg.carrier, pkg.number);
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return undefined;
    const read = CARRIER_MATCHES.some(
      (pattern) => new URL(pattern.replace('/*', '/')).hostname === parsed.hostname,
    );
    return read ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function createCarrierPageCheck(deps: CarrierPageCheckDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let busy = false;
  return async function checkCarrierPage(id: string): Promise<CheckReply> {
    if (busy) return { ok: false, error: 'busy' };
    const pkg = await getPackage(deps.db, id);
    if (!pkg) return { ok: false, error: 'gone' };
    const url = carrierPageFor(pkg, deps.trackingUrlFor);
    if (!url) return { ok: false, error: 'no_page' };
    busy = true;
    const started = deps.now();
    let tabId: number | undefined;
    try {
      tabId = (await deps.tabs.create({ url, active: false })).id;
      const deadline = started + (deps.timeoutMs ?? CHECK_NOW_TIMEOUT_MS);
      while (deps.now() < deadline) {
        const current = await getPackage(deps.db, id);
        if (!current) return { ok: false, error: 'gone' };
        if (current.sources.some((s) => s.kind === 'carrier' && s.seenAt >= started))
          return { ok: true, ids: [id] };
        await sleep(POLL_MS);
      }
      return { ok: false, error: 'not_shown' };
    } catch (error) {
      deps.log?.(`Doorstep: check on the carrier page: ${String(error).slice(0, 200)}`);
      return { ok: false, error: 'open_failed' };
    } finally {
      busy = false;
      if (tabId !== undefined) await deps.tabs.remove(tabId).catch(() => undefined);
    }
  };
}
