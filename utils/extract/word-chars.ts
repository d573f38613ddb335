/**
 * "A letter or digit of any script", as a regular-expression class body, for word boundaries that JavaScript's `\b`
 * (ASCII only) cannot give: "übermorgen" contains "morgen", "Zugestellt" is not "zugestellt!" inside a longer word.
 *
 * Not `[\p{L}\p{N}]`: under the `i` flag V8 computes the case closure of every class when it compiles a regular
 * expression, and for `\p{L}` that costs 1–8 ms per occurrence (measured in Node 20 / Chromium's V8), paid on a page's
 * first scan: the readers' few dozen boundaries made the first scan one 100–300 ms task. These ranges (ASCII letters
 * and digits, Latin-1's letters, every script block from Latin Extended to Greek Extended, superscript/subscript
 * digits, Glagolitic to Cyrillic Extended, kana to Hangul, compatibility ideographs, Arabic forms, fullwidth letters
 * and digits, halfwidth kana/Hangul, the supplementary planes' scripts and ideographs) compile in a fraction of that.
 * They leave out what separates words in the text we read: spaces, ASCII and Latin-1 punctuation and symbols
 * (· « » ¿ × °), General Punctuation (– — ’ “ …), currency, arrows, dingbats, CJK punctuation and emoji. They also count a few
 * script-specific marks (combining accents, Arabic comma) as word characters, which is right for accents and
 * harmless elsewhere. `tests/unit/extract/word-chars.test.ts` checks them against `\p{L}\p{N}` on every word of the
 * vocabularies and on the separators above.
 */
export const WORD_CHARS =
  'A-Za-z0-9\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF' +
  '\\u2070-\\u2079\\u207F-\\u2089\\u2090-\\u209C\\u2C00-\\u2DFF\\u3040-\\uD7FF\\uF900-\\uFDFF\\uFE70-\\uFEFF' +
  '\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFFDC\\u{10000}-\\u{1EFFF}\\u{20000}-\\u{3FFFF}';

/** Not after a letter or digit (use with the `u` flag). */
export const B = `(?<![${WORD_CHARS}])`;
/** Not before a letter or digit (use with the `u` flag). */
export const E = `(?![${WORD_CHARS}])`;
