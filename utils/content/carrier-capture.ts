import {
  type CapturedJson,
  detectionsFromCapture,
  type IdentifyCarrier,
  parseCapturedMessage,
} from '../carrier-web/capture';
import { CAPTURE_MESSAGE_TAG } from '../carrier-web/endpoints';
import type { SendRuntimeMessage } from '../messaging/client';
import { contentClient } from './background-link';
import { detectionModeFromStored, readContentSettings } from './detection-mode';

/**
 * The isolated half of capture on visit: listens for what the page-world hook (carrier-json-hook.ts) posts, keeps
 * only well-formed messages from this very window and origin, reads them with the carrier's reader, and sends the
 * detections to the background like any page's (where they are validated again). Only in "automatic" mode for
 * carrier pages (or the site's own override): "ask" and "off" leave the page to the chips of the DOM reader.
 */

export interface CaptureEnvironment {
  window: Window;
  now: () => number;
  identify: IdentifyCarrier;
  /** The browser's `runtime.sendMessage`: messages go through the typed client (background-link.ts). */
  sendMessage: SendRuntimeMessage;
  signal: AbortSignal;
  log?: (message: string) => void;
}

export function startCarrierCapture(env: CaptureEnvironment): void {
  const { window: win } = env;
  const send = contentClient(env.sendMessage);
  let chain: Promise<unknown> = Promise.resolve();
  const handle = async (captured: CapturedJson) => {
    const stored = await readContentSettings(send, win.location.hostname);
    if (detectionModeFromStored(stored, win.location.hostname, 'carrier') !== 'auto') return;
    const detections = detectionsFromCapture(captured, win.location.href, env.now(), env.identify);
    if (detections.length === 0 || env.signal.aborted) return;
    const reply = await send({ type: 'detections', detections });
    // Nothing to retry: the page asks again on its next visit, when the DOM reader has also read it.
    if (!reply.ok) env.log?.(`Doorstep: carrier capture not stored: ${reply.code}`);
  };
  const listener = (event: MessageEvent) => {
    // Another frame, an extension or a different origin cannot speak for this page.
    if (event.source !== win || event.origin !== win.location.origin) return;
    const captured = parseCapturedMessage(event.data, CAPTURE_MESSAGE_TAG);
    if (!captured) return;
    // One at a time, in order: a later answer about the same number is the newer news.
    chain = chain
      .then(() => handle(captured))
      .catch((error) => env.log?.(`Doorstep: carrier capture failed: ${String(error)}`));
  };
  win.addEventListener('message', listener);
  env.signal.addEventListener('abort', () => win.removeEventListener('message', listener), { once: true });
}
