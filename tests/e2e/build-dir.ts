/**
 * Where the real-browser tests build the extension: their own folder, never the `.output` the README tells users
 * to load. vitest.config.ts passes it to the test files as DOORSTEP_OUT_DIR, which wxt.config.ts and the harness read.
 */
export const TEST_OUT_DIR = '.output-test';
