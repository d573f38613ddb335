/**
 * Where a carrier is named in a text: a forward-only search for any of its names (lower case, ASCII letters
 * compared without case), asked for windows that move forward as the scan does. Overlapping windows are read once:
 * a page's many numbers of a generic shape ask about nearly the same stretch of text again and again.
 */
export class NameCursor {
  /** Earliest occurrence found at or after `searchStart`, or -1 when none was found before `searchedTo`. */
  private found = -1;
  private searchStart = 0;
  private searchedTo = 0;
  private readonly firsts: string;

  constructor(
    private readonly text: string,
    private readonly names: readonly string[],
  ) {
    this.firsts = names.map((n) => n.charAt(0)).join('');
  }

  /** Whether one of the names starts in `[from, to)` of the text. */
  namedIn(from: number, to: number): boolean {
    if (from < this.searchStart) return this.search(from, to) >= 0;
    if (this.found >= from) return this.found < to;
    const resume = this.found >= 0 ? this.found + 1 : this.searchedTo;
    this.searchStart = from;
    this.found = this.search(Math.max(from, resume), to);
    this.searchedTo = this.found >= 0 ? this.found + 1 : Math.max(to, this.searchedTo);
    return this.found >= 0;
  }

  /** The first position in `[from, to)` where a name starts, or -1. */
  private search(from: number, to: number): number {
    const { text, names, firsts } = this;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i) | 32;
      if (c < 48 || firsts.indexOf(String.fromCharCode(c)) < 0) continue;
      for (const name of names) if (startsAt(text, i, name)) return i;
    }
    return -1;
  }
}

/** Whether `name` (lower case) is written at `at` of `text`, ASCII letters in any case. */
function startsAt(text: string, at: number, name: string): boolean {
  if (at + name.length > text.length) return false;
  for (let k = 0; k < name.length; k++) {
    const a = text.charCodeAt(at + k);
    const b = name.charCodeAt(k);
    if (a !== b && !((a | 32) === b && b >= 97 && b <= 122)) return false;
  }
  return true;
}
