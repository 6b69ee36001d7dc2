import type { Interval } from './interval.js';

/**
 * The 0.975 quantile of the standard normal, as the double nearest to it
 * (Abramowitz & Stegun, table 26.5: 1.959963985). Not 1.96: the contract
 * asks for the quantile unrounded. A constant rather than a dependency: it
 * never changes.
 */
export const Z_975 = 1.9599639845400538;

/**
 * The 95% Wilson score interval of a share (docs/statistics.md, `atTarget`).
 * Unlike the normal approximation it stays inside [0, 1] and is not
 * degenerate at 0 or n successes, which small audits hit all the time.
 * Null for n < 1.
 */
export function wilsonInterval(successes: number, n: number): Interval | null {
  if (n < 1) return null;
  const z2 = Z_975 * Z_975;
  const p = successes / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 or n successes one end is exactly 0 or 1 in exact arithmetic; keep it so.
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
