import type { FailureKind, ProviderContext, ProviderFailure } from './types';

/** Under Chrome's 30 s limit for a pending fetch in an extension service worker (reference §5). */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Used when a 429 carries no usable Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;
/** Larger answers are refused unread: no tracking answer is this big, and the worker must stay small. */
export const MAX_BODY_CHARS = 4_000_000;

const MESSAGES: Record<FailureKind, (name: string, status?: number) => string> = {
  not_found: (name) => `${name} has no record of this number yet`,
  unauthorized: (name) => `${name} rejected the key: check it in the options`,
  rate_limited: (name) => `${name} asked Doorstep to slow down; it will retry later`,
  server: (name, status) => `${name} is having problems${status ? ` (HTTP ${status})` : ''}`,
  network: (name) => `Could not reach ${name}`,
  timeout: (name) => `${name} did not answer in time`,
  malformed: (name) => `${name} sent an answer Doorstep could not read`,
  permission: (name) => `Doorstep is not allowed to contact ${name}: enable it again in the options`,
  not_configured: (name) => `${name} needs a key in the options`,
  signed_out: (name) => `Sign in to ${name} in this browser to refresh this order`,
  blocked: (name) => `${name} asked for a check in the browser: open its tracking page`,
};

export function failure(
  kind: FailureKind,
  providerName: string,
  extra: { status?: number; retryAt?: number; detail?: string } = {},
): ProviderFailure {
  const base = MESSAGES[kind](providerName, extra.status);
  const message = extra.detail ? `${base}: ${extra.detail}` : base;
  const result: ProviderFailure = { kind, message: message.slice(0, 300) };
  if (extra.status !== undefined) result.status = extra.status;
  if (extra.retryAt !== undefined) result.retryAt = extra.retryAt;
  return result;
}

/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns the epoch ms to wait until, or undefined
 * when the header is absent or unreadable. A date in the past means "now"; absurd delays are capped at one day.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const MAX = 24 * 60 * 60 * 1000;
  if (/^\d+$/.test(trimmed)) return now + Math.min(Number(trimmed) * 1000, MAX);
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at, now), now + MAX);
}

/**
 * When a rate-limited provider may be asked again: Retry-After first, then a reset header in epoch seconds
 * (AfterShip `X-RateLimit-Reset`, IETF draft `RateLimit-Reset` as delta seconds), else a default pause.
 */
export function retryAtFrom(headers: Headers, now: number): number {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (reset && /^\d+$/.test(reset.trim())) {
    const n = Number(reset.trim());
    // Epoch seconds are > 1e9; smaller numbers are a delay in seconds.
    const at = n > 1e9 ? n * 1000 : now + n * 1000;
    if (at > now && at - now <= 24 * 60 * 60 * 1000) return at;
  }
  return now + DEFAULT_RATE_LIMIT_PAUSE_MS;
}

export type HttpOutcome =
  | { ok: true; status: number; headers: Headers; body: string; url: string }
  | { ok: false; failure: ProviderFailure };

/**
 * One HTTP request with a timeout. Transport problems become typed failures; HTTP statuses are classified by
 * `classifyStatus` unless the caller lists statuses it reads itself (e.g. a 404 whose body says "not found").
 */
export async function httpRequest(
  ctx: ProviderContext,
  providerName: string,
  url: string,
  init: RequestInit,
  passStatuses: readonly number[] = [],
): Promise<HttpOutcome> {
  await ctx.pace?.();
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await ctx.fetch(url, {
      ...init,
      signal: controller.signal,
      // Provider requests carry keys and client secrets (headers, bodies): a 3xx must never hand them to another
      // host, so a redirect fails the request instead of being followed.
      redirect: 'error',
    });
    if (!response.ok && !passStatuses.includes(response.status)) {
      // Drain so the connection is released; the body of an error is not trusted for anything.
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, failure: classifyStatus(response, providerName, ctx.now()) };
    }
    const body = await response.text();
    if (body.length > MAX_BODY_CHARS) {
      return { ok: false, failure: failure('malformed', providerName, { detail: 'answer too large' }) };
    }
    return { ok: true, status: response.status, headers: response.headers, body, url: response.url || url };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, failure: failure('timeout', providerName) };
    return { ok: false, failure: failure('network', providerName, { detail: shortError(error) }) };
  } finally {
    clearTimeout(timeout);
  }
}

export function classifyStatus(response: Response, providerName: string, now: number): ProviderFailure {
  const status = response.status;
  if (status === 401 || status === 403) return failure('unauthorized', providerName, { status });
  if (status === 404) return failure('not_found', providerName, { status });
  if (status === 429)
    return failure('rate_limited', providerName, { status, retryAt: retryAtFrom(response.headers, now) });
  if (status >= 500) {
    const retryAt = parseRetryAfter(response.headers.get('retry-after'), now);
    return failure('server', providerName, retryAt === undefined ? { status } : { status, retryAt });
  }
  return failure('malformed', providerName, { status, detail: `unexpected HTTP ${status}` });
}

/** JSON.parse that reports failure instead of throwing. */
export function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/** GET/POST returning parsed JSON, or a typed failure (malformed when the body is not JSON). */
export async function requestJson(
  ctx: ProviderContext,
  providerName: string,
  url: string,
  init: RequestInit,
  passStatuses: readonly number[] = [],
): Promise<
  { ok: true; status: number; headers: Headers; json: unknown } | { ok: false; failure: ProviderFailure }
> {
  const outcome = await httpRequest(ctx, providerName, url, init, passStatuses);
  if (!outcome.ok) return outcome;
  const parsed = parseJson(outcome.body);
  if (!parsed.ok)
    return { ok: false, failure: failure('malformed', providerName, { status: outcome.status }) };
  return { ok: true, status: outcome.status, headers: outcome.headers, json: parsed.value };
}

/** Joins a base URL (real host or test server) and a path without doubling slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 120);
}
