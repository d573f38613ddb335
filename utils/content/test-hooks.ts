/**
 * Whether this build marks pages for the browser tests (`data-doorstep-*` on <html>, a chip's `data-state`). Any page
 * could read such marks to learn that Doorstep is installed and which of its numbers are tracked, so the build the
 * user installs has none: `wxt.config.ts` defines the flag from `DOORSTEP_TEST_HOOKS=1`, which only the tests' own
 * build (tests/e2e/global-setup.ts) sets. Unit tests set the global themselves.
 */
declare const __DOORSTEP_TEST_HOOKS__: boolean | undefined;

export function testHooksEnabled(): boolean {
  return typeof __DOORSTEP_TEST_HOOKS__ !== 'undefined' && __DOORSTEP_TEST_HOOKS__ === true;
}
