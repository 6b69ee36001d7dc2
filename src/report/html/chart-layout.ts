/**
 * The columns every bar chart shares, in viewBox units of a CHART_WIDTH-wide
 * drawing: a label column for item titles, the plot, and a column for the
 * figures, so a bar never runs into its own numbers.
 */
import { CHART_WIDTH } from './svg.js';

export const PAD = 8;
/** Item titles are cut to this many columns (about 245 units at 12px in a wide sans-serif such as DejaVu Sans). */
export const LABEL_COLUMNS = 34;
export const PLOT_X0 = 272;
export const PLOT_X1 = 610;
export const VALUE_X = 622;
export const RIGHT = CHART_WIDTH - PAD;
/** Room above the first row for the axis labels. */
export const TOP = 30;
export const BOTTOM = 10;
export const SECTION_ROW = 26;
/** Section titles run across the whole chart, so they get more room than item titles. */
export const SECTION_COLUMNS = 90;
