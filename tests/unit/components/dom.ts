import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';

/**
 * A DOM for rendering Preact components in Node (linkedom: small, already a project dependency). Components are
 * rendered into a fresh document; events are dispatched as the browser would, and `waitFor` polls until the live
 * query and effects have settled.
 */
export interface TestDom {
  document: Document;
  container: HTMLElement;
  $(selector: string): HTMLElement | null;
  $$(selector: string): HTMLElement[];
  click(target: string | Element): void;
  type(target: string | Element, value: string): void;
  key(target: string | Element, key: string, init?: { ctrlKey?: boolean }): void;
  text(selector: string): string;
  cleanup(): void;
}

export function renderInDom(ui: ComponentChild): TestDom {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const g = globalThis as Record<string, unknown>;
  g.document = document;
  g.window = window;
  g.Event = window.Event;
  g.HTMLElement = window.HTMLElement;
  // linkedom has no focus management; enough of it for components that move focus.
  (window.HTMLElement.prototype as unknown as { focus: () => void }).focus = function (this: HTMLElement) {
    Object.defineProperty(document, 'activeElement', { value: this, configurable: true });
  };
  bindListenersToTheirElement(window.Node.prototype);
  const container = document.getElementById('app') as unknown as HTMLElement;
  render(ui, container);
  const resolve = (target: string | Element) => {
    const el = typeof target === 'string' ? container.querySelector(target) : target;
    if (!el) throw new Error(`no element ${String(target)}`);
    return el as HTMLElement;
  };
  return {
    document: document as unknown as Document,
    container,
    $: (selector) => container.querySelector(selector),
    $$: (selector) => Array.from(container.querySelectorAll(selector)) as HTMLElement[],
    click: (target) => resolve(target).dispatchEvent(new window.Event('click', { bubbles: true })),
    type: (target, value) => {
      const el = resolve(target) as HTMLInputElement;
      if (el.tagName === 'SELECT') {
        for (const option of Array.from(el.querySelectorAll('option'))) {
          if (option.getAttribute('value') === value) option.setAttribute('selected', '');
          else option.removeAttribute('selected');
        }
      } else el.value = value;
      el.dispatchEvent(new window.Event('input', { bubbles: true }));
      el.dispatchEvent(new window.Event('change', { bubbles: true }));
    },
    key: (target, key, init) => {
      const event = new window.Event('keydown', { bubbles: true, cancelable: true });
      Object.assign(event, { key, ctrlKey: init?.ctrlKey ?? false, metaKey: false });
      resolve(target).dispatchEvent(event);
    },
    text: (selector) => container.querySelector(selector)?.textContent ?? '',
    cleanup: () => render(null, container),
  };
}

const bound = Symbol('bound listeners');
/**
 * linkedom calls a bubbling event's listeners with `this` set to the target rather than the element they were
 * added to; Preact's event proxy relies on `this`, so bind each listener to its element (as browsers do).
 */
function bindListenersToTheirElement(nodePrototype: object): void {
  const proto = nodePrototype as {
    addEventListener: (this: object, type: string, listener: unknown, options?: unknown) => void;
    removeEventListener: (this: object, type: string, listener: unknown, options?: unknown) => void;
    [bound]?: boolean;
  };
  if (proto[bound]) return;
  proto[bound] = true;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const wrappers = new WeakMap<object, Map<unknown, unknown>>();
  proto.addEventListener = function (type, listener, options) {
    if (typeof listener !== 'function') return add.call(this, type, listener, options);
    let map = wrappers.get(this);
    if (!map) {
      map = new Map();
      wrappers.set(this, map);
    }
    const wrapper =
      map.get(listener) ?? ((event: Event) => (listener as (e: Event) => unknown).call(this, event));
    map.set(listener, wrapper);
    add.call(this, type, wrapper, options);
  };
  proto.removeEventListener = function (type, listener, options) {
    remove.call(this, type, wrappers.get(this)?.get(listener) ?? listener, options);
  };
}

/** The value, or a test failure naming what was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}

/** Resolves after Preact has re-rendered and effects have run. */
export function flush(): Promise<void> {
  return new Promise((r) => setTimeout(r, 20));
}

/** Polls until `check` passes (Dexie live queries and Preact effects settle asynchronously). */
export async function waitFor(check: () => void, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
