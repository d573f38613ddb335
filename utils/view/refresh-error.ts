import type { MessageKey, Translate } from '../i18n/translate';
import { parseRefreshError, type RefreshErrorCode } from '../refresh/failure-code';

/** One message per code, each in all four catalogs; `$PROVIDER$` is the service's name. */
const KEYS = {
  not_found: 'refreshError_not_found',
  unauthorized: 'refreshError_unauthorized',
  rate_limited: 'refreshError_rate_limited',
  server: 'refreshError_server',
  network: 'refreshError_network',
  timeout: 'refreshError_timeout',
  malformed: 'refreshError_malformed',
  permission: 'refreshError_permission',
  not_configured: 'refreshError_not_configured',
  signed_out: 'refreshError_signed_out',
  blocked: 'refreshError_blocked',
  no_provider: 'refreshError_no_provider',
  budget: 'refreshError_budget',
  backoff: 'refreshError_backoff',
  in_flight: 'refreshError_in_flight',
  nothing_to_refresh: 'refreshError_nothing_to_refresh',
  unknown: 'refreshError_unknown',
} as const satisfies Record<RefreshErrorCode, MessageKey>;

export const REFRESH_ERROR_CODES = Object.keys(KEYS) as RefreshErrorCode[];

/**
 * A refresh failure in the UI language: from a stored code, a reply from the background, or the English text of a
 * record stored before codes existed. Text Doorstep does not recognise is never shown raw (it may be another
 * language, or an answer from the network): it becomes "the service gave an unexpected answer".
 */
export function refreshErrorWords(stored: string, t: Translate): string {
  const error = parseRefreshError(stored);
  const provider = error.provider ?? t('refreshErrorSomeService');
  const sentence = t(KEYS[error.code], provider);
  // "the tracking service …" stands first in some sentences.
  const words = sentence.charAt(0).toLocaleUpperCase() + sentence.slice(1);
  // An HTTP status is a number in every language; it helps when the user reports the problem.
  return error.status !== undefined && error.code === 'server' ? `${words} (HTTP ${error.status})` : words;
}
