import { type PageKind, pageKindOf } from '../../hosts';
import { type Found, type ScanContext, scanCollection } from '../page-scan';
import { collectVisibleText } from '../visible-text';
import { amazonPageType, extractAmazonOrders, ORDER_CARD } from './amazon-orders';
import { amazonTrackDetection, parseAmazonTrackPage } from './amazon-tracker';
import { extractCarrierPage } from './carrier-page';
import { gmail } from './gmail';
import { extractMailMessage } from './mail-message';
import { outlook } from './outlook';
import type { MailMessage, WebmailClient } from './webmail';
import { yahoo } from './yahoo';

/**
 * Which extractor reads which page, split into units of work: a webmail message, an order card, a slice of a large
 * page. The content script scans units in small time slices and, after the first scan, only the units a mutation
 * touched.
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

function textLength(node: Node): number {
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

function genericUnits(root: Element): ScanUnit[] {
  return sliceSubtree(root).map((nodes) => ({
    key: nodes[0] ?? root,
    run(context) {
      const collected = collectVisibleText(nodes, { trackNodes: true });
      return { found: scanCollection(collected, context), shipping: true, chars: collected.text.length };
    },
  }));
}

function mailUnit(client: WebmailClient, message: MailMessage): ScanUnit {
  return {
    key: message.container,
    run(context) {
      // Re-read the message when it runs: a client may have re-rendered its header since it was queued.
      const fresh = client.findMessages(message.container, context.timeZone ?? 'UTC')[0] ?? message;
      return extractMailMessage(fresh, context);
    },
  };
}

function webmailSite(client: WebmailClient): Site {
  const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    id: client.id,
    kind: 'webmail',
    units: (root) => client.findMessages(root, timeZone()).map((m) => mailUnit(client, m)),
    unitsFor(node) {
      const container = node.closest(client.containerSelector);
      const messages = client.findMessages(container ?? node, timeZone());
      // A change outside any message (the inbox list, a label) holds no e-mail body.
      return (container ? messages.slice(0, 1) : messages).map((m) => mailUnit(client, m));
    },
  };
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
function wholePageSite(
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

function amazonTrackSite(): Site {
  const read = (root: Element, context: ScanContext): Found[] => {
    const page = parseAmazonTrackPage(root, {
      url: context.url,
      now: context.now,
      timeZone: context.timeZone,
    });
    const detection = page && amazonTrackDetection(page, { ...context });
    const anchor = root.querySelector('.pt-delivery-card-trackingId, h1, .pt-promise-main-slot') ?? undefined;
    return detection ? [{ detection, ...(anchor && { anchor }) }] : [];
  };
  return wholePageSite('amazon-track', 'amazon', read);
}

function amazonOrdersSite(): Site {
  const unit = (card: Element): ScanUnit => ({
    key: card,
    run: (context) => ({
      found: extractAmazonOrders(card, context),
      shipping: true,
      chars: textLength(card),
    }),
  });
  return {
    id: 'amazon-orders',
    kind: 'amazon',
    units: (root) =>
      [...root.querySelectorAll(ORDER_CARD)].filter((c) => !c.parentElement?.closest(ORDER_CARD)).map(unit),
    unitsFor(node) {
      const card = node.closest(ORDER_CARD);
      if (card) return [unit(card)];
      return [...node.querySelectorAll(ORDER_CARD)]
        .filter((c) => !c.parentElement?.closest(ORDER_CARD))
        .map(unit);
    },
  };
}

const carrierSite = () => wholePageSite('carrier', 'carrier', extractCarrierPage);

const NOTHING: Site = { id: 'none', kind: 'amazon', units: () => [], unitsFor: () => [] };

export function siteFor(url: string): Site {
  const kind = pageKindOf(url);
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  if (kind === 'webmail') {
    const client = [gmail, outlook, yahoo].find((c) => c.hosts.includes(host));
    if (client) return webmailSite(client);
  }
  if (kind === 'amazon') {
    if (host === 'track.amazon.com') return carrierSite();
    const type = amazonPageType(url);
    if (type === 'track') return amazonTrackSite();
    if (type === 'orders') return amazonOrdersSite();
    // Product and search pages hold no packages: nothing to read.
    return NOTHING;
  }
  if (kind === 'carrier') return carrierSite();
  return { id: 'page', kind: 'page', units: genericUnits, unitsFor: genericUnits };
}
