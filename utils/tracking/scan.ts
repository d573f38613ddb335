/**
 * Candidate generation: one linear pass over the text.
 *
 * The text is cut into "atoms", maximal runs of ASCII letters and digits. A candidate is one
 * atom, or a few consecutive atoms joined by single separators (space, no-break space, thin
 * space, hyphen) as in `1Z 999 AA1 01 2345 678 4`. Work per atom is bounded by the longest
 * number any format accepts, so the whole pass is linear in the text length.
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

interface Atoms {
  count: number;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
}

/** The hot loop of the engine: kept flat, with the class table inlined. */
function collectAtoms(text: string, minLength: number): Atoms {
  const n = text.length;
  const table = CHAR_CLASS;
  // Atoms are at least two characters apart, so this never overflows (no growth path to deoptimise).
  const capacity = (n >> 1) + 2;
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const flags = new Uint8Array(capacity);
  let count = 0;
  let prevEnd = -2;
  let i = 0;
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
        i = k;
        continue;
      }
      c = text.charCodeAt(i);
    }
    let cls = c < 0x2000 ? (table[c] as number) : 0;
    if (cls === 0 || cls === Flag.Glued) {
      i++;
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
      continue;
    }
    const length = i - s;
    if ((length <= Limit.MaxGroup && (f & Flag.HasDigit) !== 0) || (length === 1 && f === Flag.HasUpper))
      f |= Flag.Group;
    if (prevEnd === s - 1) {
      const sep = text.charCodeAt(prevEnd);
      if (isJoiner(sep)) {
        f |= sep === 45 ? Flag.JoinedBefore | Flag.HyphenBefore : Flag.JoinedBefore;
        if ((flags[count - 1] as number) & Flag.Group) f |= Flag.AfterGroup;
      }
    }
    // The previous atom is dropped when it can play no part: too short to be a number on its own,
    // and joined to neither neighbour (prices, dates, house numbers...).
    if (
      count > 0 &&
      (f & Flag.JoinedBefore) === 0 &&
      ((flags[count - 1] as number) & Flag.JoinedBefore) === 0 &&
      (end[count - 1] as number) - (start[count - 1] as number) < minLength
    )
      count--;
    start[count] = s;
    end[count] = i;
    flags[count] = f;
    count++;
    prevEnd = i;
  }
  return { count, start, end, flags };
}

/**
 * Calls `visit` for every candidate whose normalised length lies in [minLength, maxLength].
 * `wanted(length)` filters lengths no format uses, before the string is built.
 */
export function scanCandidates(
  text: string,
  minLength: number,
  maxLength: number,
  wanted: (length: number) => boolean,
  visit: (candidate: Candidate) => void,
): void {
  const atoms = collectAtoms(text, minLength);
  const { count, start, end, flags } = atoms;
  const len = (a: number) => (end[a] as number) - (start[a] as number);
  const fl = (a: number) => flags[a] as number;
  /** Atom `a` may extend a candidate that ends with atom a - 1. */
  const extendsPrevious = (a: number) =>
    a < count && (fl(a) & (Flag.JoinedBefore | Flag.Glued | Flag.HasLower)) === Flag.JoinedBefore;

  for (let i = 0; i < count; i++) {
    const f0 = fl(i);
    if (f0 & (Flag.Glued | Flag.AfterGroup)) continue;
    const l0 = len(i);
    if (l0 > maxLength || (l0 < minLength && !extendsPrevious(i + 1))) continue;
    // Letters-only words never begin a number, nor do long letter runs.
    if ((f0 & Flag.HasDigit) === 0 && ((f0 & Flag.HasLower) !== 0 || l0 > Limit.MaxLeadingLetters)) continue;

    let total = 0;
    let digitSeen = false;
    let hyphenated = false;
    for (let j = i; j < count; j++) {
      const fj = fl(j);
      const lj = len(j);
      if (j > i) {
        if (!extendsPrevious(j) || total + lj > maxLength) break;
        if (fj & Flag.HyphenBefore) hyphenated = true;
      }
      total += lj;
      if (fj & Flag.HasDigit) digitSeen = true;
      if (!digitSeen && total > Limit.MaxLeadingLetters) break;
      const continues = extendsPrevious(j + 1) && (fl(j + 1) & Flag.Group) !== 0;
      if (continues || total < minLength || !digitSeen || !wanted(total)) continue;
      let normalised = '';
      for (let k = i; k <= j; k++) normalised += text.slice(start[k] as number, end[k] as number);
      const hasLower = (f0 & Flag.HasLower) !== 0;
      visit({
        start: start[i] as number,
        end: end[j] as number,
        normalised: hasLower ? normalised.toUpperCase() : normalised,
        joined: j > i,
        hyphenated,
        hasLower,
      });
    }
  }
}
