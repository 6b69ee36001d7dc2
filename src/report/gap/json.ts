/**
 * `--format json`: the Report object exactly as scoring built it, unrounded,
 * with the field names of docs/json-report.md, for other tools to read.
 */
import type { GapFormatter } from './types.js';

export const json: GapFormatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
