import { describe, expect, it } from 'vitest';
import { tQuantile, tTwoSidedP } from '../../src/scoring/statistics/t-distribution.js';

describe('tQuantile', () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2,
  // "Critical values of the Student's t distribution" (upper-tail probability column).
  it.each([
    { p: 0.975, df: 1, q: 12.706 },
    { p: 0.975, df: 2, q: 4.303 },
    { p: 0.975, df: 4, q: 2.776 },
    { p: 0.975, df: 9, q: 2.262 },
    { p: 0.975, df: 30, q: 2.042 },
    { p: 0.975, df: 100, q: 1.984 },
    { p: 0.95, df: 5, q: 2.015 },
    { p: 0.995, df: 10, q: 3.169 },
    { p: 0.999, df: 20, q: 3.552 },
  ])('t($p, $df) = $q', ({ p, df, q }) => {
    expect(tQuantile(p, df)).toBeCloseTo(q, 3);
  });

  it('is symmetric and tends to the normal quantile for large df', () => {
    expect(tQuantile(0.025, 7)).toBeCloseTo(-tQuantile(0.975, 7), 12);
    // Same table, row ∞: 1.960.
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
  });

  it('takes fractional degrees of freedom, between its integer neighbours', () => {
    const q = tQuantile(0.975, 17.776);
    expect(q).toBeLessThan(tQuantile(0.975, 17));
    expect(q).toBeGreaterThan(tQuantile(0.975, 18));
  });
});

describe('tTwoSidedP', () => {
  // The NIST critical values above, read backwards: P(|T| >= 2.262) at 9 df is 0.05 and so on.
  // The last two: R's t.test on the sleep data (see statistics-t-tests.test.ts), whose printed
  // output gives t = -4.0621, df = 9, p-value = 0.002833 and t = -1.8608, df = 17.776, p-value = 0.07939.
  it.each([
    { t: 2.262, df: 9, p: 0.05, digits: 4 },
    { t: -12.706, df: 1, p: 0.05, digits: 4 },
    { t: 3.169, df: 10, p: 0.01, digits: 4 },
    { t: -4.0621, df: 9, p: 0.002833, digits: 6 },
    { t: -1.8608, df: 17.776, p: 0.07939, digits: 4 },
  ])('t = $t, df = $df: p = $p', ({ t, df, p, digits }) => {
    expect(tTwoSidedP(t, df)).toBeCloseTo(p, digits);
  });

  it('is 1 at t = 0 and 0 at an infinite t', () => {
    expect(tTwoSidedP(0, 5)).toBe(1);
    expect(tTwoSidedP(Infinity, 5)).toBe(0);
    expect(tTwoSidedP(-Infinity, 5)).toBe(0);
  });

  it('keeps small p-values instead of rounding them to 0', () => {
    // 1 - P(T < 40) is below the spacing of doubles near 1, so it would come out exactly 0.
    const p = tTwoSidedP(40, 30);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-20);
  });
});
