/**
 * Quotes in reading order: by input file, then CSV row, then note before
 * evidence. Sorting on where a quote came from (never on when it was added)
 * keeps the report identical however the inputs were listed or globbed.
 */
import { compareCodePoints } from '../core/order.js';
import { ChunkedList } from '../core/chunked-list.js';
import type { Quote } from './report.js';

/**
 * The quotes of an item (or the general comments) as they are tallied, with the keys that order
 * them kept beside them in lists of their own rather than in an object per quote: a folder of a
 * hundred thousand answers files may hold as many quotes. The lists grow by chunks, so none is
 * copied (and its outgrown copy left behind) as it grows.
 */
export class QuoteList {
  readonly #quotes = new ChunkedList<Quote>();
  /** Per quote: its input file, its row there (0 for a whole file), its place within the respondent's answer. */
  readonly #files = new ChunkedList<string>();
  readonly #rows = new ChunkedList<number>();
  readonly #seqs = new ChunkedList<number>();

  get length(): number {
    return this.#quotes.length;
  }

  /** `seq`: 0 for an answer's note, 1.. for its evidence (or a comment's place in the list). */
  push(quote: Quote, file: string, row: number, seq: number): void {
    this.#quotes.push(quote);
    this.#files.push(file);
    this.#rows.push(row);
    this.#seqs.push(seq);
  }

  /** The quotes in reading order. */
  ordered(): Quote[] {
    const quotes = this.#quotes;
    const files = this.#files;
    const rows = this.#rows;
    const seqs = this.#seqs;
    const order = Array.from({ length: quotes.length }, (_, i) => i).sort(
      (a, b) =>
        compareCodePoints(files.at(a), files.at(b)) ||
        rows.at(a) - rows.at(b) ||
        seqs.at(a) - seqs.at(b) ||
        // Only two answer sets with the very same source get this far (e.g. stdin twice).
        compareCodePoints(quotes.at(a).by ?? '', quotes.at(b).by ?? '') ||
        compareCodePoints(quotes.at(a).text, quotes.at(b).text) ||
        a - b,
    );
    return order.map((i) => quotes.at(i));
  }
}
