import { ERROR_CODES, type ErrorCode } from '../messages';
import { refreshErrorWords } from '../view/refresh-error';
import type { MessageKey, Translate } from './translate';

/** One message per reply code, each in all four catalogs. */
const KEYS = {
  invalid: 'error_invalid',
  forbidden: 'error_forbidden',
  'not-found': 'error_not_found',
  conflict: 'error_conflict',
  'not-tracking-number': 'error_not_tracking_number',
  unavailable: 'error_unavailable',
  internal: 'error_internal',
} as const satisfies Record<ErrorCode, MessageKey>;

export { ERROR_CODES };

/** What the view knows of a failed reply: its code, and for a refresh the stored form of why. */
export interface CodedError {
  code?: unknown;
  refreshError?: unknown;
}

/**
 * Why something failed, in the UI language. Only codes are read: a reply's `detail` is English for logs, and a code
 * Doorstep does not know (an older or broken worker, a thrown exception) reads as the generic "internal" words.
 */
export function errorWords(error: CodedError | undefined, t: Translate): string {
  if (typeof error?.refreshError === 'string') return refreshErrorWords(error.refreshError, t);
  const code = ERROR_CODES.find((known) => known === error?.code) ?? 'internal';
  return t(KEYS[code]);
}
