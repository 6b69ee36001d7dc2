/**
 * Quotes in reading order: by input file, then CSV row, then note before
 * evidence. Sorting on where a quote came from (never on when it was added)
 * keeps the report identical however the inputs were listed or globbed.
 *
 * Kept as columns, not as an object per quote: a folder of a hundred thousand answers files may
 * hold as many quotes, and each object and string would live through every young collection
 * until the report's end (core/text-column.ts). A report reads them back one at a time, as it
 * writes them out (core/sequence.ts).
 */
import { compareCodePoints } from '../core/order.js';
import { ChunkedFloat64, type ChunkedList } from '../core/chunked-list.js';
import { LazySequence } from '../core/sequence.js';
import { TextColumn } from '../core/text-column.js';
import { sourceOrder } from './source-order.js';
import type { Comment, Quote } from './report.js';

/**
 * Who said it and where, once per respondent quoted, shared by the quotes of all items: the
 * attribution, the entry of its file among the tally's source files, its row there (-1 for a
 * whole file), and its source text only when that is not the file or `file:row` itself.
 */
export class QuoteOrigins {
  readonly #files: ChunkedList<string>;
  readonly #by = new TextColumn();
  /** The few sources that are not their file or `file:row` as written here, by origin. */
  readonly #sources = new Map<number, string>();
  /** Per origin: its file's entry and its row (a double: a row is any whole number splitSource reads). */
  readonly #where = new ChunkedFloat64();

  /** `files`: the tally's source files, one entry per run of respondents from one file. */
  constructor(files: ChunkedList<string>) {
    this.#files = files;
  }

  /** An origin for a respondent of file entry `fileEntry`; returns its index. */
  add(by: string | undefined, source: string, fileEntry: number, row: number): number {
    const file = this.#files.at(fileEntry);
    // `file:row` as splitSource read it; a row written otherwise (`:007`) is kept as it was.
    const plain = row < 0 ? source === file : source.length === file.length + 1 + String(row).length;
    const origin = this.#by.push(by);
    if (!plain) this.#sources.set(origin, source);
    this.#where.push(fileEntry);
    this.#where.push(row);
    return origin;
  }

  by(origin: number): string | undefined {
    return this.#by.at(origin);
  }

  source(origin: number): string {
    const kept = this.#sources.get(origin);
    if (kept !== undefined) return kept;
    const file = this.#files.at(this.#where.at(2 * origin));
    const row = this.row(origin);
    return row < 0 ? file : `${file}:${row}`;
  }

  /** The origin's row (-1 for a whole file). */
  row(origin: number): number {
    return this.#where.at(2 * origin + 1);
  }

  /** Per origin, the place of its file in code-point order of the file names (the same file, the same place). */
  fileRanks(): (origin: number) => number {
    const { rank } = sourceOrder(this.#files);
    return (origin) => rank[this.#where.at(2 * origin)]!;
  }
}

/** The quotes of an item (or the general comments) as they are tallied. */
export class QuoteList {
  readonly #origins: QuoteOrigins;
  readonly #texts = new TextColumn();
  /** Per quote: its origin, and its place within the respondent's answer times two plus 1 for evidence. */
  readonly #keys = new ChunkedFloat64();

  constructor(origins: QuoteOrigins) {
    this.#origins = origins;
  }

  get length(): number {
    return this.#texts.length;
  }

  /** `seq`: 0 for an answer's note, 1.. for its evidence (or a comment's place in the list). */
  push(origin: number, kind: Quote['kind'], text: string, seq: number): void {
    this.#texts.push(text);
    this.#keys.push(origin);
    this.#keys.push(seq * 2 + (kind === 'evidence' ? 1 : 0));
  }

  /** The quotes in reading order, each made as it is read. */
  ordered(): LazySequence<Quote> {
    return this.#read((by, evidence, text, source) => ({ by, kind: evidence ? 'evidence' : 'note', text, source }));
  }

  /** The list read as general comments, in reading order. */
  orderedComments(): LazySequence<Comment> {
    return this.#read((by, _evidence, text, source) => ({ by, text, source }));
  }

  /** The entries in reading order, each made by `make` from its columns when it is read. */
  #read<T>(make: (by: string | undefined, evidence: boolean, text: string, source: string) => T): LazySequence<T> {
    const order = this.#order();
    const origins = this.#origins;
    return new LazySequence(order.length, (i) => {
      const q = order[i]!;
      const origin = this.#origin(q);
      return make(origins.by(origin), this.#keys.at(2 * q + 1) % 2 === 1, this.#texts.at(q)!, origins.source(origin));
    });
  }

  #origin(quote: number): number {
    return this.#keys.at(2 * quote);
  }

  #order(): Int32Array {
    const origins = this.#origins;
    const keys = this.#keys;
    const texts = this.#texts;
    const fileRank = origins.fileRanks();
    return Int32Array.from({ length: this.length }, (_, i) => i).sort((a, b) => {
      const oa = this.#origin(a);
      const ob = this.#origin(b);
      return (
        fileRank(oa) - fileRank(ob) ||
        origins.row(oa) - origins.row(ob) ||
        Math.floor(keys.at(2 * a + 1) / 2) - Math.floor(keys.at(2 * b + 1) / 2) ||
        // Only two answer sets with the very same source get this far (e.g. stdin twice).
        compareCodePoints(origins.by(oa) ?? '', origins.by(ob) ?? '') ||
        compareCodePoints(texts.at(a)!, texts.at(b)!) ||
        a - b
      );
    });
  }
}
