/**
 * Descriptive statistics of one item from its level counts (docs/formulas.md,
 * "Scoring"). Working from counts instead of a list of scores keeps memory
 * flat for a million respondents, and makes every result independent of the
 * order respondents arrived in: the same counts always give the same bits.
 */
import type { Scale } from '../rubric/model.js';

export interface LevelStats {
  /** Respondents who gave a number. */
  readonly n: number;
  readonly mean: number | null;
  /** Middle value; the mean of the two middle values when n is even. */
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Sample standard deviation; null when n < 2. */
  readonly sd: number | null;
  /** `max(0, 1 - sd^2 / ((A^2 - 1) / 12))`; null when n < 2. */
  readonly rwg: number | null;
}

const EMPTY: LevelStats = { n: 0, mean: null, median: null, min: null, max: null, sd: null, rwg: null };

/**
 * @param counts respondents per level: `counts[k]` is the count for level `scale.min + k`;
 *   its length is the number of levels, A.
 */
export function levelStats(counts: ArrayLike<number>, scale: Pick<Scale, 'min'>): LevelStats {
  const a = counts.length;
  // Offsets from the scale's minimum are small non-negative integers, so the
  // sums below are exact integers (counts stay far below 2^53).
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let lo = -1;
  let hi = -1;
  for (let k = 0; k < a; k++) {
    const c = counts[k] ?? 0;
    if (c === 0) continue;
    if (lo < 0) lo = k;
    hi = k;
    n += c;
    sum += c * k;
    sumSq += c * k * k;
  }
  if (n === 0) return EMPTY;

  const min = scale.min;
  // One division of an exact integer sum: the mean is the correctly rounded
  // true mean (adding `min` after dividing would round twice).
  const mean = (sum + n * min) / n;
  const median = min + (n % 2 === 1 ? nth(counts, (n - 1) / 2) : (nth(counts, n / 2 - 1) + nth(counts, n / 2)) / 2);
  if (n < 2) return { n, mean, median, min: min + lo, max: min + hi, sd: null, rwg: null };

  // variance = (n*Σx² - (Σx)²) / (n(n-1)). The numerator is computed in BigInt:
  // it can pass 2^53 for large n, and subtracting two rounded doubles would
  // lose exactly the digits that matter when respondents mostly agree.
  const numerator = BigInt(n) * BigInt(sumSq) - BigInt(sum) * BigInt(sum);
  const variance = Number(numerator) / (n * (n - 1));
  const sd = Math.sqrt(variance);
  // The variance is used directly instead of sd^2, which would add a rounding step.
  const rwg = Math.max(0, 1 - variance / ((a * a - 1) / 12));
  return { n, mean, median, min: min + lo, max: min + hi, sd, rwg };
}

/** The offset (from the scale's minimum) of the value at 0-based rank `r` in sorted order. */
function nth(counts: ArrayLike<number>, r: number): number {
  let seen = 0;
  for (let k = 0; k < counts.length; k++) {
    seen += counts[k] ?? 0;
    if (seen > r) return k;
  }
  throw new Error(`rank ${r} is beyond the counts`); // unreachable: r < n by construction
}
