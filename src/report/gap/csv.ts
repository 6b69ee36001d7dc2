/**
 * `--format csv`: one row per item in rubric order, for a spreadsheet or a
 * data pipeline. Numbers are unrounded (`String(n)`), a missing value is an
 * empty cell, flags are joined with `;` (a `,` would need quoting in every row).
 *
 * Lines end with `\n`, not RFC 4180's CRLF: every spreadsheet and CSV library
 * reads both, and `\n` keeps the output diffable and friendly to `cut`/`awk`
 * in the CI jobs that consume it. No byte-order mark, for the same reason.
 */
import { csvLine, numberCell, textCell } from './csv-cell.js';
import { groupScore, groupValues } from './group-values.js';
import type { GapFormatter } from './types.js';

const COLUMNS = ['section', 'item', 'title', 'score', 'target', 'gap', 'priority', 'index', 'n', 'median', 'min', 'max', 'sd', 'rwg', 'na', 'flags'];

export const csv: GapFormatter = (report) => {
  const groups = groupValues(report);
  // A group value is user text (a `role` cell), so it is defused like any other.
  const header = [...COLUMNS.map(textCell), ...groups.map((value) => textCell(`group:${value}`))];
  const rows = report.items.map((item) =>
    csvLine([
      textCell(item.section),
      textCell(item.id),
      textCell(item.title),
      numberCell(item.score),
      numberCell(item.target),
      numberCell(item.gap),
      numberCell(item.priority),
      numberCell(item.index),
      numberCell(item.n),
      numberCell(item.median),
      numberCell(item.min),
      numberCell(item.max),
      numberCell(item.sd),
      numberCell(item.rwg),
      numberCell(item.na),
      textCell(item.flags.join(';')),
      ...groups.map((value) => numberCell(groupScore(item, value))),
    ]),
  );
  return [csvLine(header), ...rows].map((line) => `${line}\n`).join('');
};
