/**
 * A survey export as rows of text cells, whatever the file: CSV, TSV or TXT (decoded, delimiter
 * sniffed) or one sheet of an .xlsx, told apart by the file's first bytes rather than its name,
 * so stdin is read as the kind it turns out to be (docs/file-formats.md, "Files"). The spreadsheet reader
 * is loaded only when a workbook is read.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Finding, Span } from '../../core/finding.js';
import { CsvSyntaxError, tokenize } from './csv-tokenizer.js';
import { decodeStream } from './decode-stream.js';
import { LimitError, MAX_XLSX_BYTES } from './limits.js';
import type { ParallelReading } from '../parallel-reading.js';
import type { NumberedColumn } from './scan-protocol.js';
import { readHeaderText, sniffDelimiter, type Delimiter } from './sniff-delimiter.js';
import { TableScanner, type ScannedRow } from './table-scanner.js';

/** A path to read, bytes already read (stdin), or a stream of bytes. */
export type ExportSource = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface ExportRow {
  /** 1-based row number, as a spreadsheet program shows it (a cell with line breaks is still one row). */
  readonly row: number;
  readonly cells: readonly string[];
  /** Where cell `index` is, for a finding: line and column in a text file, row and column in a sheet. */
  readonly span: (index: number) => Span;
}

export interface ExportRows {
  readonly kind: 'text' | 'xlsx';
  /** Serial dates count from 1904-01-01 (a workbook saved so); otherwise from 1899-12-30. */
  readonly date1904: boolean;
  readonly rows: AsyncGenerator<ExportRow>;
  /**
   * Every row not yet taken from `rows`, in turn. A text export's rows come as the scanner finds
   * them, in place (ScannedRow, valid during the call; toExportRow gives the ExportRow), except
   * where the reference tokenizer reads on (see table-scanner.ts).
   */
  readonly each: (onRow: (row: ExportRow | ScannedRow) => void) => Promise<void>;
  /**
   * Rows read in a worker thread (scan-in-worker.ts): from now on, number the texts of these
   * columns' cells (its rows are then NumberedRows). Absent otherwise.
   */
  readonly number?: (columns: readonly NumberedColumn[]) => void;
  /** Ends the reading before its end (a worker thread's); absent where nothing needs ending. */
  readonly close?: () => void;
}

/** Reading stopped: a file past a limit, malformed CSV, a damaged workbook. */
export class ReadStop extends Error {
  constructor(readonly rule: 'export-limit' | 'export-unreadable' | 'csv-syntax' | 'file-empty', message: string, readonly span: Span) {
    super(message);
  }
}

interface OpenOptions {
  readonly sheet?: string | undefined;
  readonly delimiter?: Delimiter | undefined;
  /** A text file of at least `minBytes` is read in a worker thread, where one can start (scan-in-worker.ts). */
  readonly inWorker?: ParallelReading | undefined;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // an encrypted workbook or an old .xls
const isMagic = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Whether a file's first bytes are a workbook's (a zip archive, or an encrypted workbook or old .xls), not text. */
export function startsAsWorkbook(head: Uint8Array): boolean {
  return isMagic(head, ZIP_MAGIC) || isMagic(head, CFB_MAGIC);
}

export async function openExportRows(source: ExportSource, file: string, options: OpenOptions, report: (f: Finding) => void): Promise<ExportRows> {
  const delimiter = options.delimiter ?? (typeof source === 'string' && /\.tsv$/i.test(source) ? '\t' : undefined);
  if (typeof source === 'string') {
    if (/\.xlsx$/i.test(source)) {
      const size = statSync(source).size;
      if (size > MAX_XLSX_BYTES) throw new ReadStop('export-limit', `The workbook is ${(size / 1e6).toFixed(1)} MB; the limit for an .xlsx is ${MAX_XLSX_BYTES / 1e6} MB. Export the survey as CSV, which has no size limit.`, { line: 1, column: 1 });
    }
    if (options.inWorker !== undefined && sizeOf(source) >= options.inWorker.minBytes) {
      const { openInWorker } = await import('./scan-in-worker.js');
      const rows = openInWorker(source, file, delimiter, report);
      if (rows !== undefined) {
        options.inWorker.started?.(file);
        return rows;
      }
    }
    return open(createReadStream(source, { highWaterMark: 1 << 16 }), file, options, delimiter, report);
  }
  return open(source instanceof Uint8Array ? [source] : source, file, options, delimiter, report);
}

/** A regular file's size; -1 for anything else, or what cannot be looked at (read on, and reported, as ever). */
function sizeOf(path: string): number {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : -1;
  } catch {
    return -1;
  }
}

