/**
 * A streaming CSV tokenizer for survey exports (RFC 4180: quoted cells, doubled quotes, line
 * breaks inside quotes, CRLF, LF or CR), like svcaudit-csv/csv-rows.ts but with the delimiter
 * sniffed from the header line and the limits of docs/file-formats.md ("Files") checked as the text arrives: an
 * unbalanced quote in a 2 GB file ends at the first 100 kB, not after reading it all into one cell.
 */
import { CsvSyntaxError } from '../svcaudit-csv/csv-rows.js';
import { LimitError, MAX_CELL, MAX_ROW } from './limits.js';
import { readHeaderText, sniffDelimiter, type Delimiter } from './sniff-delimiter.js';

export { CsvSyntaxError };

interface TextRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly cells: string[];
  /** 1-based line and column where each cell starts. */
  readonly lines: number[];
  readonly columns: number[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Sniffs the delimiter from the first line, then yields the rows. `delimiter` forces one (a `.tsv`). */
export async function* csvTextRows(chunks: AsyncIterable<string>, delimiter?: Delimiter): AsyncGenerator<TextRow> {
  const iterator = chunks[Symbol.asyncIterator]();
  // A header past the row limit is refused by the tokenizer.
  const head = await readHeaderText(iterator);
  const delim = delimiter ?? sniffDelimiter(head);
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  yield* tokenize(rest(), delim);
}

/**
 * The rows of text in a known delimiter. `startLine`: the text starts at that line, at the start of
 * a row (where the fast scanner, table-scanner.ts, hands a file over); text handed over so has
 * had its byte-order mark removed already.
 */
export async function* tokenize(chunks: AsyncIterable<string>, delimiter: Delimiter, startLine?: number): AsyncGenerator<TextRow> {
  const delim = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let lines: number[] = [];
  let columns: number[] = [];
  let rowLength = 0;
  let field = '';
  let inQuotes = false;
  let quoteClosed = false;
  let pendingQuote = false; // a quote inside quotes at a chunk's end: closing, or half of `""`
  let pendingCR = false;
  let first = startLine === undefined;
  let line = startLine ?? 1;
  // Where the current line starts, as an index into the current chunk (at or below 0 when it
  // started in an earlier one): a character's column is computed from it, never counted one by one.
  let lineStart = 0;
  let rowLine = startLine ?? 1;
  let fieldLine = startLine ?? 1;
  let fieldColumn = 1;
  let quoteLine = startLine ?? 1;
  let quoteColumn = 1;

  const checkLimits = (extra: number) => {
    if (field.length + extra > MAX_CELL) throw new LimitError(`A cell is longer than ${MAX_CELL / 1000} kB (the limit for one answer); is a quote left open?`, fieldLine, fieldColumn);
    if (rowLength + field.length + extra > MAX_ROW) throw new LimitError(`A row is longer than ${MAX_ROW / 1e6} MB (the limit for one respondent).`, rowLine, 1);
  };
  const endField = () => {
    rowLength += field.length;
    cells.push(field);
    lines.push(fieldLine);
    columns.push(fieldColumn);
    field = '';
    quoteClosed = false;
  };
  const endRow = (): TextRow => {
    const row = { line: rowLine, cells, lines, columns };
    cells = [];
    lines = [];
    columns = [];
    rowLength = 0;
    return row;
  };

  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); // a byte-order mark the decoder left
      first = false;
    }
    const n = chunk.length;
    const col = (i: number) => i - lineStart + 1;
    let start = 0;
    let i = 0;
    if (pendingCR && n > 0) {
      pendingCR = false;
      if (chunk.charCodeAt(0) === LF) {
        i = start = 1;
        lineStart = 1;
      }
    }
    if (pendingQuote && n > 0) {
      pendingQuote = false;
      if (chunk.charCodeAt(i) === QUOTE) {
        field += '"';
        i = start = i + 1;
      } else {
        inQuotes = false;
        quoteClosed = true;
      }
    }
    while (i < n) {
      if (inQuotes) {
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        for (let nl = chunk.indexOf('\n', i); nl >= 0 && nl < end; nl = chunk.indexOf('\n', nl + 1)) {
          line++;
          lineStart = nl + 1;
        }
        if (q < 0) {
          i = n;
          break;
        }
        field += chunk.slice(start, q);
        if (q + 1 === n) {
          pendingQuote = true;
          i = start = n;
          break;
        }
        if (chunk.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = start = q + 2;
        } else {
          inQuotes = false;
          quoteClosed = true;
          i = start = q + 1;
        }
        continue;
      }
      // The plain characters of an unquoted cell, in one tight run.
      let c = chunk.charCodeAt(i);
      while (c !== delim && c !== LF && c !== CR && c !== QUOTE && ++i < n) c = chunk.charCodeAt(i);
      if (i === n) break;
      if (quoteClosed && i > start) throw new CsvSyntaxError('Text after the closing quote of a cell; put the whole cell in quotes.', line, col(start));
      if (c === delim) {
        field += chunk.slice(start, i);
        checkLimits(0);
        endField();
        fieldColumn = col(i + 1);
        fieldLine = line;
        i = start = i + 1;
      } else if (c === QUOTE) {
        if (quoteClosed) throw new CsvSyntaxError('Text after the closing quote of a cell; put the whole cell in quotes.', line, col(i));
        if (field.length > 0 || i > start) throw new CsvSyntaxError('A quote (") inside an unquoted cell; quote the whole cell and double the quote.', line, col(i));
        inQuotes = true;
        quoteLine = line;
        quoteColumn = col(i);
        i = start = i + 1;
      } else {
        field += chunk.slice(start, i);
        checkLimits(0);
        endField();
        yield endRow();
        line++;
        i++;
        if (c === CR) {
          if (i < n && chunk.charCodeAt(i) === LF) i++;
          else if (i === n) pendingCR = true;
        }
        lineStart = start = i;
        fieldColumn = 1;
        fieldLine = line;
        rowLine = line;
      }
    }
    if (quoteClosed && !inQuotes && !pendingQuote && n > start) throw new CsvSyntaxError('Text after the closing quote of a cell; put the whole cell in quotes.', line, col(start));
    checkLimits(n - start);
    field += chunk.slice(start);
    lineStart -= n;
  }
  if (pendingQuote) {
    inQuotes = false;
    quoteClosed = true;
  }
  if (inQuotes) throw new CsvSyntaxError('A quoted cell is never closed.', quoteLine, quoteColumn);
  if (field.length > 0 || cells.length > 0 || quoteClosed) {
    endField();
    yield endRow();
  }
}
