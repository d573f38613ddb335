/**
 * Text in lower case with every character where it was, for the expressions that match lower-case sources without
 * the `i` flag (date-grammar.ts): V8 compiles a large alternation of words in seven languages about five times
 * faster without `i` under `u` (TERM: 23 ms → 5 ms in Node 20), and that compile is paid on a page's first scan.
 * Positions found in the folded text are positions in the text. `toLowerCase` keeps the length except for the
 * few letters that lower to two code units (İ → i̇); those are left as they are.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (const char of text) {
    const low = char.toLowerCase();
    folded += low.length === char.length ? low : char;
  }
  return folded;
}
