/**
 * The paired t-test and interval over the differences after - before of
 * the respondents answering on both sides (docs/statistics.md, "Compare").
 */
import { tQuantile, tTwoSidedP } from '../../scoring/statistics/t-distribution.js';
import { degenerate } from './t-test-result.js';
import type { SampleSummary, TTestResult } from './t-test-result.js';

/** Null below two differences (no sd). */
export function pairedTTest(differences: ArrayLike<number>): TTestResult | null {
  const n = differences.length;
  if (n < 2) return null;
  // Two passes: the mean first, then squares about it, with no cancellation
  // for decimal differences.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += differences[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (differences[i]! - mean) ** 2;
  return oneSampleTTest({ n, mean, sd: Math.sqrt(squares / (n - 1)) });
}

/**
 * pairedTTest of whole-number differences in ascending order, given as how many there are of each:
 * `counts[bin]` differences of `lowest + bin`. The same additions in the same order, so the same
 * result to the last bit, without a list of a hundred thousand differences to read.
 */
export function pairedTTestOfCounts(lowest: number, counts: ArrayLike<number>): TTestResult | null {
  // Whole numbers: the sum is exact in any order.
  let n = 0;
  let sum = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    n += counts[bin]!;
    sum += (lowest + bin) * counts[bin]!;
  }
  if (n < 2) return null;
  const mean = sum / n;
  // Squares about the mean, one addition per difference as pairedTTest makes them.
  let squares = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    const square = (lowest + bin - mean) ** 2;
    for (let c = counts[bin]!; c > 0; c--) squares += square;
  }
  return oneSampleTTest({ n, mean, sd: Math.sqrt(squares / (n - 1)) });
}

/** The same from the differences' n, mean and sd; null below two. */
export function oneSampleTTest(differences: SampleSummary): TTestResult | null {
  const { n, mean, sd } = differences;
  if (n < 2 || sd === null) return null;
  if (sd === 0) return { ...degenerate(mean), df: n - 1 };
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const t = mean / se;
  const half = tQuantile(0.975, df) * se;
  return { change: mean, ci: [mean - half, mean + half], t, df, p: tTwoSidedP(t, df) };
}
