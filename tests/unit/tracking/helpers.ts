import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The shared corpus sits beside the repository (as in CI). */
export const SHARED = resolve(REPO_ROOT, '../shared');
export const HAS_SHARED = existsSync(resolve(SHARED, 'corpus/docs.jsonl'));

export interface Vector {
  courier_code: string;
  format_id: string;
  format_name: string;
  number: string;
  valid: boolean;
}

/** tracking_number_data's test numbers, copied into the fixtures. */
export function loadVectors(): Vector[] {
  return JSON.parse(
    readFileSync(resolve(REPO_ROOT, 'tests/fixtures/tracking/vectors.json'), 'utf8'),
  ) as Vector[];
}
