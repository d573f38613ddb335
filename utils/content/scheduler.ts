/**
 * Runs queued work in short slices so the page stays responsive: each slice runs tasks until its budget is spent,
 * then yields to the page (input, rendering) before the next. A long page therefore costs many short tasks instead of
 * one long task. Clock and yielding are injected so the policy is testable without a browser.
 */

export interface SliceStats {
  slices: number;
  /** Total time spent in slices (ms). */
  busyMs: number;
  /** Longest single slice (ms): what the page's longest task due to us can be. */
  longestSliceMs: number;
  /** The first slice (ms): it pays for the readers' first use (regular expressions compiled, tables built). */
  firstSliceMs: number;
}

export interface SlicedQueueOptions {
  /** Time per slice; a task started within budget runs to its end (tasks are kept small). */
  budgetMs?: number;
  now?: () => number;
  /** Schedules the next slice; default: a macrotask via setTimeout(0). */
  yieldToPage?: (next: () => void) => void;
  signal?: AbortSignal;
  /** Called when the queue ran dry. */
  onIdle?: () => void;
}

export interface SlicedQueue {
  push(task: () => void): void;
  readonly stats: SliceStats;
}

export function createSlicedQueue(options: SlicedQueueOptions = {}): SlicedQueue {
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? ((next) => setTimeout(next, 0));
  const tasks: (() => void)[] = [];
  const stats: SliceStats = { slices: 0, busyMs: 0, longestSliceMs: 0, firstSliceMs: 0 };
  let scheduled = false;

  const runSlice = () => {
    scheduled = false;
    if (options.signal?.aborted) {
      tasks.length = 0;
      return;
    }
    const start = now();
    while (tasks.length > 0 && now() - start < budget) {
      const task = tasks.shift();
      try {
        task?.();
      } catch (error) {
        // One bad unit (a page's odd DOM) must not stop the others.
        console.warn('Doorstep: a scan step failed', error);
      }
    }
    const spent = now() - start;
    if (stats.slices === 0) stats.firstSliceMs = spent;
    stats.slices++;
    stats.busyMs += spent;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
    if (tasks.length > 0) schedule();
    else options.onIdle?.();
  };
  const schedule = () => {
    if (scheduled || options.signal?.aborted) return;
    scheduled = true;
    yieldToPage(runSlice);
  };
  return {
    push(task) {
      tasks.push(task);
      schedule();
    },
    stats,
  };
}
