/**
 * `__DOORSTEP_TEST_HOOKS__`: whether this build marks pages for the browser tests (`data-doorstep-*` on <html>, a
 * chip's `data-state`). Any page could read such marks to learn that Doorstep is installed and which of its numbers
 * are tracked, so the build the user installs has none: `wxt.config.ts` defines the flag from
 * `DOORSTEP_TEST_HOOKS=1`, which only the tests' own build (tests/e2e/global-setup.ts), `npm start` and the content
 * benchmark set. It is tested inline, `typeof __DOORSTEP_TEST_HOOKS__ !== 'undefined' && __DOORSTEP_TEST_HOOKS__`,
 * so the bundler folds it to a constant (every byte counts in the content script); unit tests set the global.
 */
declare global {
  const __DOORSTEP_TEST_HOOKS__: boolean | undefined;
}

export {};
