import type { RejectedRecord, RejectionProblem } from '../view/data-transfer';
import type { MessageKey, Translate } from './translate';

/** One message per problem code, each in all four catalogs. */
const KEYS = {
  missing: 'importProblemMissing',
  'wrong-type': 'importProblemWrongType',
  'not-allowed': 'importProblemNotAllowed',
  'too-long': 'importProblemTooLong',
  'too-short': 'importProblemTooShort',
  invalid: 'importProblemInvalid',
} as const satisfies Record<RejectionProblem, MessageKey>;

export const REJECTION_PROBLEMS = Object.keys(KEYS) as RejectionProblem[];

/**
 * Why an imported record was refused, in the UI language: "Eintrag 4: eta.start ist ungültig". The field is shown as
 * the file writes it (it is what the user would look for in the file); a record that is not an object at all has
 * none and reads as "not a package record".
 */
export function rejectionWords(rejected: RejectedRecord, t: Translate): string {
  const reason =
    rejected.field === '' && rejected.problem !== 'missing'
      ? t('importProblemNotRecord')
      : t(KEYS[rejected.problem] ?? 'importProblemInvalid', rejected.field);
  return t('importRejectedAt', rejected.index + 1, reason);
}