async function open(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, file: string, options: OpenOptions, delimiter: Delimiter | undefined, report: (f: Finding) => void): Promise<ExportRows> {
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks));
  const first: Uint8Array[] = [];
  let seen = 0;
  while (seen < 4) {
    const next = await iterator.next();
    if (next.done) break;
    first.push(next.value);
    seen += next.value.length;
  }
  const head = first.length === 1 ? first[0]! : Buffer.concat(first);
  if (startsAsWorkbook(head)) return openWorkbook(head, iterator, options.sheet);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const text = new TextRows(decodeStream(all(), file, report), delimiter);
  return { kind: 'text', date1904: false, rows: text.rows(), each: (onRow) => text.each(onRow) };
}

async function* toAsync(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

/**
 * A text export's rows, read by the fast scanner (table-scanner.ts) as the text arrives, with the
 * delimiter sniffed from the header line as csv-tokenizer.ts does. `rows()` gives them as
 * ExportRows (the head, and `svcaudit map`); `each` hands the rest on in place. Where the scanner
 * stops, the reference tokenizer reads on and reports what it finds.
 */
class TextRows {
  readonly #text: AsyncIterator<string>;
  readonly #delimiter: Delimiter | undefined;
  #scanner: TableScanner | undefined;
  /** Rows scanned and not yet taken, and the next to take. */
  #buffer: ExportRow[] = [];
  #next = 0;
  /** Where scanned rows go once `each` is called. */
  #onRow: ((row: ExportRow | ScannedRow) => void) | undefined;
  /** The reference tokenizer's rows, once the scanner has stopped. */
  #rest: AsyncGenerator<ExportRow> | undefined;
  #ended = false;

  constructor(text: AsyncIterable<string>, delimiter: Delimiter | undefined) {
    this.#text = text[Symbol.asyncIterator]();
    this.#delimiter = delimiter;
  }

  async *rows(): AsyncGenerator<ExportRow> {
    for (;;) {
      while (this.#next < this.#buffer.length) yield this.#buffer[this.#next++]!;
      this.#buffer = [];
      this.#next = 0;
      if (!(await this.#pull())) return;
    }
  }

  async each(onRow: (row: ExportRow | ScannedRow) => void): Promise<void> {
    while (this.#next < this.#buffer.length) onRow(this.#buffer[this.#next++]!);
    this.#buffer = [];
    this.#next = 0;
    this.#onRow = onRow;
    while (await this.#pull());
  }

  /** Reads on: one piece of text, or one row of the reference tokenizer. False at the end. */
  async #pull(): Promise<boolean> {
    if (this.#rest) {
      const next = await this.#rest.next();
      if (next.done) return false;
      this.#deliver(next.value);
      return true;
    }
    if (this.#ended) return false;
    const scanner = this.#scanner ?? (await this.#start());
    if (scanner.paused) scanner.resume();
    else if (scanner.open) {
      const next = await this.#text.next();
      if (next.done) scanner.finish();
      else scanner.push(next.value);
    }
    const stop = scanner.stopped;
    if (stop) this.#rest = referenceRows(stop.pieces, this.#text, scanner.delimiter, stop.line, stop.row);
    else if (!scanner.open && !scanner.paused) this.#ended = true;
    return true;
  }

  /** The delimiter from the whole header line (csvTextRows does the same), then the scanner, fed that text first. */
  async #start(): Promise<TableScanner> {
    const head = await readHeaderText(this.#text);
    const delimiter = this.#delimiter ?? sniffDelimiter(head);
    // Until `each` takes over, one row at a time: the head is read as ExportRows, the rest in place.
    const scanner = new TableScanner(delimiter, (row) => {
      if (this.#onRow) {
        this.#onRow(row);
        return true;
      }
      this.#buffer.push(toExportRow(row));
      return false;
    });
    this.#scanner = scanner;
    scanner.push(head);
    return scanner;
  }

  #deliver(row: ExportRow): void {
    if (this.#onRow) this.#onRow(row);
    else this.#buffer.push(row);
  }
}

/** A scanned row as an ExportRow, to keep. */
export function toExportRow(scanned: ScannedRow): ExportRow {
  return exportRowOf({ row: scanned.row, ...scanned.toRow() });
}

/** A row as the reference tokenizer gives it, with its row number: what an ExportRow is made of. */
export interface ExportRecord {
  readonly row: number;
  readonly line: number;
  readonly cells: string[];
  readonly lines: number[];
  readonly columns: number[];
}

/** An ExportRow of a record: a cell's place is its line and column, or the row's line past its cells. */
export function exportRowOf(r: ExportRecord): ExportRow {
  return { row: r.row, cells: r.cells, span: (i) => ({ line: r.lines[i] ?? r.line, column: r.columns[i] ?? 1 }) };
}

/** The reference tokenizer's rows from where the scanner stopped: the pieces it had not read, then the rest of the text. */
async function* referenceRows(pieces: readonly string[], text: AsyncIterator<string>, delimiter: Delimiter, line: number, first: number): AsyncGenerator<ExportRow> {
  for await (const record of referenceRecords(pieces, text, delimiter, line, first)) yield exportRowOf(record);
}

/** referenceRows' rows as records (the scan worker posts them so). */
export async function* referenceRecords(pieces: readonly string[], text: AsyncIterator<string>, delimiter: Delimiter, line: number, first: number): AsyncGenerator<ExportRecord> {
  async function* rest(): AsyncGenerator<string> {
    yield* pieces;
    for (;;) {
      const next = await text.next();
      if (next.done) return;
      yield next.value;
    }
  }
  let row = first - 1;
  try {
    for await (const r of tokenize(rest(), delimiter, line)) {
      row++;
      yield { row, line: r.line, cells: r.cells, lines: r.lines, columns: r.columns };
    }
  } catch (error) {
    if (error instanceof LimitError) throw new ReadStop('export-limit', error.message, { line: error.line, column: error.column });
    if (error instanceof CsvSyntaxError) throw new ReadStop('csv-syntax', error.message, { line: error.line, column: error.column });
    throw error;
  }
}

async function openWorkbook(head: Uint8Array, rest: AsyncIterator<Uint8Array>, sheet: string | undefined): Promise<ExportRows> {
  const parts: Uint8Array[] = [head];
  let size = head.length;
  for (;;) {
    if (size > MAX_XLSX_BYTES) break; // openXlsx names the limit
    const next = await rest.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
  }
  const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const { openXlsx, XlsxError } = await import('./xlsx/read-xlsx.js');
  const stop = (error: unknown): never => {
    if (error instanceof XlsxError) throw new ReadStop(error.rule, error.message, { line: error.line, column: error.column });
    throw error;
  };
  const opened = await openXlsx(bytes, sheet).catch(stop);
  async function* rows(): AsyncGenerator<ExportRow> {
    try {
      for await (const r of opened.rows) yield { row: r.row, cells: r.cells, span: (i) => ({ line: r.row, column: i + 1 }) };
    } catch (error) {
      stop(error);
    }
  }
  const sheetRows = rows();
  return {
    kind: 'xlsx',
    date1904: opened.date1904,
    rows: sheetRows,
    each: async (onRow) => {
      for await (const row of sheetRows) onRow(row);
    },
  };
}
