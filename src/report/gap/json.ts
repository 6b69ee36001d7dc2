/**
 * `--format json`: the Report object exactly as scoring built it, unrounded,
 * with PRODUCT.md's field names, for other tools to read.
 */
import type { GapFormatter } from './types.js';

export const json: GapFormatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
