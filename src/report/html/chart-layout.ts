/**
 * The columns every bar chart shares, in viewBox units of a CHART_WIDTH-wide
 * drawing: a label column for item titles, the plot, and a column for the
 * figures, so a bar never runs into its own numbers.
 */
/** The width every chart is drawn at; the page scales it. */
export const CHART_WIDTH = 760;
export const PAD = 8;
/** Item titles start here, indented under their section's title. */
export const LABEL_X = PAD + 10;
export const PLOT_X0 = 272;
/** The room between a label and the plot. */
const GUTTER = 8;
/** How wide an item title may be, from LABEL_X to the gutter before the plot (text-fit.ts cuts it to this). */
export const LABEL_WIDTH = PLOT_X0 - GUTTER - LABEL_X;
export const PLOT_X1 = 610;
export const VALUE_X = 622;
export const RIGHT = CHART_WIDTH - PAD;
/** Room above the first row for the axis labels. */
export const TOP = 30;
export const BOTTOM = 10;
export const SECTION_ROW = 26;
/** Section titles run across the whole chart. */
export const SECTION_WIDTH = RIGHT - PAD;
/** The fonts of svg.chart text in the style sheet (styles.ts), for text-fit.ts. */
export const LABEL_FONT = { size: 12 } as const;
export const SECTION_FONT = { size: 13, bold: true } as const;
export const SMALL_FONT = { size: 10 } as const;
