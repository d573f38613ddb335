import { parseHTML } from 'linkedom';

/**
 * linkedom keeps form state only in attributes: an <input> has no `checked` property and a <select> cannot be given
 * a `value`. A component reading `e.currentTarget.checked` would get undefined, and Preact's `checked`/`value` props
 * would not reach the control. These patches give both the browser's behaviour (a live property, the attribute being
 * only the default), which the options page's checkboxes and selects rely on. Idempotent.
 */
const checkedState = new WeakMap<object, boolean>();

export function installFormControls(): void {
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  Object.defineProperty(window.HTMLInputElement.prototype, 'checked', {
    configurable: true,
    get(this: Element) {
      return checkedState.get(this) ?? this.hasAttribute('checked');
    },
    set(this: Element, value: unknown) {
      checkedState.set(this, Boolean(value));
    },
  });
  Object.defineProperty(window.HTMLSelectElement.prototype, 'value', {
    configurable: true,
    get(this: Element) {
      const options = Array.from(this.querySelectorAll('option'));
      const selected = options.find((o) => o.hasAttribute('selected')) ?? options[0];
      return selected?.getAttribute('value') ?? '';
    },
    set(this: Element, value: unknown) {
      for (const option of Array.from(this.querySelectorAll('option'))) {
        if (option.getAttribute('value') === String(value)) option.setAttribute('selected', '');
        else option.removeAttribute('selected');
      }
    },
  });
}

/** Whether a user could operate the control: not disabled itself nor inside a disabled fieldset. */
export function isEnabled(control: Element): boolean {
  return !control.hasAttribute('disabled') && !control.closest('fieldset[disabled]');
}

/**
 * A click on a checkbox as a browser performs it: the box flips first, then click, input and change fire. A disabled
 * box does nothing. Returns whether the click had an effect.
 */
export function clickCheckbox(box: HTMLInputElement): boolean {
  if (!isEnabled(box)) return false;
  box.checked = !box.checked;
  for (const type of ['click', 'input', 'change']) box.dispatchEvent(new Event(type, { bubbles: true }));
  return true;
}

/** Waits past Preact's effects, which run up to 35 ms after a render where there is no requestAnimationFrame. */
export function settle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 60));
}

/**
 * Types into a text or number field as a person does: the input event, a render, then the change event the browser
 * fires when the field loses focus (a handler reading component state sees what was typed).
 */
export async function enterText(field: Element | null, value: string): Promise<void> {
  if (!field) throw new Error('no field to type into');
  (field as HTMLInputElement).value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 20));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Picks a file in an <input type="file"> (linkedom has no FileList; an array is enough for `files?.[0]`). */
export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Submits a form the way pressing Enter or its submit button does. */
export function submit(form: Element | null): void {
  if (!form) throw new Error('no form to submit');
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}
