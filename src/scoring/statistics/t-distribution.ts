/**
 * Student's t distribution: the quantile for intervals and the two-sided
 * p-value for t-tests (docs/statistics.md). Degrees of freedom may be
 * fractional: Welch-Satterthwaite's are.
 *
 * The @stdlib functions are required on first use, not imported: the bundle then loads their
 * four hundred modules only in a run that computes an interval or a test, and `score` of one
 * answers file (no interval below three answers) starts without them.
 */
type Quantile = (p: number, df: number) => number;
type Cdf = (x: number, df: number) => number;

let quantile: Quantile | undefined;
let cdf: Cdf | undefined;

/** The p-quantile of t with `df` degrees of freedom; NaN for df <= 0 or p outside [0, 1]. */
export function tQuantile(p: number, df: number): number {
  quantile ??= require('@stdlib/stats-base-dists-t-quantile') as Quantile;
  return quantile(p, df);
}

/**
 * P(|T| >= |t|) for T ~ t(df). Computed from the lower tail of -|t| rather
 * than as 1 - cdf(|t|), which would round small p-values to 0.
 * t = ±Infinity gives 0; t = 0 gives 1.
 */
export function tTwoSidedP(t: number, df: number): number {
  cdf ??= require('@stdlib/stats-base-dists-t-cdf') as Cdf;
  return Math.min(1, 2 * cdf(-Math.abs(t), df));
}
