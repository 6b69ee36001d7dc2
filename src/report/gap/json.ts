/**
 * `--format json`: the Report object exactly as scoring built it, unrounded,
 * with the field names of docs/json-report.md, for other tools to read.
 */
import { jsonPieces } from '../shared/json-pieces.js';
import type { GapPieces } from './types.js';

export const jsonReportPieces: GapPieces = function* (report) {
  yield* jsonPieces(report);
  yield '\n';
};
