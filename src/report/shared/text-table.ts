/**
 * Box-drawn tables for the text report and `rubric show`, sized to the terminal: every column
 * but one is as wide as its widest cell, and the one flexible column (an item title) takes what
 * is left, wrapped by us so long words are cut, not truncated with `…`.
 *
 * Drawn here, in the look of cli-table3's default style, rather than by cli-table3 itself: its
 * layout compares every cell with every other (conflictExists), and it truncates an over-long
 * line one character at a time, measuring the whole line each time, so a table of 10,000 group
 * columns or a 3,000-character title took minutes. Drawing takes one pass over the cells.
 */
import { stripVTControlCharacters } from 'node:util';
import { maxOf } from '../../core/max-of.js';
import { displayWidth } from './text-width.js';
import { wrap } from './wrap.js';

export interface Column {
  readonly head: string;
  readonly align: 'left' | 'right';
  /** Unstyled cell text, one per row: what the width is measured on. */
  readonly plain: readonly string[];
  /** Styled cells (defaults to `plain`); a colour changes no width. */
  readonly cells?: readonly string[] | undefined;
  /** The column that wraps to fit the width; exactly one per table. */
  readonly flexible?: boolean;
  /** A fixed width, padding included, to which every cell is wrapped (`rubric show`). */
  readonly width?: number;
}

/** Narrowest a flexible column gets before the table is allowed to run wider than the terminal. */
const MIN_FLEXIBLE = 14;
/** One space of padding on each side of a cell. */
const PADDING = 2;

/** Columns measured from plain text, so ANSI codes never count as width. */
function naturalWidth(column: Column): number {
  if (column.width !== undefined) return column.width;
  let widest = 1;
  for (const cell of [column.head, ...column.plain]) widest = maxOf(cell.split('\n').map(displayWidth), widest);
  return widest + PADDING;
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

/** One cell's lines, each with the width it shows at (styled text is measured on its plain twin). */
interface CellLines {
  readonly lines: readonly string[];
  readonly widths: readonly number[];
}

function cellLines(styled: string, plain: string, wrapTo: number | undefined): CellLines {
  if (wrapTo !== undefined) {
    // Wrapped text is plain: a styled cell that must wrap loses its colour rather than its words.
    const lines = plain.split('\n').flatMap((line) => wrap(line, wrapTo));
    return { lines, widths: lines.map(displayWidth) };
  }
  const lines = styled.split('\n');
  const plainLines = plain.split('\n');
  const widths = lines.map((line, i) => displayWidth(plainLines.length === lines.length ? plainLines[i]! : stripVTControlCharacters(line)));
  return { lines, widths };
}

export function renderTable(columns: readonly Column[], width: number): string {
  const flex = flexibleWidth(columns, width);
  const rows = columns[0]?.plain.length ?? 0;
  const inner = columns.map((c) => (c.flexible ? flex : naturalWidth(c) - PADDING));
  const wrapTo = columns.map((c, i) => (c.flexible || c.width !== undefined ? inner[i]! : undefined));
  const rule = (left: string, mid: string, right: string) => `${left}${inner.map((w) => '─'.repeat(w + PADDING)).join(mid)}${right}`;
  const out: string[] = [rule('┌', '┬', '┐')];
  const drawRow = (cells: readonly CellLines[]) => {
    const height = maxOf(cells.map((cell) => cell.lines.length), 1);
    for (let l = 0; l < height; l++) {
      const parts = cells.map((cell, i) => {
        const text = cell.lines[l] ?? '';
        const pad = ' '.repeat(Math.max(0, inner[i]! - (cell.widths[l] ?? 0)));
        return columns[i]!.align === 'right' ? ` ${pad}${text} ` : ` ${text}${pad} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  };
  drawRow(columns.map((c, i) => cellLines(c.head, c.head, wrapTo[i])));
  for (let r = 0; r < rows; r++) {
    out.push(rule('├', '┼', '┤'));
    drawRow(columns.map((c, i) => {
      const plain = c.plain[r] ?? '';
      return cellLines(c.cells?.[r] ?? plain, plain, wrapTo[i]);
    }));
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
