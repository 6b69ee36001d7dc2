/**
 * A survey export as rows of text cells, whatever the file: CSV, TSV or TXT (decoded, delimiter
 * sniffed) or one sheet of an .xlsx, told apart by the file's first bytes rather than its name,
 * so stdin is read as the kind it turns out to be (docs/file-formats.md, "Files"). The spreadsheet reader
 * is loaded only when a workbook is read.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Finding, Span } from '../../core/finding.js';
import { CsvSyntaxError, csvTextRows } from './csv-tokenizer.js';
import { decodeStream } from './decode-stream.js';
import { LimitError, MAX_XLSX_BYTES } from './limits.js';
import type { Delimiter } from './sniff-delimiter.js';

/** A path to read, bytes already read (stdin), or a stream of bytes. */
export type ExportSource = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface ExportRow {
  /** 1-based row number, as a spreadsheet program shows it (a cell with line breaks is still one row). */
  readonly row: number;
  readonly cells: readonly string[];
  /** Where cell `index` is, for a finding: line and column in a text file, row and column in a sheet. */
  readonly span: (index: number) => Span;
}

interface ExportRows {
  readonly kind: 'text' | 'xlsx';
  /** Serial dates count from 1904-01-01 (a workbook saved so); otherwise from 1899-12-30. */
  readonly date1904: boolean;
  readonly rows: AsyncGenerator<ExportRow>;
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
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // an encrypted workbook or an old .xls
const isMagic = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function openExportRows(source: ExportSource, file: string, options: OpenOptions, report: (f: Finding) => void): Promise<ExportRows> {
  const delimiter = options.delimiter ?? (typeof source === 'string' && /\.tsv$/i.test(source) ? '\t' : undefined);
  if (typeof source === 'string') {
    if (/\.xlsx$/i.test(source)) {
      const size = statSync(source).size;
      if (size > MAX_XLSX_BYTES) throw new ReadStop('export-limit', `The workbook is ${(size / 1e6).toFixed(1)} MB; the limit for an .xlsx is ${MAX_XLSX_BYTES / 1e6} MB. Export the survey as CSV, which has no size limit.`, { line: 1, column: 1 });
    }
    return open(createReadStream(source, { highWaterMark: 1 << 16 }), file, options, delimiter, report);
  }
  return open(source instanceof Uint8Array ? [source] : source, file, options, delimiter, report);
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
  if (isMagic(head, ZIP_MAGIC) || isMagic(head, CFB_MAGIC)) return openWorkbook(head, iterator, options.sheet);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { kind: 'text', date1904: false, rows: textRows(decodeStream(all(), file, report), delimiter) };
}

async function* toAsync(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

async function* textRows(text: AsyncIterable<string>, delimiter: Delimiter | undefined): AsyncGenerator<ExportRow> {
  let row = 0;
  try {
    for await (const r of csvTextRows(text, delimiter)) {
      row++;
      yield { row, cells: r.cells, span: (i) => ({ line: r.lines[i] ?? r.line, column: r.columns[i] ?? 1 }) };
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
  return { kind: 'xlsx', date1904: opened.date1904, rows: rows() };
}
