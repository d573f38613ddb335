import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/extension-browser.mjs';
import { FIREFOX_EXTENSION_DIR } from './harness/firefox';

/**
 * A content script runs on every page the user reads: its size is a budget, checked on the real build. There is one
 * per site family (webmail, Amazon, and carrier/any page), each carrying the engine and only its own readers; each
 * stays within the budget on its own.
 */
// 31 KB since issue 16 split vocabularies per language and the content core into modules (+650 B and +180 B gzip;
// amazon.js reached 30.4-30.8 KB). Issue 16's last part won back about 350 B each (carrier and format names became
// comments) while moving the content scripts onto the typed message client: amazon 30.0 KB, webmail 29.7 KB,
// content 26.8 KB. A change that needs more should say where it wins the bytes back, not raise this.
const CONTENT_SCRIPT_BUDGET = 31 * 1024;
const CONTENT_SCRIPTS = ['content.js', 'webmail.js', 'amazon.js'];
/** The two halves of capture on visit on carrier pages: the page-world hook and its isolated relay. */
const CAPTURE_SCRIPTS = ['carrier-json.js', 'carrier-relay.js'];
/**
 * How a bundle carrying the schema library shows: valibot's Standard Schema key. Content scripts validate by hand
 * what they read (the background validates what they send); a schema pulled in through a shared module once cost the
 * relay 2.3 KB gzip.
 */
const SCHEMA_LIBRARY_MARK = '~standard';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILDS = { chrome: EXTENSION_DIR, firefox: FIREFOX_EXTENSION_DIR };

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe.each(Object.entries(BUILDS))('the %s build the tests run (the production build)', (browser, dir) => {
  it.each(CONTENT_SCRIPTS)(
    `keeps the content script %s within ${CONTENT_SCRIPT_BUDGET} bytes gzip`,
    (file) => {
      expect(gzipSize(join(dir, 'content-scripts', file))).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    },
  );

  it.each(CAPTURE_SCRIPTS)(
    `keeps the capture script %s within ${CONTENT_SCRIPT_BUDGET} bytes gzip`,
    (file) => {
      expect(gzipSize(join(dir, 'content-scripts', file))).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    },
  );

  it('carries the schema library in the background only, in no content script', () => {
    // The guard: the mark is what the background's bundle of the library contains.
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain(SCHEMA_LIBRARY_MARK);
    for (const file of [...CONTENT_SCRIPTS, ...CAPTURE_SCRIPTS]) {
      const code = readFileSync(join(dir, 'content-scripts', file), 'utf8');
      expect(code.includes(SCHEMA_LIBRARY_MARK), file).toBe(false);
    }
  });

  it('runs each site family’s content script on its own hosts only, and no reader twice on a page', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[]; matches: string[]; world?: string }[];
    };
    const readers = manifest.content_scripts.filter(
      (s) => s.world !== 'MAIN' && s.js.some((f) => CONTENT_SCRIPTS.some((c) => f.endsWith(c))),
    );
    expect(readers.map((s) => s.js.join()).sort()).toEqual(
      CONTENT_SCRIPTS.map((f) => `content-scripts/${f}`).sort(),
    );
    const matches = readers.flatMap((s) => s.matches);
    expect(new Set(matches).size).toBe(matches.length);
  });

  it('is the production flavour: no source paths of this machine, no devtools hook', () => {
    for (const file of filesIn(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      expect(code.includes(ROOT), file).toBe(false);
      expect(code.includes('__PREACT_DEVTOOLS__'), file).toBe(false);
    }
  });

  it('ships no remote code: no script or stylesheet loaded from the network', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toMatch(/https?:/);
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//i);
    }
  });

  it('records its sizes (artifacts/bundle-sizes-*.json)', () => {
    const sizes = Object.fromEntries(
      filesIn(dir)
        .filter((f) => /\.(js|css|html)$/.test(f))
        .map((f) => [f.slice(dir.length + 1), { bytes: statSync(f).size, gzip: gzipSize(f) }]),
    );
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      join(ROOT, 'artifacts', `bundle-sizes-${browser}.json`),
      `${JSON.stringify(sizes, null, 2)}\n`,
    );
    expect(Object.keys(sizes)).toContain('background.js');
  });
});

describe('the Firefox zip', () => {
  it('passes addons-linter with 0 errors', () => {
    const zip = readdirSync(dirname(FIREFOX_EXTENSION_DIR)).find((f) => /-firefox\.zip$/.test(f));
    expect(zip).toBeDefined();
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'addons-linter', 'bin', 'addons-linter'),
        '--output',
        'json',
        zip as string,
      ],
      { cwd: dirname(FIREFOX_EXTENSION_DIR), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(out) as {
      summary: { errors: number };
      errors: { code: string; file?: string }[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
