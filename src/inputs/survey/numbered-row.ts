/**
 * A row of a text export read in a worker thread (scan-in-worker.ts): the scanner's row, in
 * place, with the number of each numbered cell's text (scan-protocol.ts). survey-answer-rows.ts
 * looks those cells up by number.
 */
import { ScannedRow } from './table-scanner.js';

/** A scanned row from the worker, with the numbers of its numbered cells. */
export class NumberedRow extends ScannedRow {
  /** Columns numbered in this row (0 when the rows came before the reader asked), and its numbers at `base` in `numbers`. */
  numbered = 0;
  numbers: Int32Array = new Int32Array(0);
  base = 0;
  /** Per numbered column: the text of each number, as far as the rows so far have numbered them. */
  readonly texts: string[][] = [];
}
