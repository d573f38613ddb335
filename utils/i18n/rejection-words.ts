import type { RejectedItem, RejectionProblem } from '../messages';
import type { MessageKey, Translate } from './translate';

/** One message per problem code, each in all four catalogs. */
const KEYS = {
  missing: 'importProblemMissing',
  'wrong-type': 'importProblemWrongType',
  'not-allowed': 'importProblemNotAllowed',
  'too-long': 'importProblemTooLong',
  'too-short': 'importProblemTooShort',
  invalid: 'importProblemInvalid',
  'no-number-or-order': 'importProblemNoNumber',
} as const satisfies Record<RejectionProblem, MessageKey>;

export const REJECTION_PROBLEMS = Object.keys(KEYS) as RejectionProblem[];

/**
 * Why an imported record was refused, in the UI language: "Eintrag 4: eta.start ist ungültig". The field is shown as
 * the file writes it (it is what the user would look for in the file); a record that is not an object at all has
 * none and reads as "not a package record".
 */
export function rejectionWords(rejected: RejectedItem, t: Translate): string {
  // The reasons come back from the worker: a code this page does not know reads as "not valid".
  const problem: RejectionProblem = Object.hasOwn(KEYS, rejected.problem) ? rejected.problem : 'invalid';
  const reason =
    problem === 'no-number-or-order'
      ? t(KEYS[problem])
      : rejected.field === '' && problem !== 'missing'
        ? t('importProblemNotRecord')
        : t(KEYS[problem], rejected.field);
  return t('importRejectedAt', rejected.index + 1, reason);
}
