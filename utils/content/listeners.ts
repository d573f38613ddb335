import { isChip } from './chips';
import { observeMutations } from './mutation-batcher';

/**
 * Everything the content script listens to, each tied to the one AbortSignal: the page's mutations (our own chips
 * ignored), settings changes, single-page-app route changes, and the abort itself (the extension was reloaded or
 * updated, or the script injected again), after which nothing runs. Positional callbacks: property names would ship
 * in every page's script.
 */
export function listen(
  env: {
    document: Document;
    signal: AbortSignal;
    onSettingsChanged: (listener: () => void) => () => void;
    onLocationChanged?: (listener: () => void) => void;
  },
  onAbort: () => void,
  /** The topmost elements a batch of mutations added or changed. */
  onMutations: (roots: Element[]) => void,
  onSettingsChanged: () => void,
  onRouteChanged: () => void,
): void {
  const { signal } = env;
  signal.addEventListener('abort', onAbort);
  const body = env.document.body;
  if (body) observeMutations(body, { signal, ignore: isChip, onBatch: onMutations });
  signal.addEventListener('abort', env.onSettingsChanged(onSettingsChanged));
  env.onLocationChanged?.(onRouteChanged);
}
