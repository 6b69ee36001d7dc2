/**
 * An SVG cannot break across printed pages: a chart taller than the room
 * left under its heading moves to the next page whole, leaving the heading
 * behind, and one taller than a page is cut through its rows. So a long chart
 * is drawn as parts of at most a page each, cut between rows (never right
 * after a section's title), which print can break between like paragraphs.
 * On screen the parts stack into one chart.
 */
import type { ChartRow } from './svg.js';

/**
 * Rows per part, in viewBox units: with its axis, a part and a heading above
 * it fit one page of A4 or US Letter at the report's margins (a chart is
 * 760 units across the page, about 186 mm on A4, 192 mm on Letter).
 */
export const PART_HEIGHT = 820;

export function splitRows(rows: readonly ChartRow[], limit = PART_HEIGHT): ChartRow[][] {
  const parts: ChartRow[][] = [[]];
  let start = rows[0]?.top ?? 0;
  for (const row of rows) {
    const part = parts.at(-1)!;
    if (part.length > 0 && row.top + row.height - start > limit) {
      // Carry a section title over with the row it heads.
      const carried = part.at(-1)!.keepWithNext === true && part.length > 1 ? [part.pop()!] : [];
      parts.push(carried);
      start = carried[0]?.top ?? row.top;
    }
    parts.at(-1)!.push(row);
  }
  return parts;
}
