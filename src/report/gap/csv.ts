/**
 * `--format csv`: one row per item in rubric order, for a spreadsheet or a
 * data pipeline, with the columns the catalogue gives the CSV (report/shared/columns.ts),
 * headed by their JSON field names. Numbers are unrounded (`String(n)`), a missing value is an
 * empty cell, flags are joined with `;` (a `,` would need quoting in every row).
 *
 * Lines end with `\n`, not RFC 4180's CRLF: every spreadsheet and CSV library
 * reads both, and `\n` keeps the output diffable and friendly to `cut`/`awk`
 * in the CI jobs that consume it. No byte-order mark, for the same reason.
 */
import { columnsFor, ITEM_COLUMNS } from '../shared/columns.js';
import { csvLine, numberCell, textCell } from './csv-cell.js';
import { groupScore, groupValues } from './group-values.js';
import type { GapPieces } from './types.js';

const COLUMNS = columnsFor(ITEM_COLUMNS, 'csv');

export const csvPieces: GapPieces = function* (report) {
  const groups = groupValues(report);
  // A group value is user text (a `role` cell), so it is defused like any other.
  yield `${csvLine([...COLUMNS.map((c) => textCell(c.field)), ...groups.map((value) => textCell(`group:${value}`))])}\n`;
  for (const item of report.items) {
    const cells = COLUMNS.map((c) => {
      const value = c.value(item);
      return typeof value === 'number' || value === null ? numberCell(value) : textCell(value);
    });
    yield `${csvLine([...cells, ...groups.map((value) => numberCell(groupScore(item, value)))])}\n`;
  }
};
