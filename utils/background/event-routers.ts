/**
 * One listener per browser event source, many features behind it: the entrypoint registers `alarms.onAlarm` and
 * `storage.onChanged` once each, and features register what they handle here, by alarm name or by storage area
 * and key, instead of each adding its own listener that filters everything the others receive.
 */

type Log = (message: string) => void;

/** Routes `alarms.onAlarm` by alarm name: one handler per name (two features cannot own one alarm). */
export interface AlarmRouter {
  on(name: string, handler: () => Promise<unknown>): void;
  /** Runs the alarm's handler; an alarm nobody registered (an old version's) is ignored. Never rejects. */
  dispatch(alarm: { name: string }): Promise<void>;
  names(): string[];
}

export function createAlarmRouter(log: Log): AlarmRouter {
  const handlers = new Map<string, () => Promise<unknown>>();
  return {
    on(name, handler) {
      if (handlers.has(name)) throw new Error(`Doorstep: alarm ${name} has a handler already`);
      handlers.set(name, handler);
    },
    async dispatch(alarm) {
      const handler = handlers.get(alarm.name);
      if (!handler) return;
      try {
        await handler();
      } catch (error) {
        log(`Doorstep: alarm ${alarm.name} failed: ${String(error)}`);
      }
    },
    names: () => [...handlers.keys()],
  };
}

export type StorageArea = 'local' | 'sync' | 'session' | 'managed';
/** Which changed keys a route is about. */
export type KeyMatcher = (key: string) => boolean;
export const keyIs =
  (name: string): KeyMatcher =>
  (key) =>
    key === name;
export const keyStartsWith =
  (prefix: string): KeyMatcher =>
  (key) =>
    key.startsWith(prefix);

/** Routes `storage.onChanged` by area and key; a route runs once per event when any changed key matches it. */
export interface StorageRouter {
  on(area: StorageArea, matches: KeyMatcher, handler: () => Promise<unknown>): void;
  /** Runs the matching routes in the order they were registered. Never rejects. */
  dispatch(changes: Record<string, unknown>, areaName: string): Promise<void>;
}

export function createStorageRouter(log: Log): StorageRouter {
  const routes: { area: StorageArea; matches: KeyMatcher; handler: () => Promise<unknown> }[] = [];
  return {
    on(area, matches, handler) {
      routes.push({ area, matches, handler });
    },
    async dispatch(changes, areaName) {
      const keys = Object.keys(changes);
      for (const route of routes) {
        if (route.area !== areaName || !keys.some(route.matches)) continue;
        try {
          await route.handler();
        } catch (error) {
          log(`Doorstep: storage change (${areaName}) failed: ${String(error)}`);
        }
      }
    },
  };
}
