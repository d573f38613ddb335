import { describe, expect, it } from 'vitest';
import { REJECTION_PROBLEMS, rejectionWords } from '../../../utils/i18n/rejection-words';
import { parseRecords } from '../../../utils/messages';
import { translatorFor } from './catalog';
import { threePackages } from './fixtures';

/** Refused import records are reported as codes and worded in the UI language: no validator English on screen. */

const NOW = new Date(2026, 11, 7, 12, 0);
const LANGS = ['en', 'de', 'fr', 'es'] as const;

/** Records that fail in each way the import can tell apart (as the worker validates them). */
function brokenRecords(): unknown[] {
  const [good] = threePackages(NOW);
  const { createdAt: _missing, ...noCreatedAt } = good as NonNullable<typeof good>;
  return [
    good,
    noCreatedAt,
    { ...good, id: 'b', createdAt: 'yesterday' },
    { ...good, id: 'c', status: 'teleported' },
    { ...good, id: 'd', note: 'x'.repeat(100_000) },
    { ...good, id: 'e', trackUrl: 'javascript:alert(1)' },
    'junk',
    { ...good, id: 'f', number: undefined, carrier: undefined, orderId: undefined },
  ];
}

describe('rejectionWords', () => {
  it('codes each kind of broken record, with the field as the file writes it', () => {
    const parsed = parseRecords(brokenRecords());
    expect(parsed.records).toHaveLength(1);
    expect(parsed.reasons.map((r) => [r.index, r.field, r.problem])).toEqual([
      [1, 'createdAt', 'missing'],
      [2, 'createdAt', 'wrong-type'],
      [3, 'status', 'not-allowed'],
      [4, 'note', 'too-long'],
      [5, 'trackUrl', 'invalid'],
      [6, '', 'wrong-type'],
      [7, '', 'no-number-or-order'],
    ]);
  });

  it('words them in English', () => {
    const parsed = parseRecords(brokenRecords());
    expect(parsed.reasons.map((r) => rejectionWords(r, translatorFor('en')))).toEqual([
      'Record 2: createdAt is missing',
      'Record 3: createdAt has the wrong type of value',
      'Record 4: status has a value Doorstep does not know',
      'Record 5: note is too long',
      'Record 6: trackUrl is not valid',
      'Record 7: not a package record',
      'Record 8: needs a tracking number or an order id',
    ]);
    // A code this page does not know (a newer or broken worker) reads as "not valid", never as a missing message.
    const unknown = { index: 0, field: 'x', problem: 'constructor' } as unknown as Parameters<
      typeof rejectionWords
    >[0];
    expect(rejectionWords(unknown, translatorFor('en'))).toBe('Record 1: x is not valid');
  });

  it.each(LANGS)(
    'has distinct words for every problem in %s, none of them English unless the UI is',
    (lang) => {
      const t = translatorFor(lang);
      const english = translatorFor('en');
      const words = REJECTION_PROBLEMS.map((problem) =>
        rejectionWords({ index: 0, field: 'eta.start', problem }, t),
      );
      expect(new Set(words).size).toBe(REJECTION_PROBLEMS.length);
      for (const [i, problem] of REJECTION_PROBLEMS.entries()) {
        // A record with neither number nor order id is wrong as a whole: no field to name.
        if (problem !== 'no-number-or-order') expect(words[i]).toContain('eta.start');
        if (lang !== 'en')
          expect(words[i]).not.toBe(rejectionWords({ index: 0, field: 'eta.start', problem }, english));
      }
      const whole = rejectionWords({ index: 6, field: '', problem: 'wrong-type' }, t);
      expect(whole).toMatch(/7/);
      if (lang !== 'en')
        expect(whole).not.toBe(rejectionWords({ index: 6, field: '', problem: 'wrong-type' }, english));
    },
  );
});
