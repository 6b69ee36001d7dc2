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

import { Buffer } from 'node:buffer';
import { detached } from '../../core/detached.js';
import type { Delimiter } from './sniff-delimiter.js';

/** Longer rows go to the reference tokenizer: below this no limit of docs/file-formats.md ("Files") applies. */
export const FAST_ROW_LIMIT = 1 << 16;

/**
 * Cells longer than this are ended by a native search rather than a look at each character; in a
 * column whose last cell was longer, the search starts at once.
 */
const SHORT_CELL = 8;
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
  /**
   * Where the row's cells start in starts, ends and quoted: cell i is at `first + i`. Always 0 for
   * the scanner's own row; the rows of a scan worker's batch share one set of arrays
   * (scan-worker.ts), each row from its own place in them.
   */
  first = 0;
  /** Where the row starts in `text`, and whether a quoted cell of it holds a line break. */
  begin = 0;
  multiline = false;
  /** `text` as bytes when every character of it is ASCII (null when one is not), once asked for; undefined until then. */
  #bytes: DataView | null | undefined;

  /** The rows of a pass of the scanner point into `text`: its bytes are worked out anew when asked for. */
  setText(text: string): void {
    this.text = text;
    this.#bytes = undefined;
  }

  /**
   * `text` as bytes, one per character, when all its characters are ASCII; null otherwise. Made
   * once per pass over a piece of text, when first asked for: encoding a 64 kB piece natively
   * costs what a few hundred comparisons of strings do, and CellMemo compares thousands of its
   * cells a word at a time instead (sameWords).
   */
  asciiBytes(): DataView | null {
    if (this.#bytes !== undefined) return this.#bytes;
    const text = this.text;
    if (Buffer.byteLength(text, 'utf8') !== text.length) return (this.#bytes = null);
    const bytes = Buffer.from(text, 'latin1');
    return (this.#bytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** The 1-based line and column where cell i starts (its opening quote, if quoted). */
  position(i: number): { line: number; column: number } {
    const k = this.first + i;
    const at = this.quoted[k] === PLAIN ? this.starts[k]! : this.starts[k]! - 1;
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
    return this.quoted[this.first + i] === PLAIN;
  }

  /** The text of cell i, quotes undone; '' past the last cell. */
  cell(i: number): string {
    if (i >= this.count) return '';
    const k = this.first + i;
    const text = this.text.slice(this.starts[k], this.ends[k]);
    return this.quoted[k] === ESCAPED ? text.replaceAll('""', '"') : text;
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
 * What a cell's text gives (a score, a trimmed value), worked out once per distinct text: a
 * rating or role column holds a handful of texts over a million rows. Each column keeps its
 * recent texts and results, found by the cell's length (the labels of a scale rarely share one)
 * and compared in place, so a cell seen before is worked out no more and never cut out of the
 * text; and the result is the same object each time, so every map and comparison after it skips
 * hashing and comparing the text. Quoted cells are worked out anew.
 */
export class CellMemo<T> {
  /** What a text gives (the work the memo saves). */
  readonly compute: (text: string) => T;
  /** Per column: what it keeps; null once the column proved too varied to keep. */
  readonly #columns: Array<KeptTexts<T> | null> = [];
  #empty: { readonly result: T } | undefined;

  constructor(compute: (text: string) => T) {
    this.compute = compute;
  }

  get(row: ScannedRow, column: number): T {
    if (column >= row.count) return (this.#empty ??= { result: this.compute('') }).result;
    if (!row.plain(column)) return this.compute(row.cell(column));
    const start = row.starts[row.first + column]!;
    const end = row.ends[row.first + column]!;
    const length = end - start;
    const text = row.text;
    let kept = this.#columns[column];
    if (kept === null) return this.compute(text.slice(start, end));
    if (kept === undefined) this.#columns[column] = kept = { raws: [], results: [], byLength: new Int8Array(LENGTHS).fill(NONE), words: [], next: 0, looks: 0, hits: 0 };
    kept.looks++;
    const { raws } = kept;
    // The one kept text of the cell's length, compared in place: on the bytes of an ASCII piece a
    // word at a time, otherwise by endsWith, which needs no slice and beats a slice and string
    // equality (and startsWith, and a loop over the characters). Several texts of one length
    // (levels 1 to 5) are tried in turn.
    const only = length < LENGTHS ? kept.byLength[length]! : SEVERAL;
    if (only >= 0) {
      const words = kept.words[only];
      const bytes = words === undefined ? null : row.asciiBytes();
      if (bytes !== null ? sameWords(bytes, start, end, words!) : text.endsWith(raws[only]!, end)) {
        kept.hits++;
        return kept.results[only]!;
      }
    } else if (only === SEVERAL) {
      const raw = text.slice(start, end);
      for (let k = 0; k < raws.length; k++) {
        if (raws[k] === raw) {
          kept.hits++;
          return kept.results[k]!;
        }
      }
    }
    // What is kept is detached from the piece of text it was cut from (core/detached.ts).
    const raw = detached(text.slice(start, end));
    const result = this.compute(raw);
    if (kept.looks >= 256 && kept.hits * 2 < kept.looks) {
      // A column of names or timestamps: every text is new, so looking among the last few only costs.
      this.#columns[column] = null;
      return result;
    }
    if (raws.length < RESULTS_KEPT) {
      raws.push(raw);
      kept.results.push(result);
      kept.words.push(asciiWords(raw));
    } else {
      raws[kept.next] = raw;
      kept.results[kept.next] = result;
      kept.words[kept.next] = asciiWords(raw);
      kept.next = (kept.next + 1) % RESULTS_KEPT;
    }
    kept.byLength.fill(NONE);
    for (let k = 0; k < raws.length; k++) {
      const n = raws[k]!.length;
      if (n < LENGTHS) kept.byLength[n] = kept.byLength[n] === NONE ? k : SEVERAL;
    }
    return result;
  }
}

/** A column's recent cell texts and their results, and which of them has each length. */
interface KeptTexts<T> {
  readonly raws: string[];
  readonly results: T[];
  /** Per length below LENGTHS: the index of the one kept text of that length, NONE or SEVERAL. */
  readonly byLength: Int8Array;
  /** Per kept text: its bytes as asciiWords gives them, undefined when it is not ASCII. */
  readonly words: Array<Int32Array | undefined>;
  next: number;
  looks: number;
  hits: number;
}

/**
 * An ASCII text's bytes, four at a time (little-endian), for sameWords: the whole words from its
 * start, then, when its length is no multiple of four, the last four bytes (or, shorter than
 * four, each byte). Undefined for a text with a character outside ASCII.
 */
export function asciiWords(text: string): Int32Array | undefined {
  const n = text.length;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) > 0x7f) return undefined;
  if (n < 4) return Int32Array.from(text, (c) => c.charCodeAt(0));
  const word = (at: number) => text.charCodeAt(at) | (text.charCodeAt(at + 1) << 8) | (text.charCodeAt(at + 2) << 16) | (text.charCodeAt(at + 3) << 24);
  const whole = n >> 2;
  const words = new Int32Array(whole + (n % 4 === 0 ? 0 : 1));
  for (let k = 0; k < whole; k++) words[k] = word(4 * k);
  if (n % 4 !== 0) words[whole] = word(n - 4);
  return words;
}

/**
 * Whether `bytes` from `start` to `end` are the text asciiWords gave `words` for (of that
 * length): a word compared at a time, which beats any comparison of the characters of strings.
 */
export function sameWords(bytes: DataView, start: number, end: number, words: Int32Array): boolean {
  const n = end - start;
  if (n < 4) {
    for (let i = 0; i < n; i++) if (bytes.getUint8(start + i) !== words[i]) return false;
    return true;
  }
  const whole = n >> 2;
  for (let k = 0; k < whole; k++) if (bytes.getInt32(start + 4 * k, true) !== words[k]) return false;
  return n % 4 === 0 || bytes.getInt32(end - 4, true) === words[whole];
}

/** Lengths CellMemo indexes; longer texts are tried in turn, as several of one length are. */
const LENGTHS = 64;
const NONE = -1;
const SEVERAL = -2;

/** Distinct texts kept per column by CellMemo. */
const RESULTS_KEPT = 8;

/** A cell's text trimmed, undefined when blank: a respondent field's value as the readers store it. */
export function trimmedValue(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Where the scanner stopped: the text from the start of the row it did not read, and that row's line and number. */
interface ScanStop {
  readonly pieces: string[];
  readonly line: number;
  readonly row: number;
}

/**
 * `push` each piece of text, then `finish`. `onRow` gets every row in turn; returning `false`
 * pauses the scan after that row (a reader taking rows one at a time), until `resume`. Where a
 * reference tokenizer must read on, the scan stops for good and `stopped` says where.
 */
export class TableScanner {
  readonly delimiter: Delimiter;
  readonly #delimiter: number;
  readonly #onRow: (row: ScannedRow) => boolean | void;
  readonly #row = new ScannedRow();
  /** Per column (the first 256): whether its last cell was longer than SHORT_CELL. */
  readonly #longCells = new Uint8Array(256);
  /** The text not yet read (from the start of a row), as the pieces it arrived in. */
  #tail: string[] = [];
  #line = 1;
  #rows = 0;
  #first = true;
  /** The last row ended with a CR at the end of a piece: an LF starting the next one belongs to it. */
  #skipLF = false;
  #done = false;
  #final = false;
  #paused = false;
  stopped: ScanStop | undefined;

  constructor(delimiter: Delimiter, onRow: (row: ScannedRow) => boolean | void) {
    this.delimiter = delimiter;
    this.#delimiter = delimiter.charCodeAt(0);
    this.#onRow = onRow;
  }

  /** Whether more text is wanted: false once the text has ended or the scan stopped. */
  get open(): boolean {
    return !this.#done && !this.#final;
  }

  /** Whether the reader paused the scan: `resume` before anything else. */
  get paused(): boolean {
    return this.#paused;
  }

  push(piece: string): void {
    if (this.#paused) throw new Error('the scan is paused: resume it first');
    if (this.#done || this.#final || piece.length === 0) return;
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
    this.#scan();
  }

  /** The end of the text: the last row needs no line break. */
  finish(): void {
    if (this.#done || this.#final) return;
    this.#final = true;
    this.#scan();
  }

  /** Reads on after a pause, from the row after the one the reader paused at. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#scan();
  }

  #scan(): void {
    const final = this.#final;
    const text = this.#tail.length === 1 ? this.#tail[0]! : this.#tail.join('');
    const n = text.length;
    let pos = 0;
    // The positions #nearestEnd found hold for one forward pass over the text.
    this.#next.text = '';
    this.#row.setText(text);
    while (pos < n) {
      const end = this.#scanRow(text, pos, final);
      if (end === INCOMPLETE) break;
      if (end === STOP) return this.#stop(pos);
      if (this.#onRow(this.#row) === false && end < n) {
        this.#paused = true;
        this.#tail = rest(this.#tail, end);
        return;
      }
      pos = end;
    }
    if (final) {
      this.#done = true;
      this.#tail = [];
      return;
    }
    if (n - pos > FAST_ROW_LIMIT) return this.#stop(pos);
    this.#tail = pos === 0 ? this.#tail : rest(this.#tail, pos);
  }

  #stop(pos: number): void {
    this.stopped = { pieces: rest(this.#tail, pos), line: this.#line, row: this.#rows + 1 };
    this.#tail = [];
    this.#done = true;
  }

  /** Where the next delimiter, LF, CR and quote are (the text's length when none), in this forward pass over `text`. */
  #next = { text: '', delimiter: -1, lf: -1, cr: -1, quote: -1 };

  /** #next, for a pass over `text` (what it held for another text is forgotten). */
  #nextIn(text: string): { text: string; delimiter: number; lf: number; cr: number; quote: number } {
    const next = this.#next;
    if (next.text !== text) {
      next.text = text;
      next.delimiter = next.lf = next.cr = next.quote = -1;
    }
    return next;
  }

  /** The nearest delimiter, line break or quote at or after `from`. */
  #nearestEnd(text: string, from: number): number {
    const next = this.#nextIn(text);
    const n = text.length;
    if (next.delimiter < from) next.delimiter = found(text.indexOf(this.delimiter, from), n);
    if (next.lf < from) next.lf = found(text.indexOf('\n', from), n);
    if (next.cr < from) next.cr = found(text.indexOf('\r', from), n);
    if (next.quote < from) next.quote = found(text.indexOf('"', from), n);
    return Math.min(next.delimiter, next.lf, next.cr, next.quote);
  }

  /**
   * Where the row starting at `pos` ends (its LF or CR) when no quote comes before that and the
   * row is within FAST_ROW_LIMIT: the row is then its delimiters alone. -1 otherwise, and when
   * the text ends before a line break (the row may go on in the next piece).
   */
  #plainLineEnd(text: string, pos: number): number {
    const next = this.#nextIn(text);
    const n = text.length;
    if (next.lf < pos) next.lf = found(text.indexOf('\n', pos), n);
    if (next.cr < pos) next.cr = found(text.indexOf('\r', pos), n);
    const end = next.lf < next.cr ? next.lf : next.cr;
    if (end === n || end - pos > FAST_ROW_LIMIT) return -1;
    if (next.quote < pos) next.quote = found(text.indexOf('"', pos), n);
    return next.quote < end ? -1 : end;
  }

  /**
   * Reads a row whose cells are all unquoted, ended by the line break at `lineEnd` (most rows of
   * most exports): its end, past the line break. Only delimiters end its cells, so each is found
   * by one native search, however long or short the cell: over a million rows of labels, less
   * than half the time #scanRow's look at each character, or its four searches, take.
   */
  #scanPlainRow(text: string, pos: number, lineEnd: number, final: boolean): number {
    const n = text.length;
    const row = this.#row;
    const first = row.first;
    const next = this.#nextIn(text);
    let count = 0;
    let start = pos;
    for (;;) {
      if (next.delimiter < start) next.delimiter = found(text.indexOf(this.delimiter, start), n);
      const cellEnd = next.delimiter < lineEnd ? next.delimiter : lineEnd;
      if (first + count === row.starts.length) row.grow();
      row.starts[first + count] = start;
      row.ends[first + count] = cellEnd;
      row.quoted[first + count] = PLAIN;
      count++;
      if (cellEnd === lineEnd) break;
      start = cellEnd + 1;
    }
    let end = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === CR) {
      if (lineEnd + 1 < n) end = text.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;
      else if (!final) this.#skipLF = true;
    }
    row.count = count;
    row.line = this.#line;
    row.begin = pos;
    row.multiline = false;
    row.row = ++this.#rows;
    this.#line++;
    return end;
  }

  /**
   * Reads the row starting at `pos`: its end (past its line break), INCOMPLETE when the text ends
   * inside it and more may come, or STOP where a reference tokenizer must take over.
   */
  #scanRow(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const d = this.#delimiter;
    const row = this.#row;
    const lineEnd = this.#plainLineEnd(text, pos);
    if (lineEnd >= 0) return this.#scanPlainRow(text, pos, lineEnd, final);
    const longCells = this.#longCells;
    const first = row.first;
    const limit = pos + FAST_ROW_LIMIT;
    let line = this.#line;
    let count = 0;
    let i = pos;
    let end = -1;
    let nextLF = -1;
    for (;;) {
      if (first + count === row.starts.length) row.grow();
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
        row.starts[first + count] = i + 1;
        row.ends[first + count] = close;
        row.quoted[first + count] = kind;
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
        // A short cell (a level, a code) is ended by a look at each character; a long one (a
        // label, a timestamp) by the native search for the nearest delimiter, line break or quote.
        // A column whose last cell was long (labels, timestamps) goes straight to the native search.
        const long = count < longCells.length && longCells[count] === 1;
        let j = i;
        c = 0;
        const short = long ? i : i + SHORT_CELL < n ? i + SHORT_CELL : n;
        while (j < short) {
          c = text.charCodeAt(j);
          if (c === d || c === LF || c === CR || c === QUOTE) break;
          j++;
        }
        if (j === short && j < n) {
          j = this.#nearestEnd(text, j);
          c = j < n ? text.charCodeAt(j) : 0;
        }
        if (j > limit) return STOP;
        if (count < longCells.length) longCells[count] = j - i > SHORT_CELL ? 1 : 0;
        row.starts[first + count] = i;
        row.ends[first + count] = j;
        row.quoted[first + count] = PLAIN;
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
    this.#line = line + 1;
    // A row that ends the text without a line break is the last: the line count no longer matters.
    return end;
  }
}

const found = (at: number, none: number): number => (at < 0 ? none : at);

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
 * from that row on (a pause is resumed at once). Undefined when the scan reached the end.
 * `afterPiece` runs once each piece is scanned, and is waited for (the scan worker posts the
 * piece's rows there).
 */
export async function scanText(source: AsyncIterable<string> | Iterable<string>, scanner: TableScanner, afterPiece?: () => Promise<void>): Promise<{ readonly text: AsyncIterable<string>; readonly line: number; readonly row: number } | undefined> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source);
  for (;;) {
    while (scanner.paused) scanner.resume();
    if (!scanner.open) break;
    const next = await iterator.next();
    if (next.done) scanner.finish();
    else scanner.push(next.value);
    if (afterPiece) await afterPiece();
    if (next.done) break;
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
