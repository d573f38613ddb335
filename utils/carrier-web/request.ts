import { failure, httpRequest, parseJson, parseRetryAfter } from '../providers/http';
import type { ProviderContext, ProviderFailure } from '../providers/types';

/**
 * One request to a carrier's own tracking endpoint (the one its page calls), classified for a keyless adapter.
 * A public site is not an API with a quota: any sign that it wants us to stop (401, 403, a challenge page, 429)
 * pauses that carrier for hours, never less than its Retry-After. A 404, an empty or an unreadable answer is
 * "couldn't check", never "not found": only the carrier's explicit statement in a readable answer is.
 */

const HOUR = 3_600_000;
/** After a 401/403/challenge page: the site is guarding itself; ask again after a long pause. */
export const BLOCKED_PAUSE_MS = 6 * HOUR;
/** After a 429: at least this long, or the Retry-After when that is longer. */
export const RATE_LIMIT_PAUSE_MS = 2 * HOUR;

export type CarrierAnswer =
  | { ok: true; status: number; json: unknown; headers: Headers }
  | { ok: false; failure: ProviderFailure; status?: number; body?: string };

/** Statuses read here rather than by `classifyStatus`, whose 401/403 means "your key is wrong". */
const OWN_STATUSES = [401, 403, 404, 406, 410, 419, 428] as const;
/**
 * A site guarding itself: 401/403, and the statuses bot checks answer with while their challenge is unsolved
 * (419, 428: Akamai's proof-of-work on DHL's routes, per the DHL eCommerce adapter notes cited in dhl-express.ts).
 */
const BLOCKING_STATUSES: readonly number[] = [401, 403, 419, 428];

export async function carrierJson(
  ctx: ProviderContext,
  carrierName: string,
  url: string,
  init: RequestInit,
): Promise<CarrierAnswer> {
  const outcome = await httpRequest(ctx, carrierName, url, init, OWN_STATUSES);
  const now = ctx.now();
  if (!outcome.ok) {
    const f = outcome.failure;
    if (f.kind === 'rate_limited') {
      const retryAt = Math.max(f.retryAt ?? 0, now + RATE_LIMIT_PAUSE_MS);
      return { ok: false, failure: { ...f, retryAt }, ...(f.status !== undefined && { status: f.status }) };
    }
    return { ok: false, failure: f, ...(f.status !== undefined && { status: f.status }) };
  }
  const { status, headers, body } = outcome;
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  const blocked = () =>
    failure('blocked', carrierName, {
      status,
      retryAt: Math.max(retryAfter ?? 0, now + BLOCKED_PAUSE_MS),
    });
  if (BLOCKING_STATUSES.includes(status)) return { ok: false, failure: blocked(), status };
  if (status >= 400)
    return {
      ok: false,
      failure: failure('malformed', carrierName, { status, detail: `couldn't check (HTTP ${status})` }),
      status,
      // A carrier that states "not found" in an error answer (OnTrac's 404 problem details) reads it here.
      body: body.slice(0, 10_000),
    };
  const trimmed = body.trimStart();
  // Bot checks and sign-in walls come back as HTML pages with a 200.
  const type = headers.get('content-type') ?? '';
  if (trimmed.startsWith('<') || /text\/html/i.test(type)) return { ok: false, failure: blocked(), status };
  if (!trimmed)
    return { ok: false, failure: failure('malformed', carrierName, { detail: 'empty answer' }), status };
  const parsed = parseJson(trimmed);
  if (!parsed.ok) return { ok: false, failure: failure('malformed', carrierName, { status }), status };
  return { ok: true, status, json: parsed.value, headers };
}
