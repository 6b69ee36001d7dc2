/**
 * What the scan worker (scan-worker.ts) and the thread that reads its rows (scan-in-worker.ts)
 * say to each other: docs/architecture.md, "Large inputs". The worker reads, decodes and scans
 * a text export and posts its rows in place (one message per piece of text scanned: the text,
 * and each row's cells as offsets into it), with the texts of the cells the reader asked to have
 * numbered: a rating, a role, a timestamp's date get a number each distinct text, so the reader
 * looks a cell up by its number rather than by its characters.
 */
import type { Finding } from '../../core/finding.js';
import type { Delimiter } from './sniff-delimiter.js';
import type { ScannedRow } from './table-scanner.js';

/** What the worker is asked to read. */
export interface ScanRequest {
  readonly path: string;
  /** The name findings use. */
  readonly file: string;
  /** The delimiter when the file's name or the caller says it (`.tsv`); otherwise sniffed. */
  readonly delimiter: Delimiter | undefined;
  /**
   * How many batches the reader has taken (one Int32): it adds one as it takes the next, and the
   * worker, BATCHES_AHEAD ahead, waits on it (Atomics). A message per batch cost the reading thread
   * 9 µs each, 30 ms over a million rows.
   */
  readonly taken: SharedArrayBuffer;
}

/** A column to number: its cell texts as they are, or (`date`) each cell's date as dates.ts's dateKey cuts it. */
export interface NumberedColumn {
  readonly index: number;
  readonly date: boolean;
}

/** A cell's number when its column is not numbered for this row, or its text was one too many to number. */
export const UNNUMBERED = -1;
/** A date column's blank cell. */
export const BLANK_DATE = -2;
/** Distinct texts numbered per column: past them (a column of names) a cell is looked at as it is. */
export const NUMBERED_TEXTS = 1024;
/** Batches posted and not yet taken: enough to keep both threads busy, few enough to hold little memory. */
export const BATCHES_AHEAD = 8;

/** Per row in RowsMessage.meta: its line, number, cell count, start in the text, whether a cell spans lines, and its first cell in starts/ends/quoted. */
export const META = 6;

/** Row r of a batch into `meta`, as readMeta reads it back. */
export function writeMeta(meta: Int32Array, r: number, row: ScannedRow): void {
  const m = r * META;
  meta[m] = row.line;
  meta[m + 1] = row.row;
  meta[m + 2] = row.count;
  meta[m + 3] = row.begin;
  meta[m + 4] = row.multiline ? 1 : 0;
  meta[m + 5] = row.first;
}

/** Row r of a batch, onto `row` (whose text and cells are the batch's). */
export function readMeta(meta: Int32Array, r: number, row: ScannedRow): void {
  const m = r * META;
  row.line = meta[m]!;
  row.row = meta[m + 1]!;
  row.count = meta[m + 2]!;
  row.begin = meta[m + 3]!;
  row.multiline = meta[m + 4] === 1;
  row.first = meta[m + 5]!;
}

/** Rows scanned from one piece of text. */
export interface RowsMessage {
  readonly kind: 'rows';
  readonly text: string;
  readonly rows: number;
  readonly meta: Int32Array;
  readonly starts: Int32Array<ArrayBuffer>;
  readonly ends: Int32Array<ArrayBuffer>;
  readonly quoted: Uint8Array<ArrayBuffer>;
  /** Columns numbered in these rows (0 before the reader asked), and per row that many numbers. */
  readonly numbered: number;
  readonly numbers: Int32Array;
  /** Texts numbered for the first time in these rows, per numbered column, in number order. */
  readonly texts: ReadonlyArray<readonly string[]>;
}

/** A batch's rows in place: what the worker numbers before it posts them. */
export type RowsInPlace = Pick<RowsMessage, 'text' | 'rows' | 'meta' | 'starts' | 'ends' | 'quoted'>;

/** Rows the reference tokenizer read after the scanner stopped (export-rows.ts, referenceRecords). */
export interface RecordsMessage {
  readonly kind: 'records';
  readonly records: ReadonlyArray<{ readonly row: number; readonly line: number; readonly cells: string[]; readonly lines: number[]; readonly columns: number[] }>;
}

export type WorkerMessage =
  | RowsMessage
  | RecordsMessage
  | { readonly kind: 'finding'; readonly finding: Finding }
  /** Reading stopped as export-rows.ts's ReadStop says. */
  | { readonly kind: 'stop'; readonly rule: 'export-limit' | 'export-unreadable' | 'csv-syntax' | 'file-empty'; readonly message: string; readonly line: number; readonly column: number }
  /** Anything else went wrong: the error, with the properties a file system error carries. */
  | { readonly kind: 'fail'; readonly message: string; readonly code: string | undefined; readonly stack: string | undefined }
  | { readonly kind: 'end' };

export type ReaderMessage = { readonly kind: 'number'; readonly columns: readonly NumberedColumn[] };
