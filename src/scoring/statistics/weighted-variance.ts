/**
 * The interval of a weighted score (a section's or the overall), from the
 * items' variances and covariances (docs/statistics.md, "How sure each
 * number is").
 */
import type { Interval } from './interval.js';
import { tQuantile } from './t-distribution.js';

/** Rounding can leave a variance that is 0 in exact arithmetic a hair below it. */
const NEGATIVE_ROUNDING = -1e-12;

/** What the variance needs of the items; a CovarianceAccumulator provides it. */
export interface ItemCovariances {
  readonly k: number;
  n(i: number): number;
  /** Sample variance; null below two numbers. */
  variance(i: number): number | null;
  /** Respondents who scored both i and j. */
  pairCount(i: number, j: number): number;
  /** Sample covariance over those respondents; null when fewer than two. */
  covariance(i: number, j: number): number | null;
}

export interface WeightedVariance {
  /** `sum_i sum_j c_i c_j C_ij` over the counted items; null when the interval is void. */
  readonly V: number | null;
  /** The smallest n_i - 1 over the counted items; null when no item counts. */
  readonly df: number | null;
  /** The counted item with the smallest n (the first on a tie): it limits or voids the interval. Null when no item counts. */
  readonly limitingItem: number | null;
  /**
   * Why V is null: `too-few-answers` when a counted item has n < 3 (or no
   * item counts), `too-patchy` when the answers overlap so little that the
   * covariances give a clearly negative V. Null when V is a number.
   */
  readonly reason: 'too-few-answers' | 'too-patchy' | null;
}

/**
 * @param coefficients c_i per item (length k): e_i for the overall,
 *   w_i / sum w within a section; items with c_i = 0 do not count.
 *
 * `C_ii = sd_i^2 / n_i`, `C_ij = cov_ij * n_ij / (n_i * n_j)` with cov_ij over
 * the n_ij respondents who scored both (0 when n_ij < 2). With complete
 * answers this is the variance of the mean of each respondent's own
 * weighted score; with missing answers it is the variance of the weighted
 * sum of item means, each over its own respondents.
 */
export function weightedVariance(coefficients: ArrayLike<number>, acc: ItemCovariances): WeightedVariance {
  const k = acc.k;
  if (coefficients.length !== k) throw new RangeError(`${coefficients.length} coefficients for ${k} items`);

  let limitingItem: number | null = null;
  let minN = Infinity;
  for (let i = 0; i < k; i++) {
    if (coefficients[i] === 0) continue;
    const n = acc.n(i);
    if (n < minN) {
      minN = n;
      limitingItem = i;
    }
  }
  if (limitingItem === null) return { V: null, df: null, limitingItem: null, reason: 'too-few-answers' };
  const df = minN - 1;
  if (minN < 3) return { V: null, df, limitingItem, reason: 'too-few-answers' };

  let v = 0;
  for (let i = 0; i < k; i++) {
    const ci = coefficients[i]!;
    if (ci === 0) continue;
    const ni = acc.n(i);
    v += ci * ci * (acc.variance(i)! / ni);
    for (let j = i + 1; j < k; j++) {
      const cj = coefficients[j]!;
      if (cj === 0) continue;
      const cov = acc.covariance(i, j);
      if (cov === null) continue;
      // Both orders, (i, j) and (j, i), of the double sum.
      v += 2 * ci * cj * ((cov * acc.pairCount(i, j)) / (ni * acc.n(j)));
    }
  }
  if (v < 0) {
    if (v < NEGATIVE_ROUNDING) return { V: null, df, limitingItem, reason: 'too-patchy' };
    v = 0;
  }
  return { V: v, df, limitingItem, reason: null };
}

/** `score ± t(0.975, df) * sqrt(V)`; null when V or df is (a void interval stays void). */
export function weightedInterval(score: number, V: number | null, df: number | null): Interval | null {
  if (V === null || df === null || !(df > 0)) return null;
  const half = tQuantile(0.975, df) * Math.sqrt(V);
  return [score - half, score + half];
}
