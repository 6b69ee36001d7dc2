/**
 * The scan worker's comparison of a batch's cells with the texts its columns have numbered, in
 * WebAssembly (cell-match.wat: what it compares, why, and how its memory is laid out). Here: the
 * module compiled once, the table of each column's texts by length kept in its memory as
 * cell-numbers.ts numbers them, and a batch's text and cells copied in and its numbers out.
 *
 * Measured on the bench's Google Forms rows (13 answer columns): the comparison took 22 ns a
 * cell in JavaScript and 6 ns here, copies included.
 */
import { Buffer } from 'node:buffer';
import { CELL_MATCH_WASM } from '../../generated/cell-match-wasm.js';

/** Texts of a length below this are in the table (cell-numbers.ts compares longer ones itself). */
export const MATCHED_LENGTHS = 64;
/** An entry of the table: the number, 4 bytes unused, 8 words of the text's bytes, 8 words of masks. */
const ENTRY = 136;
/** Bytes after the text: the comparison reads 64 bytes from a cell's start, whatever its length. */
const PADDING = 64;
const PAGE = 65536;

type Match = (rows: number, width: number, columns: number, table: number, index: number, place: number, text: number, starts: number, ends: number, quoted: number, cells: number, out: number, asks: number) => number;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module; null where WebAssembly is not to be had (`node --jitless`). */
function module(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(CELL_MATCH_WASM, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const align = (n: number) => (n + 7) & ~7;

/** The cells of a batch of rows, in place (scan-worker.ts): row r's first cell and count at 2r and 2r + 1 of `cells`. */
export interface BatchCells {
  readonly text: string;
  readonly rows: number;
  readonly cells: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: Uint8Array;
  /** Cells in starts, ends and quoted. */
  readonly cellCount: number;
}

export class CellMatcher {
  readonly #memory: WebAssembly.Memory;
  readonly #match: Match;
  readonly #columns: number;
  readonly #width: number;
  /** Where the columns' indexes and places are, and where a batch's regions start (after the table and them). */
  readonly #index: number;
  readonly #place: number;
  readonly #fixed: number;
  #bytes!: Buffer;
  #words!: Int32Array;

  /**
   * A matcher for text columns j = 0… at `indexes[j]` of a row, whose numbers go at `places[j]`
   * among a row's `width`; undefined where WebAssembly is not to be had (cell-numbers.ts then
   * compares in JavaScript).
   */
  static create(indexes: Int32Array, places: Int32Array, width: number): CellMatcher | undefined {
    const compiled = module();
    return compiled === null ? undefined : new CellMatcher(new WebAssembly.Instance(compiled), indexes, places, width);
  }

  private constructor(instance: WebAssembly.Instance, indexes: Int32Array, places: Int32Array, width: number) {
    this.#memory = instance.exports.memory as WebAssembly.Memory;
    this.#match = instance.exports.match as Match;
    this.#columns = indexes.length;
    this.#width = width;
    const table = this.#columns * MATCHED_LENGTHS * ENTRY;
    this.#index = table;
    this.#place = table + 4 * this.#columns;
    this.#fixed = align(this.#place + 4 * this.#columns);
    this.#ensure(this.#fixed);
    for (let j = 0; j < this.#columns; j++) for (let n = 0; n < MATCHED_LENGTHS; n++) this.#words[((j * MATCHED_LENGTHS + n) * ENTRY) >> 2] = -1;
    this.#words.set(indexes, this.#index >> 2);
    this.#words.set(places, this.#place >> 2);
  }

  #ensure(bytes: number): void {
    const have = this.#memory.buffer.byteLength;
    if (bytes > have) this.#memory.grow(Math.ceil((bytes - have) / PAGE));
    if (this.#bytes === undefined || this.#bytes.buffer !== this.#memory.buffer) {
      this.#bytes = Buffer.from(this.#memory.buffer);
      this.#words = new Int32Array(this.#memory.buffer);
    }
  }

  /**
   * Column j's one text of `length`, with `number`; `text` undefined when the column has none, or
   * several, or one that is not ASCII: its cells of that length are then left to the caller.
   */
  set(j: number, length: number, number: number, text: string | undefined): void {
    const entry = (j * MATCHED_LENGTHS + length) * ENTRY;
    const bytes = this.#bytes;
    bytes.fill(0, entry, entry + ENTRY);
    if (text === undefined) {
      this.#words[entry >> 2] = -1;
      return;
    }
    bytes.write(text, entry + 8, 'latin1');
    bytes.fill(0xff, entry + 72, entry + 72 + length);
    this.#words[entry >> 2] = number;
  }

  /**
   * Numbers the batch's cells that match a column's text into `into` (row r's at r * width +
   * place). Returns the cells left to the caller, as pairs of row and column j (valid until the
   * next call), or null when the text is not all ASCII (the caller then numbers every cell).
   */
  match(batch: BatchCells, into: Int32Array): Int32Array | null {
    const { text, rows, cellCount } = batch;
    const width = this.#width;
    const columns = this.#columns;
    let at = this.#fixed;
    const textAt = at;
    at = align(at + text.length + PADDING + 4);
    const starts = at;
    at += 4 * cellCount;
    const ends = at;
    at += 4 * cellCount;
    const quoted = at;
    at = align(at + cellCount);
    const cells = at;
    at += 8 * rows;
    const out = at;
    at += 4 * rows * width;
    const asks = at;
    at += 8 * rows * columns;
    this.#ensure(at);
    const bytes = this.#bytes;
    // Written as UTF-8 with room for one character more: as many bytes as characters only when every one is ASCII.
    if (bytes.write(text, textAt, text.length + 4, 'utf8') !== text.length) return null;
    bytes.fill(0, textAt + text.length, textAt + text.length + PADDING);
    const words = this.#words;
    words.set(batch.starts.subarray(0, cellCount), starts >> 2);
    words.set(batch.ends.subarray(0, cellCount), ends >> 2);
    bytes.set(batch.quoted.subarray(0, cellCount), quoted);
    words.set(batch.cells.subarray(0, 2 * rows), cells >> 2);
    const asked = this.#match(rows, width, columns, 0, this.#index, this.#place, textAt, starts, ends, quoted, cells, out, asks);
    into.set(words.subarray(out >> 2, (out >> 2) + rows * width));
    return words.subarray(asks >> 2, (asks >> 2) + 2 * asked);
  }
}
