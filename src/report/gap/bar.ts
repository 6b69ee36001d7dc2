/**
 * A horizontal bar for a terminal: full blocks for the index, light shade for
 * the rest of the scale, so the bar's length always shows the whole 0..100.
 */
import type { Style } from '../shared/style.js';

const FULL = '█';
const EMPTY = '░';

/** Filled cells for an index; rounds to the nearest cell and stays within 0..width. */
function filledCells(index: number, width: number): number {
  return Math.min(width, Math.max(0, Math.round((index / 100) * width)));
}

/**
 * The bar with its filled part painted (by status) and the rest dimmed.
 * Null (nothing scored) draws no bar: an empty track would read as a score of 0.
 */
export function textBar(index: number | null, width: number, paint: (s: string) => string, style: Style): string {
  if (index === null) return '';
  const filled = filledCells(index, width);
  const full = filled > 0 ? paint(FULL.repeat(filled)) : '';
  const rest = width - filled > 0 ? style.dim(EMPTY.repeat(width - filled)) : '';
  return full + rest;
}
