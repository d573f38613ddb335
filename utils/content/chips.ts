import './test-hooks';
/**
 * The "Track" / "Tracked ✓" chip next to a detected package. It lives in a closed shadow root under a custom-named
 * host, so the page's CSS cannot restyle it and its CSS cannot leak into the page; the host is inline-block with
 * `all: initial` so it never changes the surrounding layout. It is a real <button>: keyboard reachable, with a label.
 * Clicks from page scripts are ignored (only trusted user clicks act), so a page cannot add packages through it.
 */

export type ChipState = 'ask' | 'sending' | 'tracked' | 'error';

export const CHIP_TAG = 'doorstep-chip';

const HOST_STYLE =
  'all:initial!important;display:inline-block!important;vertical-align:baseline!important;margin:0 0 0 6px!important;line-height:1!important;position:static!important';

// Written compactly: it ships in every page's content script.
const SHADOW_CSS =
  'button{all:initial;box-sizing:border-box;cursor:pointer;display:inline-block;' +
  'font:600 11px/1.4 system-ui,sans-serif;' +
  'padding:1px 7px;border-radius:9px;border:1px solid #0b57d0;color:#0b57d0;background:#fff;white-space:nowrap}' +
  'button:hover{background:#eef3fd}' +
  'button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}' +
  'button[data-state=tracked]{border-color:#137333;color:#137333;background:#e6f4ea;cursor:default}' +
  'button[data-state=sending]{opacity:.7;cursor:progress}' +
  'button[data-state=error]{border-color:#b3261e;color:#b3261e}';

// Short on purpose (they ship in every page's script): the accessible name, "Doorstep: " and the title.
const LABELS: Record<ChipState, [text: string, title: string]> = {
  ask: ['Track', 'Add to Doorstep'],
  sending: ['Adding…', 'Adding'],
  tracked: ['Tracked ✓', 'Tracked'],
  error: ['Retry', 'Not added, try again'],
};

export interface Chip {
  host: HTMLElement;
  setState(state: ChipState): void;
  remove(): void;
}

/** Inline elements a chip can follow directly; inside anything else (a cell, a paragraph) it goes last. */
const INLINE = /^(?:A|SPAN|STRONG|B|EM|I|U|CODE|FONT|SMALL|LABEL|MARK|BDI|TIME)$/i;

export function createChip(doc: Document, state: ChipState, onActivate: () => void): Chip {
  const host = doc.createElement(CHIP_TAG);
  host.setAttribute('style', HOST_STYLE);
  // delegatesFocus: focusing the host (or tabbing to it) lands on the button.
  const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  shadow.append(style, button);

  let current: ChipState = state;
  const render = () => {
    const [text, title] = LABELS[current];
    button.textContent = text;
    button.setAttribute('aria-label', `Doorstep: ${title}`);
    button.dataset.state = current;
    button.disabled = current === 'sending';
    // The state inside the closed shadow root styles the button; on the host, pages could read it (tests only).
    if (typeof __DOORSTEP_TEST_HOOKS__ !== 'undefined' && __DOORSTEP_TEST_HOOKS__)
      host.dataset.state = current;
  };
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted || (current !== 'ask' && current !== 'error')) return;
    onActivate();
  });
  render();
  return {
    host,
    setState(next) {
      current = next;
      render();
    },
    remove() {
      host.remove();
    },
  };
}

/** Puts a chip next to the element a package was read from, without entering links or breaking table structure. */
export function placeChip(anchor: Element, chip: Chip): void {
  const target = anchor.closest('a') ?? anchor;
  if (INLINE.test(target.tagName)) target.after(chip.host);
  else if (/^(?:TABLE|TBODY|THEAD|TR|UL|OL|DL|SELECT|IMG|INPUT|BR|HR)$/i.test(target.tagName)) return;
  else target.append(chip.host);
}

export function isChip(element: Element): boolean {
  return element.closest(CHIP_TAG) !== null;
}
