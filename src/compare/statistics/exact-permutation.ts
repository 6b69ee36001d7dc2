/**
 * The exact two-sided permutation test of two independent groups of
 * integer answers (docs/statistics.md, "Compare"). Every relabelling of the
 * pooled answers into groups of n1 (before) and n2 (after) counts, none
 * sampled. A relabelling is at least as extreme as the data when
 * `|n1 * sum(after') - n2 * sum(before')| >= |n1 * sum(after) - n2 * sum(before)|`.
 *
 * With the pooled total T fixed, that statistic is `|N * S - n_g * T|` for
 * either group g with sum S (N = n1 + n2), so relabellings need only be
 * counted by the size and sum of one group: a dynamic programme over the
 * answers, not an enumeration of C(N, n1) subsets. The smaller group is
 * counted, which keeps the table small.
 */
import { binomial } from './binomial.js';
import { checkIntegers, ratio } from './exact-test.js';
import type { ExactTestResult } from './exact-test.js';

/** Beyond this many table cells the caller has passed something no audit produces (a scale of thousands of levels). */
const MAX_CELLS = 50_000_000;
/** The low limb of a count holds 32 bits; the high one up to 53, so counts below 2^85 are exact. */
const LIMB = 2 ** 32;
const LIMB_CAPACITY = 1n << 85n;

export function exactPermutationTest(before: ArrayLike<number>, after: ArrayLike<number>): ExactTestResult {
  checkIntegers(before, 'before');
  checkIntegers(after, 'after');
  const n1 = before.length;
  const n2 = after.length;
  const total = n1 + n2;
  const pooled = new Array<number>(total);
  for (let i = 0; i < n1; i++) pooled[i] = before[i]!;
  for (let i = 0; i < n2; i++) pooled[n1 + i] = after[i]!;
  if (total === 0) return { count: 1n, total: 1n, p: 1 };

  // Offsets from the smallest answer: the statistic is unchanged by a shift
  // (each group's sum moves by its size times the shift), and sums start at 0.
  let least = Infinity;
  let most = -Infinity;
  for (const v of pooled) {
    least = Math.min(least, v);
    most = Math.max(most, v);
  }
  const range = most - least;
  const afterIsSmaller = n2 <= n1;
  const size = afterIsSmaller ? n2 : n1;
  let poolSum = 0;
  let observedSum = 0;
  for (let i = 0; i < total; i++) {
    const d = pooled[i]! - least;
    pooled[i] = d;
    poolSum += d;
    if (afterIsSmaller ? i >= n1 : i < n1) observedSum += d;
  }
  const observed = Math.abs(total * observedSum - size * poolSum);

  const width = size * range + 1;
  const cells = (size + 1) * width;
  if (cells > MAX_CELLS) throw new RangeError(`answers spanning ${range + 1} levels are too many for the exact test`);
  if (binomial(total, size) >= LIMB_CAPACITY) throw new RangeError(`${total} answers are too many for the exact test; use Welch's`);

  // ways[k * width + s]: relabellings whose counted group so far has k answers
  // summing to s, as hi * 2^32 + lo in two doubles. Exact (every cell is at
  // most C(N, size) < 2^85, so hi < 2^53) and allocation-free: BigInt cells
  // would allocate on every addition and run several times slower.
  const lo = new Float64Array(cells);
  const hi = new Float64Array(cells);
  lo[0] = 1;
  for (let seen = 0; seen < total; seen++) {
    const d = pooled[seen]!;
    // Downwards in k, so each answer joins a group at most once.
    for (let k = Math.min(seen + 1, size); k >= 1; k--) {
      const from = (k - 1) * width;
      const to = k * width + d;
      for (let s = (k - 1) * range; s >= 0; s--) {
        const l = lo[from + s]!;
        const h = hi[from + s]!;
        if (l === 0 && h === 0) continue;
        let nl = lo[to + s]! + l;
        let nh = hi[to + s]! + h;
        if (nl >= LIMB) {
          nl -= LIMB;
          nh += 1;
        }
        lo[to + s] = nl;
        hi[to + s] = nh;
      }
    }
  }

  let count = 0n;
  let all = 0n;
  const last = size * width;
  for (let s = 0; s < width; s++) {
    const l = lo[last + s]!;
    const h = hi[last + s]!;
    if (l === 0 && h === 0) continue;
    const w = (BigInt(h) << 32n) + BigInt(l);
    all += w;
    // Integers well below 2^53 (at most N * N * range): exact.
    if (Math.abs(total * s - size * poolSum) >= observed) count += w;
  }
  return { count, total: all, p: ratio(count, all) };
}
