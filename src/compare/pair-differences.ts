/**
 * Per item, after − before over the pairs where both gave it a number
 * (docs/statistics.md, "An item, paired"): for all the pairs, and with
 * `--by` for the pairs of each group. Both of a pair's answers are whole
 * levels, so a difference is one of a few whole numbers; one pass over the
 * pairs counts how often each occurs per item and group, and every family's
 * differences are read from those counts, with no second pass per group.
 *
 * The differences are read in ascending order: the t statistics sum in
 * floating point, and sorted differences make the result independent, to
 * the last bit, of the order the respondents were read in.
 */
import { groupKeyOf, NA, UNANSWERED, type RespondentTable } from './respondent-table.js';

export class PairDifferences {
  /** Items (matched ids) per bucket. */
  readonly #items: number;
  /** Differences per item: the span of `after - before` over the two scales' levels. */
  readonly #width: number;
  /** The difference of bin 0. */
  readonly #lowest: number;
  /** Buckets: one per baseline group, and one for the pairs in no group (or, without groups, all). */
  readonly #buckets: number;
  /** `#counts[(bucket * items + item) * width + bin]`: the pairs whose difference is `lowest + bin`. */
  readonly #counts: Int32Array;

  constructor(ids: readonly string[], before: RespondentTable, after: RespondentTable, pairs: { readonly before: Int32Array; readonly after: Int32Array }) {
    const m = ids.length;
    // A cell holds 1..levels: y - x runs from 1 - before.levels to after.levels - 1.
    const width = before.levels + after.levels - 1;
    this.#items = m;
    this.#width = width;
    this.#lowest = 1 - before.levels + (after.min - before.min);
    const bucketOf = pairBuckets(before, after);
    const none = bucketOf.groups;
    this.#buckets = none + 1;
    const counts = (this.#counts = new Int32Array(this.#buckets * m * width));
    const colB = Int32Array.from(ids, (id) => before.itemIds.indexOf(id));
    const colA = Int32Array.from(ids, (id) => after.itemIds.indexOf(id));
    const [b, a] = [before.cells(), after.cells()];
    const [kb, ka] = [before.k, after.k];
    const offset = before.levels - 1;
    for (let p = 0; p < pairs.before.length; p++) {
      const rb = pairs.before[p]!;
      const ra = pairs.after[p]!;
      const bucket = bucketOf.of(rb, ra);
      const base = bucket * m;
      for (let item = 0; item < m; item++) {
        const i = colB[item]!;
        const j = colA[item]!;
        if (i < 0 || j < 0) continue;
        const x = b[rb * kb + i]!;
        const y = a[ra * ka + j]!;
        if (x !== UNANSWERED && x !== NA && y !== UNANSWERED && y !== NA) counts[(base + item) * width + y - x + offset]! += 1;
      }
    }
  }

  /** Item `item`'s differences (an index into the ids) over every pair. */
  of(item: number): DifferenceCounts {
    return this.#gather(item, 0, this.#buckets - 1);
  }

  /** The same over the pairs of one group: the baseline's group index. */
  ofGroup(item: number, group: number): DifferenceCounts {
    return this.#gather(item, group, group);
  }

  /** The differences counted in buckets `first` to `last`. */
  #gather(item: number, first: number, last: number): DifferenceCounts {
    const width = this.#width;
    const counts = new Int32Array(width);
    let n = 0;
    for (let bucket = first; bucket <= last; bucket++) {
      const base = (bucket * this.#items + item) * width;
      for (let bin = 0; bin < width; bin++) counts[bin]! += this.#counts[base + bin]!;
    }
    for (let bin = 0; bin < width; bin++) n += counts[bin]!;
    return { n, lowest: this.#lowest, counts };
  }
}

/**
 * One item's differences in a family, as how many pairs had each: `counts[bin]` pairs differ by
 * `lowest + bin`. Read in ascending order of the bins, they are the differences in ascending order.
 */
export interface DifferenceCounts {
  readonly n: number;
  readonly lowest: number;
  readonly counts: Int32Array;
}

/** The differences themselves, in ascending order. */
export function differencesInOrder(d: DifferenceCounts): Int32Array {
  const values = new Int32Array(d.n);
  let at = 0;
  for (let bin = 0; bin < d.counts.length; bin++) {
    values.fill(d.lowest + bin, at, at + d.counts[bin]!);
    at += d.counts[bin]!;
  }
  return values;
}

/**
 * A pair's bucket: the baseline group of its before row when the after row's group has the same
 * key (a respondent whose group changed is in neither), else `groups`, the bucket of no group.
 */
function pairBuckets(before: RespondentTable, after: RespondentTable): { readonly groups: number; of(rowBefore: number, rowAfter: number): number } {
  if (before.by === null || after.by === null) return { groups: 0, of: () => 0 };
  const groups = before.groups().length;
  // Each baseline group's index on the follow-up side (-1 where it has none): the keys compared once per group, not per pair.
  const afterIndex = new Map(after.groups().map((value, g) => [groupKeyOf(value), g]));
  const counterpart = Int32Array.from(before.groups(), (value) => afterIndex.get(groupKeyOf(value)) ?? -1);
  return { groups, of: (rb, ra) => {
    const g = before.group(rb);
    return counterpart[g] === after.group(ra) ? g : groups;
  } };
}
