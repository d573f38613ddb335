import { splitPastedNumbers } from '../background/message-handler';

/**
 * What "Add numbers" will do with the text in the box, shown while the user types. It splits exactly as the
 * background does (lines, commas, semicolons; a line that is not one number is tried word by word), so the preview
 * and the outcome agree.
 */

export interface Identified {
  number: string;
  carrier: string;
}
export type Identify = (input: string) => Identified | null;

export interface PreviewItem {
  input: string;
  identified?: Identified;
  /** Set on a number already listed above in another spelling ("1Z 999…" and "1z999…"): it is added once. */
  duplicate?: boolean;
  /** Not valid, but valid with another last digit: the shape is right and the check digit does not match. */
  checkDigitMismatch?: boolean;
}

/**
 * Whether a refused piece has a known carrier's shape with a wrong check digit: some other final digit makes it a
 * valid number. Asked of the tracking engine itself, so it holds for every carrier with a check digit, and a typo
 * is named as one ("check digit does not match: typo?") instead of a bare "not valid".
 */
export function hasCheckDigitMismatch(piece: string, identify: Identify): boolean {
  const compact = piece.replace(/[\s-]/g, '');
  if (compact.length < 8 || !/\d$/.test(compact)) return false;
  for (let digit = 0; digit <= 9; digit++) {
    const variant = `${compact.slice(0, -1)}${digit}`;
    if (variant !== compact && identify(variant)) return true;
  }
  return false;
}

/** The numbers the preview will add: each distinct number once, however it was spelt. */
export function distinctValidCount(items: readonly PreviewItem[]): number {
  return items.filter((item) => item.identified && !item.duplicate).length;
}

export function previewPastedNumbers(input: string, identify: Identify): PreviewItem[] {
  const items: PreviewItem[] = [];
  const seen = new Set<string>();
  const add = (piece: string, identified: Identified | null) => {
    if (!identified) {
      items.push(
        hasCheckDigitMismatch(piece, identify)
          ? { input: piece, checkDigitMismatch: true }
          : { input: piece },
      );
      return;
    }
    // The engine's number is the canonical spelling (no spaces, upper case): the same parcel counts once.
    const duplicate = seen.has(identified.number);
    seen.add(identified.number);
    items.push(duplicate ? { input: piece, identified, duplicate } : { input: piece, identified });
  };
  for (const line of splitPastedNumbers(input)) {
    const whole = identify(line);
    if (whole) {
      add(line, whole);
      continue;
    }
    for (const piece of line.split(/\s+/)) add(piece, identify(piece));
  }
  return items;
}
