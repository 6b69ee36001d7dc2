/**
 * Quotes in reading order: by input file, then CSV row, then note before
 * evidence. Sorting on where a quote came from (never on when it was added)
 * keeps the report identical however the inputs were listed or globbed.
 */
import type { Quote } from './report.js';
import type { TalliedQuote } from './tally.js';

export function orderedQuotes(quotes: readonly TalliedQuote[]): Quote[] {
  return [...quotes].sort(compareQuotes).map((q) => q.quote);
}

function compareQuotes(a: TalliedQuote, b: TalliedQuote): number {
  return (
    compareText(a.file, b.file) ||
    a.row - b.row ||
    a.seq - b.seq ||
    // Only two answer sets with the very same source get this far (e.g. stdin twice).
    compareText(a.quote.by ?? '', b.quote.by ?? '') ||
    compareText(a.quote.text, b.quote.text)
  );
}

/** Code-unit order: the same on every machine, unlike a locale collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
