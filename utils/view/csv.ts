/**
 * A small CSV encoder (RFC 4180): fields with a comma, quote or line break are quoted and quotes doubled; lines end
 * with CRLF. Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab / carriage return that
 * some programs strip first) get a leading apostrophe, because exported text came from e-mails and web pages.
 * Written here rather than taken from a library: it is twenty lines, and the injection rule is the part that matters.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function encodeCsv(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
