/**
 * `compare --format json`: the Comparison exactly as built, unrounded, with
 * the field names of docs/json-report.md (`overall: {before, after, delta}`, the same
 * under `sections[]` and `items[]`), for other tools to read.
 */
import type { CompareFormatter } from './types.js';

export const json: CompareFormatter = (comparison) => `${JSON.stringify(comparison, null, 2)}\n`;
