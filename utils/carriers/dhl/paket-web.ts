import { keylessDueAt } from '../../carrier-web/pacing';
import { type CarrierReading, compactNumber, outcomeOf } from '../../carrier-web/reading';
import { carrierJson } from '../../carrier-web/request';
import { eachPackage, packageFailed } from '../../providers/batch';
import { cleanEvents, parseInstant } from '../../providers/normalize';
import { asArray, asNumber, asRecord, asString, at } from '../../providers/read';
import type { ProviderContext, RefreshResult, StatusProvider } from '../../providers/types';
import type { PackageRecord, PackageStatus } from '../../store/types';

/**
 * DHL Paket (Germany): the JSON that dhl.de's own tracking page loads, read on visit and, when the user turns it
 * on, asked from the background. Public: no key, no session, no cookies sent.
 *
 * `GET https://www.dhl.de/int-verfolgen/data/search?piececode={n}&noRedirect=true&language=en`, answered with
 * `{ sendungen: [{ id, sendungNichtGefunden?: { keineDatenVerfuegbar }, sendungsdetails: { istZugestellt,
 * sendungsnummern: { sendungsnummer }, sendungsverlauf: { aktuellerStatus, kurzStatus, datumAktuellerStatus,
 * fortschritt, maximalFortschritt, events: [{ datum, status, ort }] } } }] }`, events oldest first; a number DHL
 * knows nothing about is `sendungNichtGefunden.keineDatenVerfuegbar: true` inside a 200.
 * Facts from: open-source dhl.de trackers in the index — a Home Assistant DHL web tracker (`sendungNichtGefunden`,
 * `fortschritt`/`maximalFortschritt`, `istZugestellt`, the `Referer` it sends), a Playwright DHL scraper
 * (`noRedirect=true`, events `{ status, datum, ort }`), a DHL panel integration (`kurzStatus`, oldest-first
 * history) and the pull-to-refresh CLI (`sendungsverlauf.aktuellerStatus`); the index does not name their
 * repositories. DHL also guards this route with a bot check at times: a challenge page is "DHL asked for a check".
 */

export const DHL_PAKET_NAME = 'DHL Paket';
export const DHL_DE_ORIGIN = 'https://www.dhl.de';

/** Shapes of DHL Paket piece codes (12 or 20 digits, JJD… and JVGL… labels); DHL Express's 10 digits are not. */
const PAKET_NUMBER = /^(\d{12}|\d{20}|JJD\d{12,20}|JVGL\d{12,20})$/;

export function isDhlPaketNumber(number: string | undefined): boolean {
  const n = compactNumber(number);
  return Boolean(n && PAKET_NUMBER.test(n));
}

export function dhlPaketAskedNumbers(url: string): string[] {
  try {
    const codes = new URL(url).searchParams.get('piececode') ?? '';
    return codes
      .split(',')
      .slice(0, 20)
      .map(compactNumber)
      .filter((n): n is string => Boolean(n));
  } catch {
    return [];
  }
}

/** DHL's words (German or English, whichever language the page asked for) for what happened. */
export function dhlPaketWording(text: unknown): PackageStatus {
  const t = typeof text === 'string' ? text.toLowerCase() : '';
  if (/zurück an den absender|rücksendung|returned to (the )?sender|return to sender/.test(t))
    return 'returned';
  if (
    /nicht angetroffen|konnte nicht zugestellt|could not be delivered|not be delivered|zustellversuch/.test(t)
  )
    return 'failed_attempt';
  if (
    /abholbereit|zur abholung|liegt in der filiale|ready for (pick[- ]?up|collection)|available for pick/.test(
      t,
    )
  )
    return 'available_for_pickup';
  if (
    /in zustellung|zustellfahrzeug|out for delivery|on (its|the) way to the recipient|loaded onto the delivery/.test(
      t,
    )
  )
    return 'out_for_delivery';
  if (/elektronisch angekündigt|electronically announced|auftragsdaten|order data/.test(t))
    return 'info_received';
  return 'in_transit';
}

