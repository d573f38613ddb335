import type { PackageChange } from '../store/types';

/** Reacts to changes of stored packages (badge, notifications, sync); may ignore the ones it has no use for. */
export type ChangeSubscriber = (changes: PackageChange[]) => Promise<unknown> | unknown;

/**
 * The one path every change of stored packages takes in the worker: whoever writes packages (the message handler,
 * the refresh runner, the context menu, auto-archive, sync) publishes, and badge, notifications and sync subscribe.
 * Writers know nothing of the subscribers, so nothing has to exist before its own dependencies.
 */
export interface ChangeBus {
  /** Subscribers run in the order they subscribed; `name` says which one failed in the log. */
  subscribe(name: string, subscriber: ChangeSubscriber): void;
  /**
   * Runs every subscriber, one after the other, and resolves when all are done: a popup's reply waits until the
   * badge is right. A failing subscriber (a blocked notification, a full sync quota) is logged and does not stop
   * the others or fail the change that caused it. Empty lists are delivered too: the badge is recomputed after every
   * write, as the day or a setting may have moved it.
   */
  publish(changes: PackageChange[]): Promise<void>;
}

export function createChangeBus(log: (message: string) => void): ChangeBus {
  const subscribers: { name: string; run: ChangeSubscriber }[] = [];
  return {
    subscribe(name, run) {
      subscribers.push({ name, run });
    },
    async publish(changes) {
      for (const { name, run } of subscribers) {
        try {
          await run(changes);
        } catch (error) {
          log(`Doorstep: ${name} failed: ${String(error)}`);
        }
      }
    },
  };
}
