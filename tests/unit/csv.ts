import Papa from 'papaparse';

/**
 * Reads exported CSV with an independent, well-tested parser (Papa Parse), so the tests check that our encoder
 * writes CSV other programs read back cell for cell, not that it agrees with a reader of our own.
 */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
  if (result.errors.length > 0) throw new Error(`invalid CSV: ${result.errors[0]?.message}`);
  return result.data;
}
