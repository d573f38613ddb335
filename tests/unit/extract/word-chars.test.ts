import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/utils/extract/lang/index';
import { B, E, WORD_CHARS } from '@/utils/extract/word-chars';

const word = new RegExp(`^[${WORD_CHARS}]$`, 'u');
const letterOrDigit = /^[\p{L}\p{N}]$/u;

describe('WORD_CHARS: letters and digits of any script, as ranges that compile fast under the i flag', () => {
  it('agrees with \\p{L}\\p{N} on every letter of the seven vocabularies, in both cases', () => {
    const letters = new Set(
      LANGUAGES.flatMap((w) => [
        ...w.months,
        ...w.weekdays,
        ...Object.keys(w.relativeDays),
        ...w.promiseTriggers,
        ...(w.articles ?? []),
      ])
        .join('')
        .toLowerCase(),
    );
    const all = [...letters, ...[...letters].map((c) => c.toUpperCase())].filter((c) =>
      letterOrDigit.test(c),
    );
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((c) => !word.test(c))).toEqual([]);
  });

  it('agrees with \\p{L}\\p{N} on letters of other scripts and digits', () => {
    for (const c of [...'0123456789ßæøåœçñłżźśćęąőűÆØÅŒÇÑŁŻŹŚĆĘĄΩωЖж中文かなカナ한글'])
      expect(word.test(c), c).toBe(true);
  });

  it('leaves out what separates words in mail and page text', () => {
    const separators = [
      ...' \t\n\u00a0\u2009\u202f',
      ...'.,;:!?¡¿()[]{}<>/\\|-_+=*&%$#@~^`\'"',
      ...'·«»×÷§¶°±©®€£¥¢',
      ...'–—‐‑‘’‚“”„…•‹›′″',
      ...'→←↑↓★☆✓✔❤',
      ...'、。「」',
      ...['📦', '🚚', '✉️'],
    ];
    expect(separators.filter((c) => word.test(c))).toEqual([]);
    expect(separators.filter((c) => letterOrDigit.test(c))).toEqual([]);
  });

  it('makes boundaries that know accented letters: "morgen" is not inside "übermorgen"', () => {
    const morgen = new RegExp(`${B}morgen${E}`, 'iu');
    expect(morgen.test('Zustellung übermorgen')).toBe(false);
    expect(morgen.test('Zustellung morgen.')).toBe(true);
    expect(morgen.test('Zustellung: Morgen – zwischen 10 und 12')).toBe(true);
    expect(new RegExp(`${B}livré${E}`, 'iu').test('Colis livré·')).toBe(true);
  });
});
