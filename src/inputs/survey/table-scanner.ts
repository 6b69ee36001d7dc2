/**
 * The fast reading of a delimited table: the rows of an export found in place, each cell an
 * offset pair into the text, with no string, array or promise per row. A reader asks a row for
 * the cells it needs (an answer cell is read from its characters; a name becomes a string only
 * when something uses it) and builds the reference tokenizers' row only for the rare row that
 * needs their general handling.
 *
 * It reads what the reference tokenizers (svcaudit-csv/csv-rows.ts, csv-tokenizer.ts) read, row
 * for row, with the same lines and columns: RFC 4180 quoting, doubled quotes, line breaks inside
 * quotes, LF, CRLF or CR between rows, a byte-order mark at the very start. Where a reference
 * would report a problem (a stray quote, text after a closing quote, a quote never closed) or a
 * limit could be reached (a row longer than FAST_ROW_LIMIT), it stops at the start of that row
 * and hands the rest of the text, in the pieces it arrived in, to the reference tokenizer, which
 * then reads and reports it exactly as it would have (tests/property/table-scanner.test.ts holds
 * the two to the same rows).
 */

/** Longer rows go to the reference tokenizer: below this no limit of docs/file-formats.md ("Files") applies. */
export const FAST_ROW_LIMIT = 1 << 16;

const QUOTE = 34;
const CR = 13;
const LF = 10;
const INCOMPLETE = -1;
const STOP = -2;

/** Cell kinds in ScannedRow.quoted. */
const PLAIN = 0;
const QUOTED = 1;
/** Quoted, with doubled quotes inside to undo. */
const ESCAPED = 2;

/** One row, in place: valid until the callback it is handed to returns. */
export class ScannedRow {
  /** 1-based line where the row starts. */
  line = 1;
  /** 1-based row number (a cell with line breaks is still one row), as a spreadsheet shows it. */
  row = 0;
  /** Number of cells. */
  count = 0;
  /** The text the offsets point into. */
  text = '';
  /** Per cell: its text is `text.slice(starts[i], ends[i])` (inside the quotes of a quoted cell). */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** Per cell: PLAIN, QUOTED or ESCAPED (quoted with doubled quotes inside). */
  quoted = new Uint8Array(32);
  /** Where the row starts in `text`, and whether a quoted cell of it holds a line break. */
  begin = 0;
  multiline = false;

  /** The 1-based line and column where cell i starts (its opening quote, if quoted). */
  position(i: number): { line: number; column: number } {
    const at = this.quoted[i] === PLAIN ? this.starts[i]! : this.starts[i]! - 1;
    if (!this.multiline) return { line: this.line, column: at - this.begin + 1 };
    let line = this.line;
    let lineStart = this.begin;
    for (let nl = this.text.indexOf('\n', this.begin); nl >= 0 && nl < at; nl = this.text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    return { line, column: at - lineStart + 1 };
  }

  /** Whether cell i is unquoted: its characters are the cell's text. */
  plain(i: number): boolean {
    return this.quoted[i] === PLAIN;
  }

  /** The text of cell i, quotes undone; '' past the last cell. */
  cell(i: number): string {
    if (i >= this.count) return '';
    const text = this.text.slice(this.starts[i], this.ends[i]);
    return this.quoted[i] === ESCAPED ? text.replaceAll('""', '"') : text;
  }

  /** Every cell's text. */
  cells(): string[] {
    const cells = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) cells[i] = this.cell(i);
    return cells;
  }

  /** The row as the reference tokenizers give it. */
  toRow(): { line: number; cells: string[]; lines: number[]; columns: number[] } {
    const lines = new Array<number>(this.count);
    const columns = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) {
      const at = this.position(i);
      lines[i] = at.line;
      columns[i] = at.column;
    }
    return { line: this.line, cells: this.cells(), lines, columns };
  }

  grow(): void {
    const size = this.starts.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.starts = more(this.starts, (n) => new Int32Array(n));
    this.ends = more(this.ends, (n) => new Int32Array(n));
    this.quoted = more(this.quoted, (n) => new Uint8Array(n));
  }
}

