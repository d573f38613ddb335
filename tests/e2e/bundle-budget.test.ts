import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/extension-browser.mjs';

/** The content script runs on every page the user reads: its size is a budget, checked on the real build. */
const CONTENT_SCRIPT_BUDGET = 30 * 1024;

describe('built extension', () => {
  it(`keeps the content script within ${CONTENT_SCRIPT_BUDGET} bytes gzip`, () => {
    const code = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it('ships no remote code: no script or stylesheet loaded from the network', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toMatch(/https?:/);
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
      expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//i);
    }
  });
});
