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
}

export function previewPastedNumbers(input: string, identify: Identify): PreviewItem[] {
  const items: PreviewItem[] = [];
  for (const line of splitPastedNumbers(input)) {
    const whole = identify(line);
    if (whole) {
      items.push({ input: line, identified: whole });
      continue;
    }
    for (const piece of line.split(/\s+/)) {
      const identified = identify(piece);
      items.push(identified ? { input: piece, identified } : { input: piece });
    }
  }
  return items;
}
