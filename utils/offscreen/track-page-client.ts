import * as v from 'valibot';
import type { AmazonTrackPage } from '../extract/sites/amazon-tracker';
import type { TrackPageParser } from '../providers/amazon-session';
import {
  OFFSCREEN_PATH,
  OFFSCREEN_TARGET,
  ParseTrackPageReplySchema,
  type ParseTrackPageRequest,
} from './track-page-messages';

/** The parts of Chrome's extension API the offscreen client uses (the `browser` object in the service worker). */
export interface OffscreenApi {
  offscreen: {
    createDocument(parameters: {
      url: string;
      reasons: 'DOM_PARSER'[];
      justification: string;
    }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    /** Chrome 116+; older versions rely on createDocument's "only a single offscreen document" error. */
    getContexts?(filter: {
      contextTypes: 'OFFSCREEN_DOCUMENT'[];
      documentUrls: string[];
    }): Promise<unknown[]>;
    sendMessage(message: ParseTrackPageRequest): Promise<unknown>;
  };
}

export interface OffscreenClientOptions {
  /** How long the document stays open after its last parse: a refresh run parses several pages in a row. */
  idleCloseMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const JUSTIFICATION =
  'Parse Amazon track-package pages fetched with the user’s session to refresh their delivery status.';
/** Under the 30 s after which Chrome stops an idle worker (and its timers): the worker closes what it opened. */
const IDLE_CLOSE_MS = 15_000;

/**
 * The Amazon track-page parser for Chrome's service worker, which has no DOMParser: the page is parsed in an
 * offscreen document (entrypoints/offscreen) that is created on the first parse, reused while parses keep coming
 * and closed when idle. Chrome allows one offscreen document per extension; creating and closing are serialised
 * here, and a document left open by an earlier worker (stopped before its idle timer fired) is found and reused.
 */
export function createOffscreenTrackPageParser(
  api: OffscreenApi,
  options: OffscreenClientOptions = {},
): TrackPageParser {
  const idleCloseMs = options.idleCloseMs ?? IDLE_CLOSE_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const documentUrl = api.runtime.getURL(OFFSCREEN_PATH);
  /** Create and close steps run one after another, never interleaved. */
  let lifecycle: Promise<unknown> = Promise.resolve();
  let parsing = 0;
  let idleTimer: unknown;

  function serialise<T>(step: () => Promise<T>): Promise<T> {
    const result = lifecycle.then(step);
    lifecycle = result.catch(() => undefined);
    return result;
  }

  async function documentExists(): Promise<boolean> {
    if (!api.runtime.getContexts) return false;
    const contexts = await api.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [documentUrl],
    });
    return contexts.length > 0;
  }

  const openDocument = () =>
    serialise(async () => {
      if (await documentExists()) return;
      try {
        await api.offscreen.createDocument({
          url: OFFSCREEN_PATH,
          reasons: ['DOM_PARSER'],
          justification: JUSTIFICATION,
        });
      } catch (error) {
        // Already open (a browser without getContexts, or another worker instance won the race): use it.
        if (!/single offscreen document/i.test(String(error))) throw error;
      }
    });

  const closeWhenIdle = () => {
    idleTimer = setTimer(() => {
      idleTimer = undefined;
      void serialise(async () => {
        if (parsing > 0) return;
        if (api.runtime.getContexts && !(await documentExists())) return;
        // Without getContexts the document may already be gone: closing nothing is not a failure.
        await api.offscreen.closeDocument().catch(() => undefined);
      });
    }, idleCloseMs);
  };

  return async (html, context): Promise<AmazonTrackPage | undefined> => {
    parsing += 1;
    if (idleTimer !== undefined) clearTimer(idleTimer);
    idleTimer = undefined;
    try {
      await openDocument();
      const raw = await api.runtime.sendMessage({
        target: OFFSCREEN_TARGET,
        type: 'parse-amazon-track-page',
        html,
        url: context.url,
        now: context.now,
        ...(context.timeZone && { timeZone: context.timeZone }),
      });
      const reply = v.safeParse(ParseTrackPageReplySchema, raw);
      if (!reply.success) throw new Error('the offscreen document gave an unexpected answer');
      if (!reply.output.ok) throw new Error(reply.output.error);
      return reply.output.page;
    } finally {
      parsing -= 1;
      if (parsing === 0) closeWhenIdle();
    }
  };
}
