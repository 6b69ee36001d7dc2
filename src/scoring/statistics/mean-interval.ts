import type { Interval } from './interval.js';
import { tQuantile } from './t-distribution.js';

/**
 * The 95% t-interval of a mean, `mean ± t(0.975, n-1) * sd / sqrt(n)`, or
 * null below three numbers: two leave one degree of freedom and an interval
 * too wide to say anything (docs/statistics.md, "How sure each number is").
 */
export function meanInterval(n: number, mean: number, sd: number | null): Interval | null {
  if (n < 3 || sd === null) return null;
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return [mean - half, mean + half];
}
