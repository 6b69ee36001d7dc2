import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/scoring/statistics/mean-interval.js';
import { rwg } from '../../src/scoring/statistics/rwg.js';
import { wilsonInterval, Z_975 } from '../../src/scoring/statistics/wilson-interval.js';

describe('meanInterval', () => {
  // [4, 4, 5, 3, 4]: mean 4, sd sqrt(0.5); the reference [3.1220, 4.8780], which is
  // t.test(c(4, 4, 5, 3, 4))$conf.int in R (by hand: 4 ± 2.776 * sqrt(0.5 / 5) = 4 ± 0.878).
  // The sleep data's paired differences (group 1 - group 2, see statistics-t-tests.test.ts):
  // n 10, mean -1.58, sd sqrt(13.616 / 9) = 1.2299955 by hand; R's paired t.test on them
  // prints the interval -2.4598858 -0.7001142.
  it.each([
    { name: '[4,4,5,3,4]', n: 5, mean: 4, sd: Math.sqrt(0.5), lo: 3.122, hi: 4.878, digits: 4 },
    { name: 'sleep differences', n: 10, mean: -1.58, sd: 1.2299955, lo: -2.4598858, hi: -0.7001142, digits: 6 },
  ])('$name: [$lo, $hi]', ({ n, mean, sd, lo, hi, digits }) => {
    const ci = meanInterval(n, mean, sd)!;
    expect(ci[0]).toBeCloseTo(lo, digits);
    expect(ci[1]).toBeCloseTo(hi, digits);
  });

  it.each([
    { n: 0, sd: null },
    { n: 1, sd: null },
    { n: 2, sd: 0.7 },
  ])('is null for n = $n (too few answers to judge)', ({ n, sd }) => {
    expect(meanInterval(n, 3, sd)).toBeNull();
  });

  it('is the point itself when everyone agrees', () => {
    expect(meanInterval(4, 3, 0)).toEqual([3, 3]);
  });
});

describe('wilsonInterval', () => {
  it('uses the unrounded normal quantile', () => {
    // Abramowitz & Stegun, table 26.5: the upper 0.025 point is 1.959963985.
    expect(Z_975).toBeCloseTo(1.959963985, 9);
  });

  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857-872, table II, method 3 (score, no continuity
  // correction). 4 of 5: the reference, R: prop.test(4, 5, correct = FALSE)$conf.int 0.3755 0.9638.
  it.each([
    { successes: 81, n: 263, lo: 0.2553, hi: 0.3662 },
    { successes: 15, n: 148, lo: 0.0624, hi: 0.1605 },
    { successes: 0, n: 20, lo: 0, hi: 0.1611 },
    { successes: 1, n: 29, lo: 0.0061, hi: 0.1718 },
    { successes: 4, n: 5, lo: 0.3755, hi: 0.9638 },
  ])('$successes of $n: [$lo, $hi]', ({ successes, n, lo, hi }) => {
    const ci = wilsonInterval(successes, n)!;
    expect(ci[0]).toBeCloseTo(lo, 4);
    expect(ci[1]).toBeCloseTo(hi, 4);
  });

  it('keeps the exact ends at 0 and n successes', () => {
    expect(wilsonInterval(0, 3)![0]).toBe(0);
    expect(wilsonInterval(3, 3)![1]).toBe(1);
  });

  it('is null with no respondent', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('rwg', () => {
  // James, Demaree & Wolf (1984): rwg = 1 - s² / σ²_EU, σ²_EU = (A² - 1) / 12 for A options;
  // on a 5-point scale σ²_EU = 2, on a 7-point scale 4. Worked by hand.
  it.each([
    { name: 'var 0.5 on 1..5', sd: Math.sqrt(0.5), n: 5, min: 1, max: 5, expected: 0.75 },
    { name: 'var 1 on 1..7', sd: 1, n: 4, min: 1, max: 7, expected: 0.75 },
    { name: 'full agreement', sd: 0, n: 3, min: 1, max: 5, expected: 1 },
    { name: 'var 2, the uniform spread', sd: Math.sqrt(2), n: 10, min: 1, max: 5, expected: 0 },
    { name: 'wider than uniform: clipped at 0', sd: 2, n: 4, min: 1, max: 5, expected: 0 },
    { name: 'scale 0..4 has A = 5 too', sd: Math.sqrt(0.5), n: 3, min: 0, max: 4, expected: 0.75 },
  ])('$name: $expected', ({ sd, n, min, max, expected }) => {
    expect(rwg(sd, n, min, max)).toBeCloseTo(expected, 12);
  });

  it.each([0, 1, 2])('is null for n = %i', (n) => {
    expect(rwg(n < 2 ? null : 0.5, n, 1, 5)).toBeNull();
  });
});