/** One search answer; `asked` is the number requested. */
export function readDhlPaketSearch(json: unknown, asked: string, now: number): CarrierReading {
  const body = asRecord(json);
  if (!body) return { kind: 'unreadable', reason: 'not an object' };
  const want = compactNumber(asked);
  const matches = asArray(body.sendungen, 20).filter(
    (s) =>
      compactNumber(at(s, 'id')) === want ||
      compactNumber(at(s, 'sendungsdetails', 'sendungsnummern', 'sendungsnummer')) === want,
  );
  if (!want || matches.length !== 1) return { kind: 'unreadable', reason: 'answer for another number' };
  const shipment = matches[0];
  if (at(shipment, 'sendungNichtGefunden', 'keineDatenVerfuegbar') === true)
    return { kind: 'not_found', number: want };
  const details = asRecord(at(shipment, 'sendungsdetails'));
  const history = asRecord(details?.sendungsverlauf);
  if (!details || !history) return { kind: 'unreadable', reason: 'no history' };
  const events = cleanEvents(
    asArray(history.events, 300).map((event) => ({
      at: parseInstant(at(event, 'datum')),
      status: dhlPaketWording(at(event, 'status')),
      description: asString(at(event, 'status'))?.replace(/<[^>]*>/g, ' '),
      location: at(event, 'ort'),
    })),
    now,
  );
  const current = asString(history.aktuellerStatus) ?? asString(history.kurzStatus);
  let status: PackageStatus;
  // Delivered only on DHL's own flag: a full progress bar or the word "zugestellt" alone is not enough.
  if (details.istZugestellt === true) status = 'delivered';
  else {
    status = current ? dhlPaketWording(current) : (events[0]?.status ?? 'in_transit');
    if (!current && events.length === 0) {
      // An announced label has progress 1 and no events yet; anything else without a word is unreadable.
      if (asNumber(history.fortschritt) === 1) status = 'info_received';
      else return { kind: 'unreadable', reason: 'no events' };
    }
  }
  return {
    kind: 'found',
    number: want,
    facts: {
      status,
      statusText: current?.replace(/<[^>]*>/g, ' ') ?? events[0]?.description,
      statusAt: parseInstant(history.datumAktuellerStatus) ?? events[0]?.at,
      events,
      trackUrl: `${DHL_DE_ORIGIN}/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${want}`,
      sourceUrl: `${DHL_DE_ORIGIN}/int-verfolgen/`,
    },
  };
}

export const dhlPaketWeb: StatusProvider = {
  id: 'dhlpaket-web',
  name: DHL_PAKET_NAME,
  origins: [`${DHL_DE_ORIGIN}/*`],
  needs: [],
  maxBatch: 1,
  requestPerPackage: true,
  // A safety cap as for the other keyless carriers: the per-package pacing keeps checks rare.
  budget: { perHour: 120, perDay: 1_500, concurrency: 1, minSpacingMs: 5_000 },
  supports: (pkg) => pkg.carrier === 'dhl' && isDhlPaketNumber(pkg.number),
  dueAt: keylessDueAt,
  refresh: refreshDhlPaket,
};

async function refreshDhlPaket(packages: PackageRecord[], ctx: ProviderContext): Promise<RefreshResult> {
  const base = (ctx.baseUrl ?? DHL_DE_ORIGIN).replace(/\/+$/, '');
  return eachPackage(packages, async (pkg) => {
    const number = compactNumber(pkg.number) ?? '';
    const query = new URLSearchParams({ piececode: number, noRedirect: 'true', language: 'en' });
    const answer = await carrierJson(ctx, DHL_PAKET_NAME, `${base}/int-verfolgen/data/search?${query}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      // Public data: the user's dhl.de cookies are not needed and not sent.
      credentials: 'omit',
    });
    if (!answer.ok) return packageFailed(pkg, answer.failure, 1);
    return {
      outcome: outcomeOf(pkg, readDhlPaketSearch(answer.json, number, ctx.now()), ctx.now(), DHL_PAKET_NAME),
      requests: 1,
    };
  });
}
