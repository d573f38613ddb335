import type { DetectionMode } from '../settings';
import type { Detection } from '../store/types';
import type { Chip } from './chips';

/**
 * The content script's decisions, without a DOM, a clock or a message: what a page's findings mean in a mode, what
 * to send, what to ask the background about, which chips to show, and when to resend. The controller carries the
 * effects out (outbox.ts sends, tracked-query.ts asks, chips.ts places chips). Anchors and chips are seen only as
 * "still on the page" (`isConnected`), so tests use plain objects.
 *
 * The state is the map of known packages, which these functions update in place, and they write what to do into
 * the `Actions` they are given (one content script, one map: copies per unit would cost time and, above all, bytes
 * in every page's script).
 */

export interface Anchor {
  readonly isConnected: boolean;
}

export interface Entry<A extends Anchor = Element, C extends { host: Anchor } = Chip> {
  detection: Detection;
  /** Everything but when and where it was seen: two sightings with the same fingerprint are the same news. */
  fingerprint: string;
  /** Whether "automatic" applies to it (a shipping e-mail, a shop or carrier page); otherwise only a "Track" chip. */
  shipping: boolean;
  anchor?: A;
  chip?: C;
  /** Confirmed stored by the background (sent and acknowledged, or found by the "already stored?" query). */
  tracked: boolean;
  /** The background was asked whether it is already stored (once, before its first chip). */
  checked?: boolean;
}

export type Known<E extends Entry<Anchor, { host: Anchor }> = Entry> = Map<string, E>;

/**
 * What to do, filled by the functions below: entries to send as detections and entries to ask about (chip-less
 * until answered), both at the next idle; entries to show a chip for, now.
 */
export interface Actions<E = Entry> {
  toSend: E[];
  toCheck: E[];
  chips: E[];
}

/** A unit's findings (a UnitScan without its statistics). */
export interface Findings<A> {
  found: readonly { detection: Detection; anchor?: A }[];
  shipping: boolean;
}

export function keyOf(detection: Detection): string {
  return detection.number ? `n:${detection.number}` : `o:${detection.orderId}/${detection.shipmentId ?? ''}`;
}

function fingerprintOf(detection: Detection): string {
  const { source: _source, ...facts } = detection;
  return JSON.stringify(facts);
}

/** Automatic mode adds only what a shipping document says; anything else found there gets a chip, as in "ask". */
type AnyEntry = Entry<Anchor, { host: Anchor }>;

export function modeFor(entry: AnyEntry, mode: DetectionMode): DetectionMode {
  return mode === 'auto' && !entry.shipping ? 'ask' : mode;
}

/**
 * Whether `entry` gets a chip now: only next to an anchor still on the page, never in "off", never twice. A package
 * never asked about is asked first (one query per batch), so one stored earlier shows "Tracked ✓" from its first
 * render; its chip comes with the answer.
 */
function chipFor<E extends AnyEntry>(entry: E, mode: DetectionMode, next: Actions<E>): void {
  if (!entry.anchor?.isConnected || modeFor(entry, mode) === 'off' || entry.chip?.host.isConnected) return;
  if (!entry.tracked && !entry.checked) {
    entry.checked = true;
    next.toCheck.push(entry);
  } else next.chips.push(entry);
}

/** Takes one unit's findings: new or changed packages are sent (automatic, or already tracked) and get chips. */
export function accept<E extends AnyEntry>(
  known: Known<E>,
  findings: Findings<NonNullable<E['anchor']>>,
  mode: DetectionMode,
  next: Actions<E>,
): void {
  for (const { detection, anchor } of findings.found) {
    const key = keyOf(detection);
    const fingerprint = fingerprintOf(detection);
    const existing = known.get(key);
    if (existing && existing.fingerprint === fingerprint) {
      // Same news again (a re-render): keep the chip, move it if the element was replaced.
      if (anchor && anchor !== existing.anchor && !existing.chip?.host.isConnected) existing.anchor = anchor;
      chipFor(existing, mode, next);
      continue;
    }
    const entry = existing ?? ({ detection, fingerprint, shipping: findings.shipping, tracked: false } as E);
    entry.detection = detection;
    entry.fingerprint = fingerprint;
    entry.shipping ||= findings.shipping;
    if (anchor) entry.anchor = anchor;
    known.set(key, entry);
    // A changed detection of a tracked package is news for the background too.
    if (modeFor(entry, mode) === 'auto' || entry.tracked) next.toSend.push(entry);
    chipFor(entry, mode, next);
  }
}

/** The mode changed (not from "off", which scans the page anew): untracked automatic packages are sent, chips redone. */
export function changeMode<E extends AnyEntry>(known: Known<E>, mode: DetectionMode, next: Actions<E>): void {
  for (const entry of known.values()) {
    if (modeFor(entry, mode) === 'auto' && !entry.tracked) next.toSend.push(entry);
    chipFor(entry, mode, next);
  }
}

/** The "already stored?" question for a batch: its numbers and order ids, each once. */
export function storedQuestion(batch: readonly AnyEntry[]): { numbers: string[]; orderIds: string[] } {
  const numbers = new Set<string>();
  const orderIds = new Set<string>();
  for (const { detection: d } of batch) {
    if (d.number) numbers.add(d.number);
    if (d.orderId) orderIds.add(d.orderId);
  }
  return { numbers: [...numbers], orderIds: [...orderIds] };
}

export interface StoredAnswer {
  numbers: ReadonlySet<string>;
  orders: readonly { orderId?: string; shipmentId?: string }[];
}

/**
 * The answer to `storedQuestion` (undefined when there was none: the chips say "Track"). A package is stored by
 * number, or by order: a record of that order with this shipment id (or either has none), which is the record a
 * "Track" press would merge into. Then the batch's chips.
 */
export function answer<E extends AnyEntry>(
  batch: readonly E[],
  stored: StoredAnswer | undefined,
  mode: DetectionMode,
  next: Actions<E>,
): void {
  for (const entry of batch) {
    const { number, orderId, shipmentId } = entry.detection;
    entry.tracked ||=
      (number !== undefined && stored?.numbers.has(number)) ||
      stored?.orders.some(
        (o) => o.orderId === orderId && (!o.shipmentId || !shipmentId || o.shipmentId === shipmentId),
      ) ||
      false;
    chipFor(entry, mode, next);
  }
}

/**
 * Resending detections the background did not confirm (the worker stopped mid-way: it may or may not have stored
 * them). A stopped service worker is restarted by the next message, so the first retry comes soon; storing twice
 * merges into the same record, so nothing found is dropped. After the last retry the chip says "Retry" and waits.
 */
const RETRY_DELAY_MS = 300;
/** Retries before the chip says "Retry": after 0.3, 0.9, 2.7, 8.1 and 24.3 s. */
export const RETRIES = 5;

/**
 * The wait before an undelivered batch is resent, after `failedRounds` failed rounds in a row; undefined when it is
 * not (it was delivered, or that was the last retry). One timer per round: failures meanwhile join it.
 */
export function resendDelay(ok: boolean, failedRounds: number): number | undefined {
  return ok || failedRounds >= RETRIES ? undefined : RETRY_DELAY_MS * 3 ** failedRounds;
}
