/**
 * cli-table3 tables for the text report, sized to the terminal: every column
 * but one is as wide as its widest cell, and the one flexible column (an item
 * title) takes what is left, wrapped by us so long words are cut, not
 * truncated with `…`.
 */
import Table from 'cli-table3';
import { displayWidth } from './text-width.js';
import { wrap } from './wrap.js';
import { maxOf } from '../../core/max-of.js';

export interface Column {
  readonly head: string;
  readonly align: 'left' | 'right';
  /** Unstyled cell text, one per row: what the width is measured on. */
  readonly plain: readonly string[];
  /** Styled cells (defaults to `plain`); a colour changes no width. */
  readonly cells?: readonly string[] | undefined;
  /** The column that wraps to fit the width; exactly one per table. */
  readonly flexible?: boolean;
}

/** Narrowest a flexible column gets before the table is allowed to run wider than the terminal. */
const MIN_FLEXIBLE = 14;
/** cli-table3's default one-space padding on each side of a cell. */
const PADDING = 2;

/** Columns measured from plain text, so ANSI codes never count as width. */
function naturalWidth(column: Column): number {
  const lines = [column.head, ...column.plain].flatMap((cell) => cell.split('\n'));
  return maxOf(lines.map(displayWidth), 1) + PADDING;
}

/** Columns of text left for the flexible column once the others and the borders are drawn. */
export function spareWidth(columns: readonly Column[], width: number): number {
  const fixedWidth = columns.filter((c) => !c.flexible).reduce((sum, c) => sum + naturalWidth(c), 0);
  const borders = columns.length + 1;
  return width - fixedWidth - borders - PADDING;
}

/** The width the flexible column's text takes: what it needs, up to what is spare, never below MIN_FLEXIBLE. */
function flexibleWidth(columns: readonly Column[], width: number): number {
  const flexible = columns.find((c) => c.flexible);
  const natural = flexible === undefined ? 0 : naturalWidth(flexible) - PADDING;
  return Math.min(natural, Math.max(MIN_FLEXIBLE, spareWidth(columns, width)));
}

export function renderTable(columns: readonly Column[], width: number): string {
  const flex = flexibleWidth(columns, width);
  const rows = columns[0]?.plain.length ?? 0;
  const table = new Table({
    head: columns.map((c) => c.head),
    // null: cli-table3 sizes the column from its (styled) content, which equals the plain width under ANSI.
    colWidths: columns.map((c) => (c.flexible ? flex + PADDING : null)),
    colAligns: columns.map((c) => c.align),
    wordWrap: true,
    // No colour from cli-table3 itself: colour comes only from the injected Style.
    style: { head: [], border: [] },
  });
  for (let r = 0; r < rows; r++) {
    table.push(
      columns.map((c) => {
        if (c.flexible) return wrap(c.plain[r] ?? '', flex).join('\n');
        return c.cells?.[r] ?? c.plain[r] ?? '';
      }),
    );
  }
  return table.toString();
}
