/**
 * Candidate generation: one linear pass over the text.
 *
 * The text is cut into "atoms", maximal runs of ASCII letters and digits. A candidate is one
 * atom, or a few consecutive atoms joined by single separators (space, no-break space, thin
 * space, hyphen) as in `1Z 999 AA1 01 2345 678 4`. Work per atom is bounded by the longest
 * number any format accepts, so the whole pass is linear in the text length.
 *
 * Only the current chain of joined atoms is kept (candidates never leave it), so the pass
 * allocates nothing per atom, and a candidate's string is built only for lengths some format
 * uses. Running prose is mostly skipped unread: see skipProse.
 *
 * Pieces never match: a candidate is not started right after, or ended right before, a short
 * joined group that contains a digit (or a lone capital letter), because that group would be
 * part of the same printed number (IBANs, card numbers, phone numbers, longer spaced numbers).
 */

export interface Candidate {
  /** Span in the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Upper case, separators removed. */
  readonly normalised: string;
  /** Joined from several atoms. */
  readonly joined: boolean;
  /** At least one join is a hyphen. */
  readonly hyphenated: boolean;
  /** Contains lower-case letters (only trusted inside links). */
  readonly hasLower: boolean;
}

/** Atom flags, packed (a const enum so the bundler inlines them in the hot loops). */
enum Flag {
  HasDigit = 1,
  HasUpper = 2,
  HasLower = 4,
  /** Next to non-ASCII letters or "_": the run is part of a longer word. */
  Glued = 8,
  /** The single character before this atom is a joiner and the previous atom ends right before it. */
  JoinedBefore = 16,
  HyphenBefore = 32,
  /** A short group with a digit, or a lone capital: a printed piece of a longer spaced number. */
  Group = 64,
  /** Joined to a group before it: a piece of that number, never its start. */
  AfterGroup = 128,
}

enum Limit {
  /** Longest printed group that is taken as a continuation of a neighbouring number. */
  MaxGroup = 6,
  /** Formats have at most this many letters before their first digit (GFUS, 1LSCX...). */
  MaxLeadingLetters = 4,
}

/** Per code point (below 0x2000): Flag.HasDigit / Flag.HasUpper / Flag.HasLower for ASCII alphanumerics, Flag.Glued for word glue. */
const CHAR_CLASS = (() => {
  const table = new Uint8Array(0x2000);
  for (let c = 0; c < table.length; c++) {
    if (c >= 48 && c <= 57) table[c] = Flag.HasDigit;
    else if (c >= 65 && c <= 90) table[c] = Flag.HasUpper;
    else if (c >= 97 && c <= 122) table[c] = Flag.HasLower;
    // "_", Latin-1 and Latin Extended letters (not the multiplication and division signs), other scripts.
    else if (c === 95 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || c >= 0x370)
      table[c] = Flag.Glued;
  }
  return table;
})();

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Separators that may sit between the printed groups of one number. */
function isJoiner(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 45;
}

/**
 * The atoms of the current chain: consecutive atoms each joined to the one before it. Candidates
 * never cross a chain's ends, so only the chain is kept, in a ring buffer; the atoms are indexed
 * absolutely (`head` to `tail`) and stored at `index & mask`.
 */
