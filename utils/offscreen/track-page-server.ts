import * as v from 'valibot';
import type { TrackPageParser } from '../providers/amazon-session';
import {
  isOffscreenMessage,
  type ParseTrackPageReply,
  ParseTrackPageRequestSchema,
} from './track-page-messages';

/**
 * The offscreen document's side: answers the worker's "parse this track page" requests. Returns undefined for any
 * other message so that the background's own listener answers content scripts and pages (whichever listener
 * replies first wins). Never throws: a bad request or a parser crash is a reply the worker reports.
 */
export function answerTrackPageRequest(
  message: unknown,
  parseTrackPage: TrackPageParser,
): Promise<ParseTrackPageReply> | undefined {
  if (!isOffscreenMessage(message)) return undefined;
  return answer(message, parseTrackPage);
}

async function answer(message: unknown, parseTrackPage: TrackPageParser): Promise<ParseTrackPageReply> {
  const request = v.safeParse(ParseTrackPageRequestSchema, message);
  if (!request.success) {
    const issue = request.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || 'message';
    return { ok: false, error: `invalid request (${where}: ${issue.message})`.slice(0, 300) };
  }
  const { html, url, now, timeZone } = request.output;
  try {
    const page = await parseTrackPage(html, { url, now, ...(timeZone && { timeZone }) });
    return page ? { ok: true, page } : { ok: true };
  } catch (error) {
    return { ok: false, error: `parser failed: ${String(error)}`.slice(0, 300) };
  }
}
