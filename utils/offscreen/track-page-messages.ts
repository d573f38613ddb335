import * as v from 'valibot';
import type { AmazonTrackPage } from '../extract/sites/amazon-tracker';
import { EtaSchema, TrackingEventSchema } from '../messages';
import { MAX_BODY_CHARS } from '../providers/http';
import { PACKAGE_STATUSES } from '../store/types';

/**
 * Messages between the Chrome service worker and its offscreen document (the worker has no DOMParser; the document
 * parses fetched Amazon track pages for it). Both directions are validated: the worker only asks for what the
 * document does, and treats the answer like any page-derived data. Every request carries `target: OFFSCREEN_TARGET`:
 * the worker's content-script handler ignores such messages, and the offscreen document ignores all others (content
 * scripts' messages reach every extension page, the offscreen document included).
 */

export const OFFSCREEN_TARGET = 'doorstep-offscreen';
export const OFFSCREEN_PATH = '/offscreen.html';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const identifier = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{4,40}$/));

export const ParseTrackPageRequestSchema = v.object({
  target: v.literal(OFFSCREEN_TARGET),
  type: v.literal('parse-amazon-track-page'),
  // The provider never passes on more than this (utils/providers/http.ts).
  html: text(MAX_BODY_CHARS),
  url: v.pipe(
    v.string(),
    v.maxLength(2048),
    v.check((s) => s.startsWith('https://'), 'must be an https URL'),
    v.url(),
  ),
  now: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000)),
  timeZone: v.optional(text(64)),
});
export type ParseTrackPageRequest = v.InferOutput<typeof ParseTrackPageRequestSchema>;

/** `AmazonTrackPage` (utils/extract/sites/amazon-tracker.ts) with the same bounds as a content script's detection. */
const AmazonTrackPageSchema = v.object({
  orderId: v.optional(identifier),
  shipmentId: v.optional(identifier),
  trackingId: v.optional(text(40)),
  carrier: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_]{2,32}$/))),
  carrierName: v.optional(text(120)),
  status: v.optional(v.picklist(PACKAGE_STATUSES)),
  statusText: v.optional(text(300)),
  eta: v.optional(EtaSchema),
  events: v.pipe(v.array(TrackingEventSchema), v.maxLength(200)),
});

export const ParseTrackPageReplySchema = v.variant('ok', [
  // No page: the HTML is not a track page (the parser's own "undefined").
  v.object({ ok: v.literal(true), page: v.optional(AmazonTrackPageSchema) }),
  v.object({ ok: v.literal(false), error: text(300) }),
]);
export type ParseTrackPageReply = { ok: true; page?: AmazonTrackPage } | { ok: false; error: string };

/** True for a message meant for the offscreen document (the background's main handler leaves it alone). */
export function isOffscreenMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    'target' in message &&
    message.target === OFFSCREEN_TARGET
  );
}
