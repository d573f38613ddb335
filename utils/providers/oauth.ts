import type { PackageRecord } from '../store/types';
import { failBatch, notConfigured } from './batch';
import { failure, requestJson } from './http';
import { asNumber, asString, at } from './read';
import type { ProviderContext, ProviderFailure, RefreshResult } from './types';

/**
 * OAuth 2 client-credentials tokens for the carriers' own APIs (USPS, UPS, FedEx). A token is cached until a
 * minute before it expires, so a run of many packages costs one token request, not one per package.
 */

const EXPIRY_MARGIN_MS = 60_000;

/** Where and how one carrier hands out tokens: each wants the client id and secret in its own place. */
export interface TokenRequest {
  /** Token cache key; include the client id so a changed key never reuses the old key's token. */
  cacheKey: string;
  url: string;
  /** Headers and body of the token POST. */
  init: RequestInit;
}

type TokenOutcome =
  | { ok: true; token: string; requests: number }
  | { ok: false; failure: ProviderFailure; requests: number };

/**
 * The flow the three OAuth carriers share: no client id or secret → not configured; no token → the whole batch
 * fails with the token's failure; else `run` asks the API with the token. The token request, when one was sent,
 * is counted in the result like any other request.
 */
export async function withClientCredentials(
  packages: PackageRecord[],
  ctx: ProviderContext,
  providerName: string,
  tokenRequest: (clientId: string, clientSecret: string) => TokenRequest,
  run: (token: string) => Promise<RefreshResult>,
): Promise<RefreshResult> {
  const { clientId, clientSecret } = ctx.credentials;
  if (!clientId || !clientSecret) return notConfigured(packages, providerName);
  const token = await clientCredentialsToken(ctx, providerName, tokenRequest(clientId, clientSecret));
  if (!token.ok) return failBatch(packages, token.failure, token.requests);
  const result = await run(token.token);
  return { ...result, requests: result.requests + token.requests };
}

/** Token requests in flight per cache, so batches running side by side share one request. */
const pending = new WeakMap<object, Map<string, Promise<TokenOutcome>>>();

export async function clientCredentialsToken(
  ctx: ProviderContext,
  providerName: string,
  request: TokenRequest,
): Promise<TokenOutcome> {
  const { cacheKey } = request;
  const cached = ctx.tokens?.get(cacheKey);
  if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > ctx.now())
    return { ok: true, token: cached.token, requests: 0 };
  if (!ctx.tokens) return requestToken(ctx, providerName, request);
  const inFlight = pending.get(ctx.tokens) ?? new Map<string, Promise<TokenOutcome>>();
  pending.set(ctx.tokens, inFlight);
  const running = inFlight.get(cacheKey);
  // The batch that waited on another's request sent nothing itself.
  if (running) return running.then((outcome) => ({ ...outcome, requests: 0 }));
  const sent = requestToken(ctx, providerName, request).finally(() => inFlight.delete(cacheKey));
  inFlight.set(cacheKey, sent);
  return sent;
}

async function requestToken(
  ctx: ProviderContext,
  providerName: string,
  { cacheKey, url, init }: TokenRequest,
): Promise<TokenOutcome> {
  const answer = await requestJson(ctx, providerName, url, { method: 'POST', ...init }, [400]);
  if (!answer.ok) return { ok: false, failure: answer.failure, requests: 1 };
  const token = asString(at(answer.json, 'access_token'));
  if (answer.status === 400 || !token) {
    // OAuth servers answer bad client credentials with 400 invalid_client.
    const error = asString(at(answer.json, 'error'));
    return {
      ok: false,
      failure: error?.startsWith('invalid_')
        ? failure('unauthorized', providerName, { status: answer.status, detail: error })
        : failure('malformed', providerName),
      requests: 1,
    };
  }
  const seconds = Number(
    asNumber(at(answer.json, 'expires_in')) ?? asString(at(answer.json, 'expires_in')) ?? 3600,
  );
  const expiresAt = ctx.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000;
  ctx.tokens?.set(cacheKey, { token, expiresAt });
  return { ok: true, token, requests: 1 };
}

/** A simple in-memory token cache (one per worker). */
export function memoryTokenCache(): NonNullable<ProviderContext['tokens']> {
  const map = new Map<string, { token: string; expiresAt: number }>();
  return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
}

/** Basic auth header value (RFC 7617) for client id and secret. */
export function basicAuth(id: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${id}:${secret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
