/**
 * Welch's two-sample t-test and interval from each side's n, mean and sd
 * (docs/statistics.md, "Compare"): the change is the after mean minus the
 * before mean, the interval `change ± t(0.975, v) * sqrt(s1^2/n1 + s2^2/n2)`
 * with the Welch-Satterthwaite v, which does not assume equal spreads.
 */
import { tQuantile, tTwoSidedP } from '../../scoring/statistics/t-distribution.js';
import { degenerate } from './t-test-result.js';
import type { SampleSummary, TTestResult } from './t-test-result.js';

/** Null when a side has fewer than two numbers (no sd). */
export function welchTest(before: SampleSummary, after: SampleSummary): TTestResult | null {
  if (before.n < 2 || after.n < 2 || before.sd === null || after.sd === null) return null;
  const change = after.mean - before.mean;
  const a = (before.sd * before.sd) / before.n;
  const b = (after.sd * after.sd) / after.n;
  if (a === 0 && b === 0) return degenerate(change);
  // With one spread 0 the Welch-Satterthwaite formula reduces to the other
  // side's n - 1; say so exactly instead of through a rounded quotient.
  const df = a === 0 ? after.n - 1 : b === 0 ? before.n - 1 : (a + b) ** 2 / ((a * a) / (before.n - 1) + (b * b) / (after.n - 1));
  const se = Math.sqrt(a + b);
  const t = change / se;
  const half = tQuantile(0.975, df) * se;
  return { change, ci: [change - half, change + half], t, df, p: tTwoSidedP(t, df) };
}
