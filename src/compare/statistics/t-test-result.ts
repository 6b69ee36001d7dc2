import type { Interval } from '../../scoring/statistics/interval.js';

/** One side of an independent comparison, as a report gives it. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation; null (as a report gives it) below two numbers. */
  readonly sd: number | null;
}

export interface TTestResult {
  /** after - before (Welch) or the mean of after - before (paired). */
  readonly change: number;
  /** The 95% interval of the change. */
  readonly ci: Interval;
  /** The t statistic; null when every spread is 0 and t would be 0 / 0 or ±∞. */
  readonly t: number | null;
  /** Degrees of freedom; null for Welch with no spread on either side (the paired test keeps n - 1). */
  readonly df: number | null;
  /** Two-sided p-value. */
  readonly p: number;
}

/**
 * No spread on either side: nothing to estimate; the change is what it is
 * (docs/statistics.md: the interval is `[change, change]`, p is 1 for no
 * change and 0 for any).
 */
export function degenerate(change: number): TTestResult {
  return { change, ci: [change, change], t: null, df: null, p: change === 0 ? 1 : 0 };
}
