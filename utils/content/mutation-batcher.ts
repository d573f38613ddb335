/**
 * Collects what a page adds or changes and hands over, once per batch, only the topmost changed elements: content that
 * streams in as many small mutations is read once, and never the whole page again.
 */

export interface MutationBatcherOptions {
  /** Elements to ignore (our own chips) and whatever is inside them. */
  ignore: (element: Element) => boolean;
  /** Receives the topmost changed elements of a batch. */
  onBatch: (roots: Element[]) => void;
  /** Waits this long after the last mutation before handing over (ms). */
  quietMs?: number;
  /** …but never longer than this after the first one (ms), so a constantly changing page still gets read. */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

/** The elements that are not inside another element of the set (each subtree is read once). */
export function topmost(elements: Iterable<Element>): Element[] {
  const set = new Set(elements);
  const result: Element[] = [];
  for (const element of set) {
    let covered = false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) {
        covered = true;
        break;
      }
    }
    if (!covered && element.isConnected) result.push(element);
  }
  return result;
}

export function observeMutations(target: Node, options: MutationBatcherOptions): MutationObserver {
  const quiet = options.quietMs ?? 150;
  const maxWait = options.maxWaitMs ?? 1000;
  const changed = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;

  const flush = () => {
    timer = undefined;
    firstAt = 0;
    if (options.signal?.aborted) return;
    const roots = topmost(changed);
    changed.clear();
    if (roots.length > 0) options.onBatch(roots);
  };
  const note = (node: Node) => {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element || options.ignore(element)) return;
    changed.add(element);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') note(record.target);
      else for (const node of record.addedNodes) note(node);
    }
    if (changed.size === 0) return;
    const now = Date.now();
    if (!firstAt) firstAt = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, now - firstAt >= maxWait ? 0 : quiet);
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  options.signal?.addEventListener('abort', () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
    changed.clear();
  });
  return observer;
}
