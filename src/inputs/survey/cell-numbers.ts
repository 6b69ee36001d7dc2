/**
 * The scan worker's numbering of cell texts (scan-worker.ts, scan-protocol.ts): per column, each
 * distinct text a number, in the order the texts first come. A rating or role column holds a
 * handful of texts over a million rows, so a cell is found among the column's texts in place: by
 * its length (the labels of a scale rarely share one) and then its bytes, never cut out of the
 * piece of text it is in. A batch's cells of a length one text has are compared in WebAssembly
 * (cell-match.ts), the rest here. A date column's cells are numbered by their date (dates.ts,
 * dateKey), as survey-answer-rows.ts reads them, so a column of timestamps holds the dates of the
 * fieldwork.
 */
import { CellMatcher, MATCHED_LENGTHS, type BatchCells } from './cell-match.js';
import { dateKey, onDayOf } from './dates.js';
import { BLANK_DATE, NUMBERED_TEXTS, readMeta, UNNUMBERED, type NumberedColumn, type RowsInPlace } from './scan-protocol.js';
import { asciiWords, sameWords, ScannedRow } from './table-scanner.js';

/** Lengths found by the table; longer texts by their text. The WebAssembly table holds the same. */
const LENGTHS = MATCHED_LENGTHS;
const NONE = -1;
const SEVERAL = -2;

/** One column's texts and their numbers. */
class ColumnNumbers {
  readonly #numbers = new Map<string, number>();
  /** Per length below LENGTHS: the number of the one text of that length, NONE or SEVERAL. */
  readonly #byLength = new Int32Array(LENGTHS).fill(NONE);
  /** Per number: its text's characters four bytes at a time (table-scanner.ts, asciiWords), when they are all ASCII. */
  readonly #words: Array<Int32Array | undefined> = [];
  readonly #texts: string[] = [];
  /** Texts numbered since `fresh` was last taken. */
  #fresh: string[] = [];
  /** Texts met once the column was full: past NUMBERED_TEXTS of them, the column is numbered no more. */
  #past = 0;
  givenUp = false;
  /** Told of each length whose one text changes: the text when its cells can be compared by their bytes, else undefined. */
  onLength: ((length: number, number: number, text: string | undefined) => void) | undefined;

