import { describe, expect, it } from 'vitest';
import { loadImportGraph } from './import-graph';

/**
 * The layering the README's architecture section states, checked on every `npm test`:
 * - content scripts run in every matching page and must stay small and unable to touch the store: nothing under
 *   `utils/content/` or a content entrypoint pulls `utils/store/**` or valibot at runtime (type imports are fine);
 * - the view (popup/options words and layout) sits on top: the background, the providers and the refresh runner
 *   never import `utils/view/**`.
 */

const graph = loadImportGraph();

const CONTENT_ENTRIES = graph.files.filter(
  (file) =>
    /^entrypoints\/[^/]+\.content\.ts$/.test(file) ||
    file === 'entrypoints/content.ts' ||
    file.startsWith('utils/content/'),
);
const FORBIDDEN_IN_CONTENT = (target: string) => target.startsWith('utils/store/') || target === 'valibot';

/** Files below the view: they must not import it. */
const BELOW_THE_VIEW = graph.files.filter(
  (file) =>
    file === 'entrypoints/background.ts' ||
    file.startsWith('utils/background/') ||
    file.startsWith('utils/providers/') ||
    file.startsWith('utils/refresh/'),
);

/**
 * Known exceptions, as the imports through which they happen (`from` and `to` prefixes), each with its owner in
 * issue 16's other parts, for the owner to remove. Every other path to a forbidden module fails the test.
 */
const KNOWN_CONTENT_EXCEPTIONS: { from: string; to: string; why: string }[] = [
  {
    // Part A (utils/carrier-web): the carrier-JSON readers build detections with the providers' modules (batch.ts,
    // normalize.ts); the normaliser validates them with valibot (DetectionSchema of utils/messages.ts, whose lists
    // come from utils/store/types.ts). The relay only forwards what they read, so since 16g valibot is not in the
    // carrier-relay bundle: the exception is for the import edge, which the bundle's tree-shaking then drops.
    from: 'utils/carrier-web/',
    to: 'utils/providers/',
    why: 'carrier-web readers use the providers modules (batch, normalize)',
  },
  {
    // The same readers, in their carrier folders since issue 16 part E (utils/carriers/<carrier>/web.ts).
    from: 'utils/carriers/',
    to: 'utils/providers/',
    why: 'carrier web files use the providers modules (batch, normalize)',
  },
  {
    // Part A: the readers' pacing rule asks utils/store/status.ts whether a status is final.
    from: 'utils/carriers/',
    to: 'utils/carrier-web/pacing.ts',
    why: 'carrier web files use the pacing rule',
  },
];
const isKnownContentException = (from: string, to: string) =>
  KNOWN_CONTENT_EXCEPTIONS.some((known) => from.startsWith(known.from) && to.startsWith(known.to));

/**
 * Known exception (lead / the view's part): `utils/badge.ts`, the badge's words used by the background, groups
 * with the popup's `utils/view/sections.ts` and words problems with `utils/view/package-text.ts`.
 */
const KNOWN_VIEW_EXCEPTIONS = new Set<string>([
  'utils/badge.ts -> utils/view/package-text.ts',
  'utils/badge.ts -> utils/view/sections.ts',
]);

describe('import boundaries', () => {
  it('finds the files it checks (a guard against checking nothing)', () => {
    expect(CONTENT_ENTRIES).toContain('entrypoints/webmail.content.ts');
    expect(CONTENT_ENTRIES.some((file) => file.startsWith('utils/content/'))).toBe(true);
    expect(BELOW_THE_VIEW).toContain('utils/background/root.ts');
    // The graph sees runtime imports, aliases included, and leaves type-only ones out.
    expect(graph.runtimeImports('utils/background/root.ts')).toContain('utils/background/change-bus.ts');
    expect(graph.runtimeImports('utils/background/root.ts')).not.toContain(
      'utils/providers/amazon-session.ts',
    );
    expect(graph.runtimeImports('entrypoints/background.ts')).toContain('utils/background/root.ts');
    expect(graph.runtimeImports('utils/messages.ts')).toContain('valibot');
  });

  it('content scripts never pull the store or valibot at runtime', () => {
    const broken = CONTENT_ENTRIES.flatMap((entry) =>
      [...graph.runtimeClosure(entry, isKnownContentException)]
        .filter(([target]) => FORBIDDEN_IN_CONTENT(target))
        .map(([, chain]) => chain.join(' -> ')),
    );
    expect(broken).toEqual([]);
  });

  it('the background, providers and refresh never import the view', () => {
    const broken = BELOW_THE_VIEW.flatMap((file) =>
      graph
        .runtimeImports(file)
        .filter((target) => target.startsWith('utils/view/'))
        .map((target) => `${file} -> ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('the background worker reaches the view only through the known exceptions', () => {
    const reached = [
      ...graph.runtimeClosure('entrypoints/background.ts', (from, to) =>
        KNOWN_VIEW_EXCEPTIONS.has(`${from} -> ${to}`),
      ),
    ]
      .filter(([target]) => target.startsWith('utils/view/'))
      .map(([, chain]) => chain.join(' -> '));
    expect(reached).toEqual([]);
  });

  it('each known exception still exists (remove it from the list once fixed)', () => {
    for (const known of KNOWN_CONTENT_EXCEPTIONS) {
      const importers = graph.files.filter(
        (file) =>
          file.startsWith(known.from) && graph.runtimeImports(file).some((to) => to.startsWith(known.to)),
      );
      expect(importers.length, known.why).toBeGreaterThan(0);
    }
    for (const edge of KNOWN_VIEW_EXCEPTIONS) {
      const [from = '', to = ''] = edge.split(' -> ');
      expect(graph.runtimeImports(from), edge).toContain(to);
    }
  });
});

describe('dependencies', () => {
  it('every runtime dependency in package.json is imported by the extension (none left behind unused)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PROJECT_ROOT } = await import('./import-graph');
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const packageOf = (name: string) =>
      name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name);
    const used = new Set(graph.files.flatMap((file) => graph.runtimeImports(file)).map(packageOf));
    // The polyfill is wired in by WXT's module (wxt.config.ts `modules`), not imported by our files.
    used.add('webextension-polyfill');
    expect(Object.keys(manifest.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });
});