/**
 * A respondent cell's value, trimmed (undefined when blank), as one string object per distinct
 * text: a role or team column holds a few values over a million rows, and handing the same
 * object back lets every map and comparison after it skip hashing and comparing the text.
 */
export class CellValues {
  /** Per column: recent cell texts and their values, tried in turn. */
  readonly #columns: Array<Array<{ readonly raw: string; readonly value: string | undefined }>> = [];
  readonly #next: number[] = [];

  value(row: ScannedRow, column: number): string | undefined {
    if (column >= row.count) return undefined;
    const start = row.starts[column]!;
    const length = row.ends[column]! - start;
    const plain = row.plain(column);
    const seen = (this.#columns[column] ??= []);
    if (plain) {
      for (const entry of seen) if (entry.raw.length === length && row.text.startsWith(entry.raw, start)) return entry.value;
    }
    const raw = row.cell(column);
    const trimmed = raw.trim();
    const value = trimmed === '' ? undefined : trimmed;
    if (plain) {
      const entry = { raw, value };
      if (seen.length < VALUES_KEPT) seen.push(entry);
      else {
        // Round robin: a column of names replaces its entries row by row, a column of roles keeps them.
        const next = this.#next[column] ?? 0;
        seen[next] = entry;
        this.#next[column] = (next + 1) % VALUES_KEPT;
      }
    }
    return value;
  }
}

/** Distinct texts kept per column by CellValues. */
const VALUES_KEPT = 8;

/** Where the scanner stopped: the text from the start of the row it did not read, and that row's line and number. */
interface ScanStop {
  readonly pieces: string[];
  readonly line: number;
  readonly row: number;
}

/**
 * `push` each piece of text, then `finish`. `onRow` gets every row in turn; returning `false`
 * stops the scan (the reader needs no more rows). After a stop the scanner takes no more text:
 * `stopped` says where it stopped, or nothing when the reader asked it to.
 */
export class TableScanner {
  readonly #delimiter: number;
  readonly #onRow: (row: ScannedRow) => boolean | void;
  readonly #row = new ScannedRow();
  /** The text not yet read (from the start of a row), as the pieces it arrived in. */
  #tail: string[] = [];
  #line = 1;
  #rows = 0;
  #first = true;
  /** The last row ended with a CR at the end of a piece: an LF starting the next one belongs to it. */
  #skipLF = false;
  #done = false;
  stopped: ScanStop | undefined;

  constructor(delimiter: string, onRow: (row: ScannedRow) => boolean | void) {
    this.#delimiter = delimiter.charCodeAt(0);
    this.#onRow = onRow;
  }

  /** Whether more text is wanted: false once the scan stopped, for either reason. */
  get open(): boolean {
    return !this.#done;
  }

  push(piece: string): void {
    if (this.#done || piece.length === 0) return;
    if (this.#first) {
      this.#first = false;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1); // a byte-order mark, as the reference tokenizers drop it
    }
    if (this.#skipLF) {
      this.#skipLF = false;
      if (piece.charCodeAt(0) === LF) piece = piece.slice(1);
    }
    if (piece.length === 0) return;
    this.#tail.push(piece);
    this.#scan(false);
  }

  finish(): void {
    if (this.#done) return;
    this.#scan(true);
    this.#done = true;
  }

  #scan(final: boolean): void {
    const text = this.#tail.length === 1 ? this.#tail[0]! : this.#tail.join('');
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const end = this.#scanRow(text, pos, final);
      if (end === INCOMPLETE) break;
      if (end === STOP) return this.#stop(pos);
      if (this.#onRow(this.#row) === false) {
        this.#done = true;
        this.#tail = [];
        return;
      }
      pos = end;
    }
    if (n - pos > FAST_ROW_LIMIT) return this.#stop(pos);
    this.#tail = pos === 0 ? this.#tail : rest(this.#tail, pos);
  }