interface Chain {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  readonly mask: number;
  head: number;
  tail: number;
  /** Filled in for each candidate in turn (the visitor copies what it keeps): no object per candidate. */
  readonly candidate: Mutable<Candidate>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A chain able to hold every atom the candidates starting at its oldest atom can reach. */
function newChain(maxLength: number): Chain {
  // A candidate spans at most maxLength atoms (one character each), and one more is looked at.
  let capacity = 1;
  while (capacity < maxLength + 2) capacity <<= 1;
  return {
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
    mask: capacity - 1,
    head: 0,
    tail: 0,
    candidate: { start: 0, end: 0, normalised: '', joined: false, hyphenated: false, hasLower: false },
  };
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Where scanning may resume after a word that ends at `from`. Candidates hold no words and no
 * characters other than ASCII letters, digits and joiners, and span at least `minLength`
 * characters, so when the character `minLength - 1` ahead is in a word (or is such a
 * character), no candidate fits before it: the stretch is skipped unread. This reads about
 * half of running prose.
 */
function skipProse(text: string, from: number, minLength: number): number {
  const n = text.length;
  let e = from;
  for (;;) {
    const q = e + minLength - 1;
    if (q >= n) return e;
    const c = text.charCodeAt(q);
    if (c >= 97 && c <= 122) {
      // A run of letters with a lower-case one, between characters that are neither letters nor digits, is a word.
      let a = q - 1;
      while (a >= e && isLetter(text.charCodeAt(a))) a--;
      if (a >= e && isDigit(text.charCodeAt(a))) return e;
      let b = q + 1;
      while (b < n && isLetter(text.charCodeAt(b))) b++;
      if (b < n && isDigit(text.charCodeAt(b))) return e;
      e = b;
    } else if (isDigit(c) || (c >= 65 && c <= 90) || isJoiner(c)) return e;
    else e = q + 1;
  }
}

/**
 * Calls `visit` for every candidate of the chain that starts at its atom `i` (one reused object:
 * valid during the call only). The chain holds
 * every atom the candidate can reach: `tail` ends the chain, or lies beyond the reach.
 */
function visitCandidatesAt(
  text: string,
  chain: Chain,
  i: number,
  minLength: number,
  maxLength: number,
  wanted: (length: number, first: number) => boolean,
  visit: (candidate: Candidate) => void,
): void {
  const { start, end, flags, mask, tail } = chain;
  const f0 = flags[i & mask] as number;
  if (f0 & (Flag.Glued | Flag.AfterGroup)) return;
  const l0 = (end[i & mask] as number) - (start[i & mask] as number);
  if (l0 > maxLength || (l0 < minLength && i + 1 >= tail)) return;
  // Letters-only words never begin a number, nor do long letter runs.
  if ((f0 & Flag.HasDigit) === 0 && ((f0 & Flag.HasLower) !== 0 || l0 > Limit.MaxLeadingLetters)) return;
  const c0 = text.charCodeAt(start[i & mask] as number);
  const first = c0 >= 97 ? c0 - 32 : c0;

  const hasLower = (f0 & Flag.HasLower) !== 0;
  let total = 0;
  let digitSeen = false;
  let hyphenated = false;
  // The atoms i..built are joined in `joinedAtoms`: each longer candidate appends only its new atoms.
  let joinedAtoms = '';
  let built = i - 1;
  for (let j = i; j < tail; j++) {
    const fj = flags[j & mask] as number;
    const lj = (end[j & mask] as number) - (start[j & mask] as number);
    if (j > i) {
      if (total + lj > maxLength) break;
      if (fj & Flag.HyphenBefore) hyphenated = true;
    }
    total += lj;
    if (fj & Flag.HasDigit) digitSeen = true;
    if (!digitSeen && total > Limit.MaxLeadingLetters) break;
    const continues = j + 1 < tail && ((flags[(j + 1) & mask] as number) & Flag.Group) !== 0;
    if (continues || total < minLength || !digitSeen || !wanted(total, first)) continue;
    while (built < j) {
      built++;
      joinedAtoms += text.slice(start[built & mask] as number, end[built & mask] as number);
    }
    const candidate = chain.candidate;
    candidate.start = start[i & mask] as number;
    candidate.end = end[j & mask] as number;
    candidate.normalised = hasLower ? joinedAtoms.toUpperCase() : joinedAtoms;
    candidate.joined = j > i;
    candidate.hyphenated = hyphenated;
    candidate.hasLower = hasLower;
    visit(candidate);
  }
}

/**
 * Calls `visit` for every candidate whose normalised length lies in [minLength, maxLength].
 * `wanted(length, first)` filters out, before the string is built, lengths and first characters
 * (char code, upper case) no format uses. The candidate object is reused from one call to the
 * next: `visit` copies what it keeps.
 */
export function scanCandidates(
  text: string,
  minLength: number,
  maxLength: number,
  wanted: (length: number, first: number) => boolean,
  visit: (candidate: Candidate) => void,
): void {
  const chain = newChain(maxLength);
  const visitAt = (i: number) => visitCandidatesAt(text, chain, i, minLength, maxLength, wanted, visit);
  const finishChain = () => {
    for (let i = chain.head; i < chain.tail; i++) visitAt(i);
    chain.head = 0;
    chain.tail = 0;
  };
  const n = text.length;
  const table = CHAR_CLASS;
  let prevEnd = -2;
  let prevFlags = 0;
  let i = 0;
  // The hot loop of the engine: kept flat, with the class table inlined.
  while (i < n) {
    let c = text.charCodeAt(i);
    // Fast path for the bulk of prose: a run of lower-case letters followed by a non-alphanumeric
    // is a word, which is never stored.
    if (c >= 97 && c <= 122) {
      let k = i + 1;
      c = k < n ? text.charCodeAt(k) : 0;
      while (c >= 97 && c <= 122) c = ++k < n ? text.charCodeAt(k) : 0;
      const next = c < 0x2000 ? (table[c] as number) : 0;
      if (next === 0 || next === Flag.Glued) {
        prevEnd = -2;
        i = skipProse(text, k, minLength);
        continue;
      }
      c = text.charCodeAt(i);
    }
    let cls = c < 0x2000 ? (table[c] as number) : 0;
    if (cls === 0 || cls === Flag.Glued) {
      i++;
      // Outside joiners, no candidate holds this character either.
      if (!isJoiner(c)) {
        prevEnd = -2;
        i = skipProse(text, i, minLength);
      }
      continue;
    }
    // In a percent-encoded link ("tracknum%3D1Z..."), the two hex digits after "%" belong to the
    // escape, not to the number.
    if (i > 0 && i + 1 < n && text.charCodeAt(i - 1) === 37 && isHex(c) && isHex(text.charCodeAt(i + 1))) {
      i += 2;
      continue;
    }
    const s = i;
    let f = 0;
    if (s > 0) {
      const p = text.charCodeAt(s - 1);
      if (p < 0x2000 && table[p] === Flag.Glued) f = Flag.Glued;
    }
    do {
      f |= cls;
      i++;
      // Reads stay in bounds: an out-of-bounds read would throw optimised code back to the interpreter.
      c = i < n ? text.charCodeAt(i) : 0;
      cls = c < 0x2000 ? (table[c] as number) : 0;
    } while (cls !== 0 && cls !== Flag.Glued);
    if (cls === Flag.Glued) f |= Flag.Glued;
    // Words (lower-case letters, no digit) never belong to a number and stop any join: not stored.
    if ((f & (Flag.HasLower | Flag.HasDigit)) === Flag.HasLower) {
      prevEnd = -2;
      i = skipProse(text, i, minLength);
      continue;
    }
    const length = i - s;
    if ((length <= Limit.MaxGroup && (f & Flag.HasDigit) !== 0) || (length === 1 && f === Flag.HasUpper))
      f |= Flag.Group;
    if (prevEnd === s - 1) {
      const sep = text.charCodeAt(prevEnd);
      if (isJoiner(sep)) {
        f |= sep === 45 ? Flag.JoinedBefore | Flag.HyphenBefore : Flag.JoinedBefore;
        if (prevFlags & Flag.Group) f |= Flag.AfterGroup;
      }
    }
    // An atom that does not extend the chain ends it: the chain's candidates are complete.
    if ((f & (Flag.JoinedBefore | Flag.Glued | Flag.HasLower)) !== Flag.JoinedBefore) {
      finishChain();
      // Most atoms stand alone ("$12", "10:30", "2024."): one too short to be a number that
      // nothing can join (no joiner follows) has no candidates and is not stored.
      if (length < minLength && !isJoiner(c)) {
        prevEnd = -2;
        continue;
      }
    }
    const at = chain.tail & chain.mask;
    chain.start[at] = s;
    chain.end[at] = i;
    chain.flags[at] = f;
    chain.tail++;
    // The oldest atom's candidates are complete once the chain reaches past their longest.
    if (chain.tail - chain.head > maxLength + 1) visitAt(chain.head++);
    prevEnd = i;
    prevFlags = f;
  }
  finishChain();
}
