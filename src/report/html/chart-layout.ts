/**
 * The two layouts every chart is drawn in, in viewBox units.
 *
 * - `wide` (a desktop, a printed page): 760 units across; each row puts the item's title in a
 *   label column, the graphic in the plot and the figures in a column of their own after it, so a
 *   bar never runs into its numbers.
 * - `narrow` (a phone): 360 units across, drawn at about one unit to the CSS pixel on a 390-px
 *   screen, so a 12-unit label reads at 12 px. Each row puts the title on a line of its own with
 *   the figures right-aligned beside it, and the graphic across the whole width under them, so the
 *   target tick and the values stay on screen without the page scrolling sideways.
 *
 * The page shows one of the two (styles.ts: a media query), so a chart is always drawn at a size
 * its text reads at, rather than scaled down to nothing or scrolled.
 */
import { textWidth } from './text-measure.js';

export interface Layout {
  readonly variant: 'wide' | 'narrow';
  /** The width the chart is drawn at; the page scales it to the width it has. */
  readonly width: number;
  /** Item titles start here (indented under their section's title in the wide layout). */
  readonly labelX: number;
  /** Where the plot starts. */
  readonly plotX0: number;
  /** The right edge for right-aligned figures. */
  readonly right: number;
}

export const PAD = 8;
/** The room between a label and what follows it. */
export const GUTTER = 8;

const WIDE: Layout = { variant: 'wide', width: 760, labelX: PAD + 10, plotX0: 272, right: 760 - PAD };
/** The axis labels of the first and last level stand over the plot's ends: half a label of room either side. */
const NARROW: Layout = { variant: 'narrow', width: 360, labelX: PAD, plotX0: PAD + 8, right: 360 - PAD };
export const LAYOUTS: readonly Layout[] = [WIDE, NARROW];

/** How wide an item title may be in the wide layout, from its start to the gutter before the plot (text-fit.ts cuts it to this). */
export const LABEL_WIDTH = WIDE.plotX0 - GUTTER - WIDE.labelX;
/** The narrow layout's plot ends here when nothing stands to its right, leaving room for the last axis label. */
export const NARROW_PLOT_END = NARROW.right - 8;
/** Room above the first row for the axis labels. */
export const TOP = 30;
export const BOTTOM = 10;
export const SECTION_ROW = 26;
/** The fonts of svg.chart text in the style sheet (styles.ts), for text-fit.ts. */
export const LABEL_FONT = { size: 12 } as const;
export const SECTION_FONT = { size: 13, bold: true } as const;
export const SMALL_FONT = { size: 10 } as const;
/** The narrow layout's title line: a 12-unit label and its descent. */
const TITLE_LINE = 17;

/** Where one row's parts go. */
export interface RowFrame {
  readonly height: number;
  /** The vertical middle of the graphic (a bar, a marker). */
  readonly mid: number;
  /** The title's baseline and the room it has. */
  readonly title: { readonly x: number; readonly y: number; readonly width: number };
  /** The figures' baseline: after the plot (wide), right-aligned on the title's line (narrow). */
  readonly figure: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' };
}

interface RowSpec {
  /** The wide layout's row height, which holds the graphic. */
  readonly row: number;
  /** The graphic's own height, under the title in the narrow layout. */
  readonly band: number;
  /** The figures' text, measured so the narrow title gives way to it. */
  readonly figures: string;
  /** The wide layout's figure column. */
  readonly valueX: number;
}

export function rowFrame(layout: Layout, y: number, spec: RowSpec): RowFrame {
  if (layout.variant === 'wide') {
    const mid = y + spec.row / 2;
    return { height: spec.row, mid, title: { x: layout.labelX, y: mid + 4, width: LABEL_WIDTH }, figure: { x: spec.valueX, y: mid + 4, anchor: 'start' } };
  }
  const figureWidth = Math.ceil(textWidth(spec.figures, LABEL_FONT));
  return {
    height: TITLE_LINE + spec.band + 9,
    mid: y + TITLE_LINE + 2 + spec.band / 2,
    title: { x: layout.labelX, y: y + 13, width: Math.max(40, layout.right - layout.labelX - figureWidth - GUTTER) },
    figure: { x: layout.right, y: y + 13, anchor: 'end' },
  };
}