  #stop(pos: number): void {
    this.stopped = { pieces: rest(this.#tail, pos), line: this.#line, row: this.#rows + 1 };
    this.#tail = [];
    this.#done = true;
  }

  /**
   * Reads the row starting at `pos`: its end (past its line break), INCOMPLETE when the text ends
   * inside it and more may come, or STOP where a reference tokenizer must take over.
   */
  #scanRow(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const d = this.#delimiter;
    const row = this.#row;
    const limit = pos + FAST_ROW_LIMIT;
    let line = this.#line;
    let count = 0;
    let i = pos;
    let end = -1;
    let nextLF = -1;
    for (;;) {
      if (count === row.starts.length) row.grow();
      let c: number;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let kind = QUOTED;
        let j = i + 1;
        let close: number;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return final || n - pos > FAST_ROW_LIMIT ? STOP : INCOMPLETE; // never closed, or not yet
          if (q > limit) return STOP;
          if (q + 1 === n && !final) return INCOMPLETE; // maybe the first half of `""`
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            kind = ESCAPED;
            j = q + 2;
            continue;
          }
          close = q;
          break;
        }
        // Line breaks inside the quotes: the next one is looked up once per row, not once per cell.
        if (nextLF < i) nextLF = lineBreakFrom(text, i);
        while (nextLF < close) {
          line++;
          nextLF = lineBreakFrom(text, nextLF + 1);
        }
        row.starts[count] = i + 1;
        row.ends[count] = close;
        row.quoted[count] = kind;
        count++;
        i = close + 1;
        if (i === n) {
          if (!final) return INCOMPLETE;
          end = n;
          break;
        }
        c = text.charCodeAt(i);
        if (c !== d && c !== LF && c !== CR) return STOP; // text after the closing quote
      } else {
        let j = i;
        c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === d || c === LF || c === CR || c === QUOTE) break;
          j++;
        }
        if (j > limit) return STOP;
        row.starts[count] = i;
        row.ends[count] = j;
        row.quoted[count] = PLAIN;
        count++;
        if (j === n) {
          if (!final) return INCOMPLETE;
          end = n;
          break;
        }
        if (c === QUOTE) return STOP; // a quote inside an unquoted cell
        i = j;
      }
      if (c === d) {
        i++;
        continue;
      }
      // A line break ends the row: LF, CR, or CR LF.
      if (c === CR) {
        if (i + 1 < n) end = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        else if (final) end = n;
        else {
          end = n;
          this.#skipLF = true;
        }
      } else end = i + 1;
      break;
    }
    row.count = count;
    row.line = this.#line;
    row.begin = pos;
    row.multiline = line !== this.#line;
    row.row = ++this.#rows;
    row.text = text;
    this.#line = line + 1;
    // A row that ends the text without a line break is the last: the line count no longer matters.
    return end;
  }
}

/** The next LF at or after `from`, or the text's length when there is none. */
function lineBreakFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/** The pieces from offset `pos` of their concatenation on. */
function rest(pieces: readonly string[], pos: number): string[] {
  const out: string[] = [];
  let skip = pos;
  for (const piece of pieces) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    out.push(skip > 0 ? piece.slice(skip) : piece);
    skip = 0;
  }
  return out;
}

/**
 * Scans an async source of text to its end, or to where the scanner stopped: then the rest of the
 * text (what it had not read, and every piece not yet pulled), for a reference tokenizer to read
 * from that row on. Undefined when the scan reached the end or the reader asked it to stop.
 */
export async function scanText(source: AsyncIterable<string> | Iterable<string>, scanner: TableScanner): Promise<{ readonly text: AsyncIterable<string>; readonly line: number; readonly row: number } | undefined> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source);
  for (;;) {
    if (!scanner.open) break;
    const next = await iterator.next();
    if (next.done) {
      scanner.finish();
      break;
    }
    scanner.push(next.value);
  }
  const stop = scanner.stopped;
  if (stop === undefined) return undefined;
  async function* remaining(): AsyncGenerator<string> {
    yield* stop!.pieces;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { text: remaining(), line: stop.line, row: stop.row };
}

async function* toAsync(source: Iterable<string>): AsyncGenerator<string> {
  yield* source;
}
