import { FAILURE_KINDS, type FailureKind } from '../providers/types';

/**
 * Refresh failures as codes, so the popup can word them in the UI language. A record stores
 * `code:<code>;<provider>;<http status>`; the view turns it into words (utils/view/refresh-error.ts). Providers
 * and the scheduler still produce English sentences from fixed templates; they are read back into codes here, at
 * the storage boundary, and records written before codes existed (English text) are read the same way.
 */

export const DEFERRED_CODES = [
  'no_provider',
  'budget',
  'backoff',
  'in_flight',
  'nothing_to_refresh',
] as const;
export type RefreshErrorCode = FailureKind | (typeof DEFERRED_CODES)[number] | 'unknown';

export interface RefreshError {
  code: RefreshErrorCode;
  /** The provider's or carrier's name (a proper noun, shown as is). */
  provider?: string;
  status?: number;
}

const PREFIX = 'code:';
const KNOWN: ReadonlySet<string> = new Set<string>([...FAILURE_KINDS, ...DEFERRED_CODES, 'unknown']);

/** Names come from our own providers, but a stored record may come from an import: keep them short and plain. */
function cleanName(name: string | undefined): string | undefined {
  const trimmed = name
    ?.replace(/[;\n\r]/g, ' ')
    .trim()
    .slice(0, 40);
  return trimmed ? trimmed : undefined;
}

export function encodeRefreshError(error: RefreshError): string {
  const status = error.status !== undefined && Number.isInteger(error.status) ? String(error.status) : '';
  return `${PREFIX}${error.code};${cleanName(error.provider) ?? ''};${status}`;
}

/** The English templates of utils/providers/http.ts and the scheduler, most specific first. */
const TEMPLATES: [RegExp, RefreshErrorCode][] = [
  [/^(.+?) has no record of this number yet/, 'not_found'],
  [/^(.+?) rejected the key/, 'unauthorized'],
  [/^(.+?) asked Doorstep to slow down/, 'rate_limited'],
  [/^(.+?) is having problems(?: \(HTTP (\d{3})\))?/, 'server'],
  [/^Could not reach (.+?)(?::|$)/, 'network'],
  [/^(.+?) did not answer in time/, 'timeout'],
  [/^(.+?) sent an answer Doorstep could not read/, 'malformed'],
  [/^Doorstep is not allowed to contact (.+?)(?::|$)/, 'permission'],
  [/^(.+?) needs a key in the options/, 'not_configured'],
  [/^Sign in to (.+?) in this browser/, 'signed_out'],
  [/^(.+?) asked for a check in the browser/, 'blocked'],
  [/^No status source can refresh this package/, 'no_provider'],
  [/request budget is used up/, 'budget'],
  [/asked Doorstep to wait/, 'backoff'],
  [/refresh of this package is already running/, 'in_flight'],
  [/^Nothing to refresh/, 'nothing_to_refresh'],
];

/** A stored or replied error as a code; anything unrecognised is `unknown` (never shown as foreign text). */
export function parseRefreshError(text: string): RefreshError {
  if (text.startsWith(PREFIX)) {
    const [code = '', provider, status] = text.slice(PREFIX.length).split(';');
    const error: RefreshError = { code: KNOWN.has(code) ? (code as RefreshErrorCode) : 'unknown' };
    const name = cleanName(provider);
    if (name) error.provider = name;
    if (status && /^\d{3}$/.test(status)) error.status = Number(status);
    return error;
  }
  // "2 of 3 not refreshed: …" (several packages at once) is about the first failure.
  const inner = text.replace(/^\d+ of \d+ not refreshed: /, '');
  for (const [pattern, code] of TEMPLATES) {
    const match = pattern.exec(inner);
    if (!match) continue;
    const error: RefreshError = { code };
    const name = cleanName(match[1]);
    if (name) error.provider = name;
    if (match[2]) error.status = Number(match[2]);
    return error;
  }
  return { code: 'unknown' };
}
