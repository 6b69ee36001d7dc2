/**
 * What `svcaudit map` needs to know of an export, read in one streaming pass: its layout and
 * columns, and per column the distinct answers (up to a bound: a column with more is free text).
 */
import type { Finding } from '../../core/finding.js';
import { buildColumns, type ExportColumn } from './columns.js';
import { openExportRows, ReadStop, type ExportRow, type ExportSource } from './export-rows.js';
import { finding } from '../../core/finding.js';
import { DETECT_ROWS, detectLayout, HEADER_ROWS, type LayoutName } from './layouts.js';

/** More distinct answers than any rating scale has, fewer than a free-text column soon shows. */
const MAX_DISTINCT = 24;

export interface ColumnProfile {
  readonly column: ExportColumn;
  /** Distinct non-empty values (trimmed, as first written) with their counts; undefined past MAX_DISTINCT. */
  readonly values: ReadonlyMap<string, number> | undefined;
  /** Non-empty cells. */
  readonly filled: number;
  /** The longest value seen, in characters. */
  readonly longest: number;
}

export interface ExportProfile {
  readonly file: string;
  readonly layout: LayoutName | undefined;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}

export async function profileExport(source: ExportSource, file: string, itemIds: Iterable<string>, sheet?: string): Promise<{ profile: ExportProfile; findings: Finding[] }> {
  const findings: Finding[] = [];
  const ids = [...itemIds];
  let layout: LayoutName | undefined;
  let columns: ExportColumn[] = [];
  const stats: Array<{ values: Map<string, number> | undefined; filled: number; longest: number }> = [];
  let rows = 0;
  const take = (row: ExportRow) => {
    if (row.cells.every((c) => c.trim() === '')) return;
    rows++;
    columns.forEach((column, i) => {
      const value = (row.cells[column.index] ?? '').trim();
      if (value === '') return;
      const s = stats[i]!;
      s.filled++;
      s.longest = Math.max(s.longest, value.length);
      if (!s.values) return;
      s.values.set(value, (s.values.get(value) ?? 0) + 1);
      if (s.values.size > MAX_DISTINCT) s.values = undefined;
    });
  };
  try {
    const opened = await openExportRows(source, file, { sheet }, (f) => findings.push(f));
    // Not a for-await with break: that would close the generator, and the rows after the head with it.
    const head: ExportRow[] = [];
    while (head.length < DETECT_ROWS) {
      const next = await opened.rows.next();
      if (next.done) break;
      head.push(next.value);
    }
    if (head.length === 0) findings.push(finding('file-empty', 'The export is empty: it needs a header row.', file, { line: 1, column: 1 }));
    else {
      layout = detectLayout(head.map((r) => r.cells), ids);
      const headerCount = Math.min(HEADER_ROWS[layout ?? 'svcaudit'], head.length);
      columns = buildColumns(layout ?? 'svcaudit', head.slice(0, headerCount).map((r) => r.cells));
      stats.push(...columns.map(() => ({ values: new Map<string, number>(), filled: 0, longest: 0 })));
      head.slice(headerCount).forEach(take);
      for await (const row of opened.rows) take(row);
    }
  } catch (error) {
    if (!(error instanceof ReadStop)) throw error;
    findings.push(finding(error.rule, error.message, file, error.span));
  }
  return { profile: { file, layout, rows, columns: columns.map((column, i) => ({ column, ...stats[i]! })) }, findings };
}
