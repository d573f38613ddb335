import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 16: the repository (utils/store/) is the only door to the packages table. Everything else calls named
 * repository functions, so every write goes through the shared identity rules and the index keys, and every read
 * can be kept proportional to what it looks for.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['utils', 'components', 'entrypoints'];
const DOOR = 'utils/store/';

/** A database handle reaching into its table or opening its own transaction. */
const TABLE_ACCESS = /\b(?:db|getDatabase\(\))\s*\.\s*(?:packages|table|transaction|tables)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('the repository as the only door to the table', () => {
  it('recognises table access in its different spellings (the rule itself can fail)', () => {
    for (const line of [
      'await db.packages.get(id)',
      'deps.db.packages.toArray()',
      "db.transaction('rw', db.packages, …)",
      "getDatabase().table('packages')",
    ])
      expect(TABLE_ACCESS.test(line), line).toBe(true);
    for (const line of ['packages.filter((p) => p.number)', 'await getPackage(deps.db, id)'])
      expect(TABLE_ACCESS.test(line), line).toBe(false);
  });

  it('no module outside utils/store/ touches the packages table', () => {
    const offenders: string[] = [];
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const path = relative(ROOT, file).split('\\').join('/');
      if (path.startsWith(DOOR)) continue;
      for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        if (TABLE_ACCESS.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
