import type { BrowserContext } from 'playwright-core';

export interface DemoRoute {
  name: string;
  url: string;
  file: string;
}
export function loadRoutes(): DemoRoute[];
export function startDemoServer(): Promise<{ origin: string; close(): Promise<void> }>;
export function routeDemoPages(context: BrowserContext, origin: string, routes?: DemoRoute[]): Promise<void>;
/** The local day `offset` days from `now` in one of the page shapes (`iso` by default: 2026-11-27). */
export function demoDay(offset: number, shape?: string, now?: Date): string;
/** Replaces `{{day:OFFSET:SHAPE}}` tokens with local days relative to `now` (today by default). */
export function datePage(html: string, now?: Date): string;
