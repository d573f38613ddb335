import { findTrackingNumbers } from '../tracking';
import { GRAMMAR_EXPRESSIONS } from './date-grammar';
import { RESOLUTION_EXPRESSIONS } from './date-resolution';
import { SEARCH_EXPRESSIONS } from './delivery-date';
import { STATUS_EXPRESSIONS } from './status-phrases';

/**
 * The extractors' large regular expressions are compiled by the engine on first use, which takes up to tens of
 * milliseconds each (the date grammar's alternations of seven languages under the `i` flag); a page's first scan
 * would pay all of them in its first unit, one task of 100 ms and more. Compiling each one alone, as separate tasks
 * before the first scan, spreads that cost over short tasks.
 *
 * V8 compiles an expression apart for strings of one-byte and of two-byte characters, and again when it moves from
 * its interpreter to native code (the second run): each expression is run twice on a sample of each kind.
 */
const SAMPLES = [
  'Arriving Tuesday, December 1 by 10 PM',
  'Zustellung: 1.–3. Dezember, voraussichtlich heute',
];

function compile(expression: RegExp): void {
  for (const sample of SAMPLES) {
    for (let run = 0; run < 2; run++) {
      expression.lastIndex = 0;
      expression.test(sample);
    }
  }
  expression.lastIndex = 0;
}

export const WARM_UP_STEPS: readonly (() => void)[] = [
  () => findTrackingNumbers('Tracking number: 1Z5R89390357567127'),
  ...[...GRAMMAR_EXPRESSIONS, ...RESOLUTION_EXPRESSIONS, ...SEARCH_EXPRESSIONS, ...STATUS_EXPRESSIONS].map(
    (expression) => () => compile(expression),
  ),
];
