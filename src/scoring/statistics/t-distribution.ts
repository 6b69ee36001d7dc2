/**
 * Student's t distribution: the quantile for intervals and the two-sided
 * p-value for t-tests (docs/statistics.md). Degrees of freedom may be
 * fractional: Welch-Satterthwaite's are.
 */
import cdf from '@stdlib/stats-base-dists-t-cdf';
import quantile from '@stdlib/stats-base-dists-t-quantile';

/** The p-quantile of t with `df` degrees of freedom; NaN for df <= 0 or p outside [0, 1]. */
export function tQuantile(p: number, df: number): number {
  return quantile(p, df);
}

/**
 * P(|T| >= |t|) for T ~ t(df). Computed from the lower tail of -|t| rather
 * than as 1 - cdf(|t|), which would round small p-values to 0.
 * t = ±Infinity gives 0; t = 0 gives 1.
 */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * cdf(-Math.abs(t), df));
}
