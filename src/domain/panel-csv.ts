/** A CSV cell: text, a number, or nothing. */
export type CsvCell = string | number | undefined | null;

/**
 * Text that a spreadsheet would run as a formula when the file is opened (OWASP "CSV injection"): cells starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return. Numbers are written as numbers and never guarded.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted and quotes
 * doubled) from a header and rows. Text that a spreadsheet would take for a formula is prefixed with `'`.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
