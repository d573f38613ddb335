import type { PageKind } from '../../hosts';
import { type Found, type ScanContext, scanCollection } from '../page-scan';
import { collectVisibleText } from '../visible-text';
import { extractCarrierPage } from './carrier-page';

/**
 * Which extractor reads which page, split into units of work: a webmail message, an order card, a slice of a large
 * page. The content script scans units in small time slices and, after the first scan, only the units a mutation
 * touched. This module holds what every site family shares (units, slicing, the generic and carrier readers); each
 * family (webmail-sites.ts, amazon-sites.ts, page-sites.ts) maps its own URLs to sites, so that each content script
 * carries only the readers of the sites it runs on.
 */

export interface UnitScan {
  found: Found[];
  /** Whether "automatic" applies (a shipping e-mail, a shop or carrier page); otherwise only "Track" chips. */
  shipping: boolean;
  /** Characters read, for the statistics. */
  chars: number;
}

export interface ScanUnit {
  /** What this unit stands for (an element, or the first node of a run); two units with the same key are the same work. */
  key: Node;
  run(context: ScanContext): UnitScan;
}

export interface Site {
  id: string;
  kind: PageKind;
  /** Units of a first scan of `root`. */
  units(root: Element): ScanUnit[];
  /** Units to re-read after `node` was added or changed; empty when the change cannot hold a package. */
  unitsFor(node: Element): ScanUnit[];
}

/** Text per slice of a generic page: small enough that one slice stays well under a 50 ms task. */
export const SLICE_CHARS = 12_000;

export function textLength(node: Node): number {
  return node.textContent?.length ?? 0;
}

/** Splits a subtree into runs of siblings of at most about `max` characters, each read as one unit. */
export function sliceSubtree(root: Element, max = SLICE_CHARS): Node[][] {
  if (textLength(root) <= max) return [[root]];
  const slices: Node[][] = [];
  let run: Node[] = [];
  let runLength = 0;
  const flush = () => {
    if (run.length > 0) slices.push(run);
    run = [];
    runLength = 0;
  };
  for (let child = root.firstChild; child; child = child.nextSibling) {
    const length = textLength(child);
    if (length > max && child.nodeType === 1 && child.firstChild) {
      flush();
      slices.push(...sliceSubtree(child as Element, max));
      continue;
    }
    if (runLength + length > max) flush();
    run.push(child);
    runLength += length;
  }
  flush();
  return slices;
}

export function genericUnits(root: Element): ScanUnit[] {
  return sliceSubtree(root).map((nodes) => ({
    key: nodes[0] ?? root,
    run(context) {
      const collected = collectVisibleText(nodes, { trackNodes: true });
      return { found: scanCollection(collected, context), shipping: true, chars: collected.text.length };
    },
  }));
}

function wholePageUnit(root: Element, read: (root: Element, context: ScanContext) => Found[]): ScanUnit {
  return {
    key: root,
    run(context) {
      return { found: read(root, context), shipping: true, chars: textLength(root) };
    },
  };
}

/** A page that is small and rendered in one piece: any change re-reads it whole, once per batch. */
export function wholePageSite(
  id: string,
  kind: PageKind,
  read: (root: Element, context: ScanContext) => Found[],
): Site {
  return {
    id,
    kind,
    units: (root) => [wholePageUnit(root, read)],
    unitsFor: (node) => [wholePageUnit(node.ownerDocument.body ?? node, read)],
  };
}

export const carrierSite = (): Site => wholePageSite('carrier', 'carrier', extractCarrierPage);

export const genericSite = (): Site => ({
  id: 'page',
  kind: 'page',
  units: genericUnits,
  unitsFor: genericUnits,
});

/** A page of a known site that holds no packages (an Amazon product or search page): nothing to read. */
export const NOTHING: Site = { id: 'none', kind: 'amazon', units: () => [], unitsFor: () => [] };

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
