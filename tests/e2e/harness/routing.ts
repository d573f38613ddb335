import { readFileSync } from 'node:fs';
import { datePage, loadRoutes } from '../../../scripts/demo-server.mjs';
import type { RoutedRequest, RoutedResponse, RouteHandler } from './proxy';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);

/** The demo pages of tests/fixtures/routes.json, answered under the real URLs of the sites they imitate. */
export function demoPages(): RouteHandler {
  const routes = loadRoutes() as { url: string; file: string }[];
  return async (request) => {
    const url = new URL(request.url);
    const page = routes.find((r) => {
      const u = new URL(r.url);
      return u.host === url.host && u.pathname === url.pathname && u.search === url.search;
    });
    if (!page) return undefined;
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      // Pages dated relative to today (tokens) read the same whenever the test runs.
      body: datePage(readFileSync(new URL(page.file, PAGES), 'utf8')),
    };
  };
}

/** Asks the handlers newest first; the demo pages last. */
export function routeChain(): { add(handler: RouteHandler): void; handle: RouteHandler } {
  const handlers: RouteHandler[] = [demoPages()];
  return {
    add: (handler) => {
      handlers.unshift(handler);
    },
    handle: async (request: RoutedRequest): Promise<RoutedResponse | undefined> => {
      for (const handler of handlers) {
        const response = await handler(request);
        if (response) return response;
      }
      return undefined;
    },
  };
}

/** Polls `read` until `predicate` holds or the time is up; returns the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (predicate(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
