/**
 * Runs in the carrier page's own world (MAIN), before its scripts: wraps `fetch` and `XMLHttpRequest` so that the
 * answers to the page's own tracking requests (and only those: `endpoints`) are copied to the isolated content
 * script with `window.postMessage`. It reads nothing else, changes no request or answer, and never throws into the
 * page: every step is guarded, and the page gets the original promise and events. It imports nothing, so the
 * script stays a few hundred bytes.
 */

export interface HookOptions {
  endpoints: readonly { hosts: readonly string[]; path: string }[];
  tag: string;
  maxChars: number;
}

export function installCarrierJsonHook(win: Window & typeof globalThis, options: HookOptions): void {
  const patterns = options.endpoints.map((e) => ({ hosts: e.hosts, path: new RegExp(e.path) }));
  const matching = (raw: string): string | undefined => {
    try {
      const url = new URL(raw, win.location.href);
      if (url.protocol !== 'https:') return undefined;
      return patterns.some((p) => p.hosts.includes(url.hostname) && p.path.test(url.pathname))
        ? url.href
        : undefined;
    } catch {
      return undefined;
    }
  };
  const post = (url: string, requestBody: string | undefined, body: string) => {
    if (body.length > options.maxChars) return;
    const message: Record<string, string> = { tag: options.tag, url, body };
    if (requestBody !== undefined && requestBody.length <= 10_000) message.requestBody = requestBody;
    win.postMessage(message, win.location.origin);
  };

  const originalFetch = win.fetch;
  if (typeof originalFetch === 'function') {
    win.fetch = function doorstepObservedFetch(this: unknown, ...args: Parameters<typeof fetch>) {
      const promise = originalFetch.apply(this, args);
      try {
        const [input, init] = args;
        const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const url = matching(raw);
        if (url) {
          // A string or a promise of one: Promise.all below takes either.
          const requestBody: string | Promise<string | undefined> | undefined =
            typeof init?.body === 'string'
              ? init.body
              : input instanceof Request && init?.body === undefined
                ? input
                    .clone()
                    .text()
                    .catch(() => undefined)
                : undefined;
          promise
            .then(async (response) => {
              if (!response.ok) return;
              const [sent, text] = await Promise.all([requestBody, response.clone().text()]);
              post(url, sent, text);
            })
            .catch(() => undefined);
        }
      } catch {
        // Observing must never break the page's own request.
      }
      return promise;
    } as typeof fetch;
  }

  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const seen = new WeakMap<XMLHttpRequest, { url?: string; body?: string }>();
  const originalOpen = proto.open;
  const originalSend = proto.send;
  proto.open = function doorstepObservedOpen(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = matching(String(args[1]));
      if (url) seen.set(this, { url });
      else seen.delete(this);
    } catch {
      // as above
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
  proto.send = function doorstepObservedSend(
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    const entry = seen.get(this);
    if (entry?.url) {
      if (typeof body === 'string') entry.body = body;
      this.addEventListener('load', () => {
        try {
          if (this.status < 200 || this.status >= 300) return;
          const text =
            this.responseType === '' || this.responseType === 'text'
              ? this.responseText
              : this.responseType === 'json'
                ? JSON.stringify(this.response)
                : undefined;
          if (typeof text === 'string' && entry.url) post(entry.url, entry.body, text);
        } catch {
          // as above
        }
      });
    }
    return originalSend.call(this, body);
  };
}
