/**
 * Quotes in reading order: by input file, then CSV row, then note before
 * evidence. Sorting on where a quote came from (never on when it was added)
 * keeps the report identical however the inputs were listed or globbed.
 */
import { compareCodePoints } from '../core/order.js';
import type { Quote } from './report.js';

/**
 * The quotes of an item (or the general comments) as they are tallied, with the keys that order
 * them kept beside them in arrays of their own rather than in an object per quote: a folder of a
 * hundred thousand answers files may hold as many quotes.
 */
export class QuoteList {
  readonly quotes: Quote[] = [];
  /** Per quote: its input file, its row there (0 for a whole file), its place within the respondent's answer. */
  readonly #files: string[] = [];
  readonly #rows: number[] = [];
  readonly #seqs: number[] = [];

  get length(): number {
    return this.quotes.length;
  }

  /** `seq`: 0 for an answer's note, 1.. for its evidence (or a comment's place in the list). */
  push(quote: Quote, file: string, row: number, seq: number): void {
    this.quotes.push(quote);
    this.#files.push(file);
    this.#rows.push(row);
    this.#seqs.push(seq);
  }

  /** The quotes in reading order. */
  ordered(): Quote[] {
    const { quotes } = this;
    const files = this.#files;
    const rows = this.#rows;
    const seqs = this.#seqs;
    const order = Array.from(quotes.keys()).sort(
      (a, b) =>
        compareCodePoints(files[a]!, files[b]!) ||
        rows[a]! - rows[b]! ||
        seqs[a]! - seqs[b]! ||
        // Only two answer sets with the very same source get this far (e.g. stdin twice).
        compareCodePoints(quotes[a]!.by ?? '', quotes[b]!.by ?? '') ||
        compareCodePoints(quotes[a]!.text, quotes[b]!.text) ||
        a - b,
    );
    return order.map((i) => quotes[i]!);
  }
}