  /**
   * The number of the row's cell `column`, found in place where it can be: a plain cell of a
   * length only one of the column's texts has is compared with it (`bytes`, the row's text as
   * ASCII bytes, when there are some). Once the column is given up, that comparison alone.
   */
  of(row: ScannedRow, column: number, bytes: DataView | null): number {
    if (column >= row.count || !row.plain(column)) return this.givenUp ? UNNUMBERED : this.number(row.cell(column));
    const start = row.starts[row.first + column]!;
    const end = row.ends[row.first + column]!;
    const length = end - start;
    const only = length < LENGTHS ? this.#byLength[length]! : SEVERAL;
    if (only >= 0) {
      const words = this.#words[only];
      if (words !== undefined && bytes !== null ? sameWords(bytes, start, end, words) : row.text.endsWith(this.#texts[only]!, end)) return only;
    }
    if (this.givenUp) return UNNUMBERED;
    if (only === NONE && this.#numbers.size >= NUMBERED_TEXTS) return this.#met();
    return this.number(row.text.slice(start, end));
  }

  /** The number of a text, numbering it if it is new and the column is not full. */
  number(text: string): number {
    const known = this.#numbers.get(text);
    if (known !== undefined) return known;
    if (this.#numbers.size >= NUMBERED_TEXTS) return this.#met();
    const number = this.#texts.length;
    this.#numbers.set(text, number);
    this.#texts.push(text);
    this.#fresh.push(text);
    const words = asciiWords(text);
    this.#words.push(words);
    if (text.length < LENGTHS) {
      const one = this.#byLength[text.length] === NONE;
      this.#byLength[text.length] = one ? number : SEVERAL;
      this.onLength?.(text.length, number, one && words !== undefined ? text : undefined);
    }
    return number;
  }

  /** The texts numbered since the last call. */
  fresh(): string[] {
    const fresh = this.#fresh;
    this.#fresh = [];
    return fresh;
  }

  #met(): number {
    if (++this.#past >= NUMBERED_TEXTS) this.givenUp = true;
    return UNNUMBERED;
  }
}

/** A date column's numbers: those of the dates its cells hold. */
class DateNumbers {
  readonly #dates = new ColumnNumbers();
  /** The last timestamp's date and its number: a timestamp on the same day is known by its first characters. */
  #last: { readonly key: string; readonly number: number } | undefined;

  get givenUp(): boolean {
    return this.#dates.givenUp;
  }

  of(row: ScannedRow, column: number): number {
    const last = this.#last;
    // A timestamp on the last one's day, read in place, as survey-answer-rows.ts's #sameDay reads it.
    if (last !== undefined && column < row.count && row.plain(column) && onDayOf(last.key, row.text, row.starts[row.first + column]!, row.ends[row.first + column]!)) return last.number;
    const trimmed = row.cell(column).trim();
    if (trimmed === '') return BLANK_DATE;
    const key = dateKey(trimmed);
    const number = this.#dates.number(key);
    if (key !== trimmed && number !== UNNUMBERED) this.#last = { key, number };
    return number;
  }

  fresh(): string[] {
    return this.#dates.fresh();
  }
}

/** The numbers of the columns a reader asked for, a batch of rows at a time. */
export class CellNumbers {
  readonly columns: readonly NumberedColumn[];
  readonly #numbers: ReadonlyArray<ColumnNumbers | DateNumbers>;
  /** The text columns' places among `columns`, their indexes and their numbers, and the date columns' alike. */
  readonly #textPlaces: Int32Array;
  readonly #textIndexes: Int32Array;
  readonly #texts: readonly ColumnNumbers[];
  readonly #datePlaces: Int32Array;
  readonly #dateIndexes: Int32Array;
  readonly #dates: readonly DateNumbers[];
  /** The comparison of a batch's cells in WebAssembly; undefined without it. */
  readonly #matcher: CellMatcher | undefined;
  /** One row of a batch at a time, in place. */
  readonly #row = new ScannedRow();
  /** Each row's first cell and count, side by side, for the matcher. */
  #cells = new Int32Array(1024);

  /** `inWebAssembly`: false to compare every cell here (for the tests that hold the two ways to the same numbers). */
  constructor(columns: readonly NumberedColumn[], inWebAssembly = true) {
    this.columns = columns;
    this.#numbers = columns.map((column) => (column.date ? new DateNumbers() : new ColumnNumbers()));
    const places = (date: boolean) => columns.flatMap((column, k) => (column.date === date ? [k] : []));
    this.#textPlaces = Int32Array.from(places(false));
    this.#textIndexes = this.#textPlaces.map((k) => columns[k]!.index);
    this.#texts = Array.from(this.#textPlaces, (k) => this.#numbers[k] as ColumnNumbers);
    this.#datePlaces = Int32Array.from(places(true));
    this.#dateIndexes = this.#datePlaces.map((k) => columns[k]!.index);
    this.#dates = Array.from(this.#datePlaces, (k) => this.#numbers[k] as DateNumbers);
    const matcher = inWebAssembly && this.#texts.length > 0 ? CellMatcher.create(this.#textIndexes, this.#textPlaces, columns.length) : undefined;
    this.#matcher = matcher;
    if (matcher !== undefined) this.#texts.forEach((column, j) => (column.onLength = (length, number, text) => matcher.set(j, length, number, text)));
  }

  /**
   * The numbers of a batch's numbered cells (scan-worker.ts), row r's from r * columns.length in
   * `into` (UNNUMBERED for a cell of a column given up). The cells the matcher leaves, and all of
   * them when it is not to be had or the text is not ASCII, are numbered here, row after row, so
   * each column numbers its texts in the order they come as it would one row at a time.
   */
  numberRows(batch: RowsInPlace, into: Int32Array): void {
    const row = this.#row;
    row.setText(batch.text);
    row.starts = batch.starts;
    row.ends = batch.ends;
    row.quoted = batch.quoted;
    if (this.#texts.length > 0) this.#numberTextCells(batch, into);
    if (this.#dates.length > 0) this.#numberDateCells(batch, into);
  }

  #numberTextCells(batch: RowsInPlace, into: Int32Array): void {
    const width = this.columns.length;
    const row = this.#row;
    const asks = this.#matcher === undefined ? null : this.#matcher.match(this.#batchCells(batch), into);
    if (asks === null) {
      for (let r = 0; r < batch.rows; r++) {
        readMeta(batch.meta, r, row);
        this.#numberTexts(row, into, r * width);
      }
      return;
    }
    const texts = this.#texts;
    for (let q = 0; q < asks.length; q += 2) {
      const r = asks[q]!;
      const j = asks[q + 1]!;
      readMeta(batch.meta, r, row);
      into[r * width + this.#textPlaces[j]!] = texts[j]!.of(row, this.#textIndexes[j]!, null);
    }
  }

  #numberDateCells(batch: RowsInPlace, into: Int32Array): void {
    const width = this.columns.length;
    const row = this.#row;
    const dates = this.#dates;
    for (let r = 0; r < batch.rows; r++) {
      readMeta(batch.meta, r, row);
      for (let j = 0; j < dates.length; j++) {
        const column = dates[j]!;
        into[r * width + this.#datePlaces[j]!] = column.givenUp ? UNNUMBERED : column.of(row, this.#dateIndexes[j]!);
      }
    }
  }

  /** The batch as the matcher takes it: each row's first cell and count side by side. */
  #batchCells(batch: RowsInPlace): BatchCells {
    if (this.#cells.length < 2 * batch.rows) this.#cells = new Int32Array(4 * batch.rows);
    const cells = this.#cells;
    const row = this.#row;
    let cellCount = 0;
    for (let r = 0; r < batch.rows; r++) {
      readMeta(batch.meta, r, row);
      cells[2 * r] = row.first;
      cells[2 * r + 1] = row.count;
      cellCount = row.first + row.count;
    }
    return { text: batch.text, rows: batch.rows, cells, starts: batch.starts, ends: batch.ends, quoted: batch.quoted, cellCount };
  }

  /** The numbers of one row's text cells, into `into` from `at`. */
  #numberTexts(row: ScannedRow, into: Int32Array, at: number): void {
    const bytes = row.asciiBytes();
    const texts = this.#texts;
    for (let j = 0; j < texts.length; j++) into[at + this.#textPlaces[j]!] = texts[j]!.of(row, this.#textIndexes[j]!, bytes);
  }

  /** Per column, the texts numbered since the last call, in number order. */
  fresh(): string[][] {
    return this.#numbers.map((column) => column.fresh());
  }
}
