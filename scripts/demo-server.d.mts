import type { BrowserContext } from 'playwright-core';

export interface DemoRoute {
  name: string;
  url: string;
  file: string;
}
export function loadRoutes(): DemoRoute[];
export function startDemoServer(): Promise<{ origin: string; close(): Promise<void> }>;
export function routeDemoPages(context: BrowserContext, origin: string, routes?: DemoRoute[]): Promise<void>;
/** Replaces `{{day:OFFSET:SHAPE}}` tokens with local days relative to `now` (today by default). */
export function datePage(html: string, now?: Date): string;
