import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The project's import graph as the bundler sees it, read with the TypeScript compiler: `import type` and
 * `export type` are left out (erased), every other import is a runtime edge (with `verbatimModuleSyntax`, even an
 * `import { type X }` keeps the module). WXT's auto-imports (names from top-level `utils/*.ts` used without an
 * import, declared in `.wxt/types/imports.d.ts`) count as edges too, resolved by the type checker.
 */

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ImportGraph {
  /** Project files (relative, `/`-separated) and packages (bare names) each project file pulls at runtime. */
  runtimeImports(file: string): string[];
  /**
   * Every project file and package reachable at runtime from `file`, with the chain that reaches it; edges that
   * `skip(from, to)` accepts are not followed.
   */
  runtimeClosure(file: string, skip?: (from: string, to: string) => boolean): Map<string, string[]>;
  files: string[];
}

const toRelative = (absolute: string) => relative(PROJECT_ROOT, absolute).split('\\').join('/');

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function loadImportGraph(): ImportGraph {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(PROJECT_ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('no tsconfig.json');
  const options = config.options;
  const program = ts.createProgram({ rootNames: config.fileNames, options });
  const checker = program.getTypeChecker();
  const autoImportsFile = join(PROJECT_ROOT, '.wxt/types/imports.d.ts');
  const autoImportNames = new Set<string>();
  const autoImports = program.getSourceFile(autoImportsFile);
  if (autoImports)
    for (const match of autoImports.text.matchAll(/const (\w+): typeof import\('([^']+)'\)/g))
      if (match[1] && match[2]?.startsWith(PROJECT_ROOT)) autoImportNames.add(match[1]);

  const cache = new Map<string, string[]>();

  function resolveSpecifier(specifier: string, from: string): string | undefined {
    const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
    const local = /^(\.|\/|@\/|~\/)/.test(specifier);
    if (!resolved) return local ? undefined : packageName(specifier);
    if (resolved.isExternalLibraryImport || resolved.resolvedFileName.includes('/node_modules/'))
      return packageName(specifier);
    return toRelative(resolved.resolvedFileName);
  }

  function runtimeImports(file: string): string[] {
    const cached = cache.get(file);
    if (cached) return cached;
    const absolute = join(PROJECT_ROOT, file);
    const source = program.getSourceFile(absolute);
    if (!source) throw new Error(`not in the TypeScript program: ${file}`);
    const edges = new Set<string>();
    const add = (specifier: string) => {
      const target = resolveSpecifier(specifier, absolute);
      if (target) edges.add(target);
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        if (!node.importClause?.isTypeOnly) add(node.moduleSpecifier.text);
        return;
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        if (!node.isTypeOnly) add(node.moduleSpecifier.text);
        return;
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      )
        add(node.arguments[0].text);
      if (ts.isIdentifier(node) && autoImportNames.has(node.text)) {
        const declaration = checker.getSymbolAtLocation(node)?.declarations?.[0];
        if (declaration?.getSourceFile().fileName === autoImportsFile) {
          const match = new RegExp(`const ${node.text}: typeof import\\('([^']+)'\\)`).exec(
            autoImports?.text ?? '',
          );
          if (match?.[1]) {
            const target =
              program.getSourceFile(`${match[1]}.ts`) ?? program.getSourceFile(`${match[1]}.tsx`);
            if (target) edges.add(toRelative(target.fileName));
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    const list = [...edges].sort();
    cache.set(file, list);
    return list;
  }

  function runtimeClosure(
    file: string,
    skip: (from: string, to: string) => boolean = () => false,
  ): Map<string, string[]> {
    const chains = new Map<string, string[]>([[file, [file]]]);
    const queue = [file];
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      const chain = chains.get(current) ?? [current];
      for (const target of runtimeImports(current)) {
        if (chains.has(target) || skip(current, target)) continue;
        chains.set(target, [...chain, target]);
        // Packages are leaves: their own imports are not ours to police.
        if (/\.tsx?$/.test(target)) queue.push(target);
      }
    }
    return chains;
  }

  const files = program
    .getSourceFiles()
    .map((source) => source.fileName)
    .filter(
      (name) => name.startsWith(PROJECT_ROOT) && !name.includes('/node_modules/') && !name.includes('/.wxt/'),
    )
    .map(toRelative);
  return { runtimeImports, runtimeClosure, files };
}
