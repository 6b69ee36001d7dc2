/**
 * CSV cells per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180#section-2),
 * made safe to open in a spreadsheet.
 */
import { inert } from '../../core/inert-text.js';

/**
 * A cell that starts with `=`, `+`, `-` or `@` is run as a formula by Excel,
 * LibreOffice and Google Sheets (and a leading tab or CR can smuggle one past
 * a trim), so a rubric title or group value like `=HYPERLINK(…)` could run on
 * the consultant's machine. OWASP's advice is a leading `'`, which spreadsheets
 * hide and treat as "this is text":
 * https://owasp.org/www-community/attacks/CSV_Injection
 * Only text cells get it; numbers (a negative score on a -2..2 scale) stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quote when the cell holds a separator, a quote or a line break; double inner quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * User or rubric text. Control characters are shown inert (core/inert-text.ts): the file may be
 * printed to a terminal, where an ESC in a note would act; line breaks and tabs stay, quoted.
 */
export function textCell(text: string): string {
  const safe = inert(text, true);
  return quote(FORMULA_START.test(safe) ? `'${safe}` : safe);
}

/** A number unrounded (`String(n)` round-trips every double); null (no value) is an empty cell. */
export function numberCell(value: number | null): string {
  return value === null ? '' : String(value);
}

/** Cells are already quoted by `textCell` / `numberCell`. */
export function csvLine(cells: readonly string[]): string {
  return cells.join(',');
}
