/**
 * Collects the text a reader sees, in document order, with the element each piece came from, in one pass.
 * Skips scripts, styles, templates, form fields and editable areas (a draft the user is typing is not a shipment).
 */

const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION SVG CANVAS IFRAME OBJECT'.split(' '),
);

/** Block-level elements: their text is separated from neighbours so numbers never glue across cells or lines. */
const BLOCK_TAGS = new Set(
  'P DIV LI TD TH TR BR H1 H2 H3 H4 H5 H6 SECTION ARTICLE HEADER FOOTER TABLE UL OL DL DT DD BLOCKQUOTE PRE HR MAIN ASIDE NAV FORM'.split(
    ' ',
  ),
);

export interface CollectedLink {
  href: string;
  text: string;
  /** The anchor element, to place a chip next to it. */
  element: Element;
}

export interface TextCollection {
  text: string;
  links: CollectedLink[];
  /** Start offset in `text` of every text node, in order (only with `trackNodes`), to map a match back to the DOM. */
  segments?: { start: number; node: Node }[];
}

export interface CollectOptions {
  /** Stop after this many characters (a runaway page must not stall the tab). */
  maxChars?: number;
  maxLinks?: number;
  /** Record where each text node starts, for `elementAt`. */
  trackNodes?: boolean;
}

/** Collects from one node, or from a run of sibling nodes (a slice of a large page) as if they were one. */
export function collectVisibleText(
  root: Node | readonly Node[],
  options: CollectOptions = {},
): TextCollection {
  const maxChars = options.maxChars ?? 4_000_000;
  const maxLinks = options.maxLinks ?? 5_000;
  const parts: string[] = [];
  const links: TextCollection['links'] = [];
  const segments: NonNullable<TextCollection['segments']> | undefined = options.trackNodes ? [] : undefined;
  let length = 0;

  // Iterative walk: a hostile page may nest elements deeper than the call stack allows.
  const BLOCK_END = null;
  const stack: (Node | typeof BLOCK_END)[] = Array.isArray(root) ? [...root].reverse() : [root as Node];
  while (stack.length > 0 && length < maxChars) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === BLOCK_END) {
      parts.push('\n');
      length += 1;
      continue;
    }
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      segments?.push({ start: length, node });
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || isHiddenOrEditable(element)) continue;
      if (tag === 'A' && links.length < maxLinks) collectLink(element, links);
      if (BLOCK_TAGS.has(tag)) {
        parts.push('\n');
        length += 1;
        stack.push(BLOCK_END);
      }
    }
    const children: Node[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return { text: parts.join(''), links, ...(segments && { segments }) };
}

/** An element's text on one line, cut to `max` characters; undefined when it has none. */
export function textOf(element: Element | null | undefined, max = 300): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : undefined;
}

/** The element holding the character at `offset` of a collection made with `trackNodes`. */
export function elementAt(collection: TextCollection, offset: number): Element | undefined {
  const segments = collection.segments;
  if (!segments || segments.length === 0) return undefined;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segments[mid]?.start ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return segments[low]?.node.parentElement ?? undefined;
}

function isHiddenOrEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return true;
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
}

function collectLink(element: Element, links: TextCollection['links']): void {
  const href = element.getAttribute('href');
  if (!href) return;
  const text = (element.textContent ?? '').slice(0, 200);
  links.push({ href, text, element });
  // Gmail keeps the original link in href and its redirect in data-saferedirecturl; either may be the carrier link.
  const redirect = element.getAttribute('data-saferedirecturl');
  if (redirect) links.push({ href: redirect, text, element });
}
