/**
 * A dictionary of lower-case terms looked up at word starts of a text: the longest term beginning at a position, in
 * time bounded by the longest term, whatever the text. Mechanism only; what the terms mean is the caller's.
 *
 * The terms form a character trie in flat tables: node `n` goes on with character `c` to `next[n * width +
 * column[c]]` (0: nowhere, as the root 0 is no one's child), and `termAt[n]` is the term ending there, if any.
 * Typed-array reads cost a fraction of the map lookups of a linked trie.
 */

/** Word characters of lower-cased text: ASCII letters and digits, Latin-1 and Latin Extended letters. */
export function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

export const isWordStart = (s: string, p: number): boolean => p === 0 || !isWordCode(s.charCodeAt(p - 1));

export interface TermMatch<T> {
  term: T;
  /** Index just past the term's last character. */
  end: number;
}

export interface TermTrie<T> {
  /** The longest term starting at `p` of `s` (lower case), or null. */
  longestAt(s: string, p: number): TermMatch<T> | null;
  /** Calls `visit` for each term at a word start of `s`, left to right, without overlaps. */
  forEach(s: string, visit: (term: T, start: number, end: number) => void): void;
}

/**
 * @param entries each term's text (lower case) and value
 * @param wholeWord whether a term must end at a word boundary ("ups", not "upstairs"); otherwise it may run on
 */
export function termTrie<T>(
  entries: Iterable<readonly [string, T]>,
  wholeWord: (term: T) => boolean = () => false,
): TermTrie<T> {
  const list = [...entries];
  const alphabet = [...new Set(list.map(([text]) => text).join(''))].map((ch) => ch.charCodeAt(0));
  // Column of each character that occurs in a term (0: none does).
  const column = new Uint8Array(Math.max(0, ...alphabet) + 1);
  alphabet.forEach((c, i) => {
    column[c] = i + 1;
  });
  const width = alphabet.length + 1;
  // Trie nodes numbered by the term prefix they stand for (the root, 0, is the empty one).
  const nodeOfPrefix = new Map<string, number>([['', 0]]);
  for (const [text] of list)
    for (let i = 1; i <= text.length; i++) {
      const prefix = text.slice(0, i);
      if (!nodeOfPrefix.has(prefix)) nodeOfPrefix.set(prefix, nodeOfPrefix.size);
    }
  const next = new Uint16Array(nodeOfPrefix.size * width);
  for (const [prefix, node] of nodeOfPrefix) {
    if (prefix === '') continue;
    const parent = nodeOfPrefix.get(prefix.slice(0, -1)) ?? 0;
    next[parent * width + (column[prefix.charCodeAt(prefix.length - 1)] ?? 0)] = node;
  }
  const terms: (T | undefined)[] = [];
  for (const [text, term] of list) terms[nodeOfPrefix.get(text) ?? 0] = term;

  /** The trie node after `node` reads `c`, or 0. */
  const step = (node: number, c: number): number => {
    const col = c < column.length ? (column[c] as number) : 0;
    return col === 0 ? 0 : (next[node * width + col] as number);
  };

  const longestAt = (s: string, p: number): TermMatch<T> | null => {
    const n = s.length;
    let node = step(0, s.charCodeAt(p));
    let q = p + 1;
    let found: T | undefined;
    let foundEnd = -1;
    while (node !== 0) {
      const term = terms[node];
      if (term !== undefined && !(q < n && wholeWord(term) && isWordCode(s.charCodeAt(q)))) {
        found = term;
        foundEnd = q;
      }
      if (q >= n) break;
      node = step(node, s.charCodeAt(q));
      q++;
    }
    return found === undefined ? null : { term: found, end: foundEnd };
  };

  return {
    longestAt,
    forEach(s, visit) {
      for (let p = 0; p < s.length; p++) {
        if (!isWordStart(s, p)) continue;
        const m = longestAt(s, p);
        if (!m) continue;
        visit(m.term, p, m.end);
        p = m.end - 1;
      }
    },
  };
}
