/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, line
 * breaks inside quotes, CRLF or LF, a byte-order mark) that yields one row
 * at a time with its line number, so a survey export of a million rows is
 * never held in memory.
 */
import { MAX_CELL, MAX_ROW } from '../survey/limits.js';

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly cells: string[];
  /** 1-based column where each cell starts on its line. */
  readonly columns: number[];
  /** 1-based line where each cell starts: after a cell with a line break, later than the row's. */
  readonly lines: number[];
}

/** Whether the chunk ends with a quote seen inside a quoted cell (so possibly half of `""`). */
function inQuotesAtEnd(chunk: string, inQuotesAtStart: boolean): boolean {
  if (chunk.charCodeAt(chunk.length - 1) !== QUOTE) return false;
  let inQuotes = inQuotesAtStart;
  for (let i = 0; i < chunk.length - 1; i++) {
    if (chunk.charCodeAt(i) !== QUOTE) continue;
    if (inQuotes && chunk.charCodeAt(i + 1) === QUOTE && i + 1 < chunk.length - 1) i++;
    else inQuotes = !inQuotes;
  }
  return inQuotes;
}

export class CsvSyntaxError extends Error {
  /** `export-limit`: a cell or row past the limits of docs/file-formats.md ("Files"), not malformed CSV. */
  constructor(message: string, readonly line: number, readonly column: number, readonly rule: 'csv-syntax' | 'export-limit' = 'csv-syntax') {
    super(message);
  }
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * `startLine`: the text starts at that line, at the start of a row (where the fast scanner,
 * survey/table-scanner.ts, hands a file over); text handed over so has had its byte-order mark removed already.
 */
export async function* csvRows(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ',', startLine?: number): AsyncGenerator<CsvRow> {
  const delim = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let columns: number[] = [];
  let lines: number[] = [];
  let field = '';
  let inQuotes = false;
  let quoteClosed = false; // just saw the closing quote of a quoted field
  let line = startLine ?? 1;
  let column = 1;
  let rowLine = startLine ?? 1;
  let fieldColumn = 1;
  let fieldLine = startLine ?? 1;
  let quoteLine = startLine ?? 1;
  let quoteColumn = 1;
  let first = startLine === undefined;
  let pendingCR = false;

  let rowLength = 0;
  // Checked as the text arrives, so an unbalanced quote in a large file stops at the first 100 kB.
  const checkLimits = (pending: number) => {
    if (field.length + pending > MAX_CELL) throw new CsvSyntaxError(`A cell is longer than ${MAX_CELL / 1000} kB (the limit for one answer); is a quote left open?`, fieldLine, fieldColumn, 'export-limit');
    if (rowLength + field.length + pending > MAX_ROW) throw new CsvSyntaxError(`A row is longer than ${MAX_ROW / 1e6} MB (the limit for one respondent).`, rowLine, 1, 'export-limit');
  };
  const endField = () => {
    checkLimits(0);
    rowLength += field.length;
    cells.push(field);
    columns.push(fieldColumn);
    lines.push(fieldLine);
    field = '';
    quoteClosed = false;
  };

  let carry = '';
  for await (const piece of chunks) {
    let chunk = carry + piece;
    carry = '';
    // Only the input's first character can be a byte-order mark, however the input is chunked.
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    // A quote at the very end of a chunk may be the first of a doubled `""`: decide with the next chunk.
    if (inQuotesAtEnd(chunk, inQuotes)) {
      carry = '"';
      chunk = chunk.slice(0, -1);
    }
    let start = 0; // start of the run of plain characters not yet copied into `field`
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (c === QUOTE) {
          field += chunk.slice(start, i);
          if (chunk.charCodeAt(i + 1) === QUOTE) {
            field += '"';
            i++;
            column += 2;
          } else {
            inQuotes = false;
            quoteClosed = true;
            column++;
          }
          start = i + 1;
        } else if (c === LF) {
          line++;
          column = 1;
        } else {
          column++;
        }
        continue;
      }
      if (c === delim) {
        field += chunk.slice(start, i);
        endField();
        column++;
        fieldColumn = column;
        fieldLine = line;
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += chunk.slice(start, i);
        endField();
        yield { line: rowLine, cells, columns, lines };
        rowLength = 0;
        cells = [];
        columns = [];
        lines = [];
        line++;
        column = 1;
        fieldColumn = 1;
        fieldLine = line;
        rowLine = line;
        start = i + 1;
        if (c === CR) pendingCR = true;
      } else if (quoteClosed) {
        throw new CsvSyntaxError('Text after the closing quote of a cell; put the whole cell in quotes.', line, column);
      } else if (c === QUOTE) {
        if (field.length > 0 || i > start) {
          throw new CsvSyntaxError('A quote (") inside an unquoted cell; quote the whole cell and double the quote.', line, column);
        }
        inQuotes = true;
        quoteLine = line;
        quoteColumn = column;
        column++;
        start = i + 1;
      } else {
        column++;
      }
    }
    field += chunk.slice(start);
    checkLimits(0);
  }
  if (carry) {
    // The last character of the input closed a quoted cell.
    inQuotes = false;
    quoteClosed = true;
  }
  if (inQuotes) throw new CsvSyntaxError('A quoted cell is never closed.', quoteLine, quoteColumn);
  if (field.length > 0 || cells.length > 0 || quoteClosed) {
    endField();
    yield { line: rowLine, cells, columns, lines };
  }
}
