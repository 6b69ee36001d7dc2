/**
 * Quotes in reading order: by input file, then CSV row, then note before
 * evidence. Sorting on where a quote came from (never on when it was added)
 * keeps the report identical however the inputs were listed or globbed.
 */
import { compareCodePoints } from '../core/order.js';
import type { Quote } from './report.js';
import type { TalliedQuote } from './tally.js';

export function orderedQuotes(quotes: readonly TalliedQuote[]): Quote[] {
  return [...quotes].sort(compareQuotes).map((q) => q.quote);
}

function compareQuotes(a: TalliedQuote, b: TalliedQuote): number {
  return (
    compareCodePoints(a.file, b.file) ||
    a.row - b.row ||
    a.seq - b.seq ||
    // Only two answer sets with the very same source get this far (e.g. stdin twice).
    compareCodePoints(a.quote.by ?? '', b.quote.by ?? '') ||
    compareCodePoints(a.quote.text, b.quote.text)
  );
}
