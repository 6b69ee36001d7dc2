/**
 * A streaming CSV tokenizer for survey exports (RFC 4180: quoted cells, doubled quotes, line
 * breaks inside quotes, CRLF, LF or CR), like svcaudit-csv/csv-rows.ts but with the delimiter
 * sniffed from the header line and the limits of PRODUCT.md checked as the text arrives: an
 * unbalanced quote in a 2 GB file ends at the first 100 kB, not after reading it all into one cell.
 */
import { CsvSyntaxError } from '../svcaudit-csv/csv-rows.js';
import { LimitError, MAX_CELL, MAX_ROW } from './limits.js';
import { hasFirstLine, sniffDelimiter, type Delimiter } from './sniff-delimiter.js';

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
  let head = '';
  // Enough text to see the whole header line; a header past the row limit is refused by the tokenizer anyway.
  while (!hasFirstLine(head) && head.length <= MAX_ROW) {
    const next = await iterator.next();
    if (next.done) break;
    head += next.value;
  }
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

async function* tokenize(chunks: AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<TextRow> {
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
  let first = true;
  let line = 1;
  let column = 1;
  let rowLine = 1;
  let fieldLine = 1;
  let fieldColumn = 1;
  let quoteLine = 1;
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
    let start = 0;
    let i = 0;
    if (pendingQuote) {
      pendingQuote = false;
      if (chunk.charCodeAt(0) === QUOTE) {
        field += '"';
        column++;
        i = 1;
        start = 1;
      } else {
        inQuotes = false;
        quoteClosed = true;
      }
    }
    for (; i < chunk.length; i++) {
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
          if (i + 1 === chunk.length) {
            pendingQuote = true;
            start = i + 1;
            column++;
            continue;
          }
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
        checkLimits(0);
        endField();
        column++;
        fieldColumn = column;
        fieldLine = line;
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += chunk.slice(start, i);
        checkLimits(0);
        endField();
        yield endRow();
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
        if (field.length > 0 || i > start) throw new CsvSyntaxError('A quote (") inside an unquoted cell; quote the whole cell and double the quote.', line, column);
        inQuotes = true;
        quoteLine = line;
        quoteColumn = column;
        column++;
        start = i + 1;
      } else {
        column++;
      }
    }
    checkLimits(chunk.length - start);
    field += chunk.slice(start);
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
