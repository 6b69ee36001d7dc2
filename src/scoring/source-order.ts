/**
 * The tally's source files in code-point order of their names, for the report's sources and the
 * order of its quotes: a file met in more than one run of respondents (stdin twice) is one source.
 */
import type { ChunkedList } from '../core/chunked-list.js';
import { compareCodePoints } from '../core/order.js';

interface SourceOrder {
  /** The file entries, by name, then in the order they were met. */
  readonly order: Int32Array;
  /** Where each name's run of entries starts in `order`, and one past the last run's end. */
  readonly starts: Int32Array;
  /** Per file entry, its name's place among the names (its run's index). */
  readonly rank: Int32Array;
}

/** The order last worked out per list, with the length it was worked out at. */
const MADE = new WeakMap<ChunkedList<string>, { readonly length: number; readonly order: SourceOrder }>();

/** Worked out once per list as it stands: the report's sources and its quotes' order both ask. */
export function sourceOrder(files: ChunkedList<string>): SourceOrder {
  const made = MADE.get(files);
  if (made !== undefined && made.length === files.length) return made.order;
  const order = orderOf(files);
  MADE.set(files, { length: files.length, order });
  return order;
}

function orderOf(files: ChunkedList<string>): SourceOrder {
  const order = Int32Array.from({ length: files.length }, (_, i) => i).sort((a, b) => compareCodePoints(files.at(a), files.at(b)) || a - b);
  const rank = new Int32Array(files.length);
  const starts: number[] = [];
  for (let i = 0; i < order.length; i++) {
    if (i === 0 || files.at(order[i]!) !== files.at(order[i - 1]!)) starts.push(i);
    rank[order[i]!] = starts.length - 1;
  }
  starts.push(order.length);
  return { order, starts: Int32Array.from(starts), rank };
}
