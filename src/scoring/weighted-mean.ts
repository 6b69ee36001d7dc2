/**
 * A weighted mean that stays inside the range of what it averages.
 *
 * Mathematically a weighted mean lies between its smallest and largest input,
 * but normalized weights such as 4/4.74 + 0.74/4.74 need not add up to exactly
 * 1 in doubles: every item at the scale's minimum could then average to
 * 1.999999999999996 on a 2..5 scale, an index of -7e-15. Dividing by the
 * summed weights once and clamping to the inputs' range removes that drift.
 */
interface Weighted {
  readonly weight: number;
  readonly value: number;
}

/** Σ w x / Σ w over rows with weight > 0; null when there are none. */
export function weightedMean(rows: Iterable<Weighted>): number | null {
  let total = 0;
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const { weight, value } of rows) {
    if (!(weight > 0)) continue;
    total += weight;
    sum += weight * value;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  if (total === 0) return null;
  return Math.min(hi, Math.max(lo, sum / total));
}
