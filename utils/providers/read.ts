/**
 * Defensive readers for untrusted JSON: each returns undefined (or an empty list) instead of throwing when the
 * shape is not what the documentation promised, so one odd field costs that field, not the whole answer.
 */

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/** An array's elements (bounded), or an empty list for anything else. */
export function asArray(value: unknown, max = 1000): unknown[] {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The value at a path of object keys and array indexes, or undefined as soon as one step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      const record = asRecord(current);
      if (!record || !Object.hasOwn(record, step)) return undefined;
      current = record[step];
    }
  }
  return current;
}
