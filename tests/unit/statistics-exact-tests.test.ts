import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial } from '../../src/compare/statistics/binomial.js';
import { exactPermutationTest } from '../../src/compare/statistics/exact-permutation.js';
import { exactSignFlipTest } from '../../src/compare/statistics/exact-sign-flip.js';
import {
  permutationCouldNeverPass,
  signFlipCouldNeverPass,
  smallestPermutationP,
  smallestSignFlipP,
} from '../../src/compare/statistics/smallest-p.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** Every way to choose which of the pooled answers are "after": the definition, enumerated. */
function bruteForcePermutation(before: readonly number[], after: readonly number[]): { count: bigint; total: bigint } {
  const pooled = [...before, ...after];
  const n1 = before.length;
  const n2 = after.length;
  const statistic = (a: number, b: number): number => Math.abs(n1 * a - n2 * b);
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const observed = statistic(sum(after), sum(before));
  let count = 0n;
  let total = 0n;
  for (let mask = 0; mask < 1 << pooled.length; mask++) {
    let bits = 0;
    let afterSum = 0;
    for (let i = 0; i < pooled.length; i++) {
      if (mask & (1 << i)) {
        bits++;
        afterSum += pooled[i]!;
      }
    }
    if (bits !== n2) continue;
    total++;
    if (statistic(afterSum, sum(pooled) - afterSum) >= observed) count++;
  }
  return { count, total };
}

/** Every sign pattern, enumerated. */
function bruteForceSignFlip(differences: readonly number[]): { count: bigint; total: bigint } {
  const observed = Math.abs(differences.reduce((s, d) => s + d, 0));
  let count = 0n;
  let total = 0n;
  for (let mask = 0; mask < 1 << differences.length; mask++) {
    let sum = 0;
    differences.forEach((d, i) => (sum += mask & (1 << i) ? -d : d));
    total++;
    if (Math.abs(sum) >= observed) count++;
  }
  return { count, total };
}

describe('exactPermutationTest', () => {
  it.each([
    // The reference: [4,4,3,5,4] against [2,3,3,2,4], 26 of C(10, 5) = 252 relabellings
    // at least as extreme (checked against the enumeration below).
    { before: [4, 4, 3, 5, 4], after: [2, 3, 3, 2, 4], count: 26n, total: 252n },
    { before: [2, 3, 3, 2, 4], after: [4, 4, 3, 5, 4], count: 26n, total: 252n },
    // Fisher's exact reasoning at its smallest: only the observed split and its mirror are as
    // extreme, 2 of C(6, 3) = 20.
    { before: [1, 1, 1], after: [5, 5, 5], count: 2n, total: 20n },
    // No difference at all: every relabelling is as extreme, p = 1.
    { before: [3, 3], after: [3, 3, 3], count: 10n, total: 10n },
  ])('$before vs $after: $count / $total', ({ before, after, count, total }) => {
    const r = exactPermutationTest(before, after);
    expect(r.count).toBe(count);
    expect(r.total).toBe(total);
    expect(r.p).toBe(Number(count) / Number(total));
    expect(bruteForcePermutation(before, after)).toEqual({ count, total });
  });

  it('counts exactly past 2^53', () => {
    // C(60, 30) = 118264581564861424 (OEIS A000984, the central binomial coefficients).
    const same = exactPermutationTest(new Array(30).fill(3), new Array(30).fill(3));
    expect(same.total).toBe(118264581564861424n);
    expect(same.count).toBe(118264581564861424n);
    expect(same.p).toBe(1);
    const apart = exactPermutationTest(new Array(30).fill(1), new Array(30).fill(5));
    expect(apart.count).toBe(2n);
    // 2 / C(60, 30) = 1.6911e-17: p keeps its significant digits however small it is.
    expect(apart.p / smallestPermutationP(30, 30)).toBeCloseTo(1, 14);
  });

  it('equals the enumeration on small random samples', () => {
    const side = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(side, side, (before, after) => {
        const r = exactPermutationTest(before, after);
        expect({ count: r.count, total: r.total }).toEqual(bruteForcePermutation(before, after));
      }),
      propertyRuns(),
    );
  });

  it('is invariant to a shift of every answer', () => {
    expect(exactPermutationTest([-1, 0, 2, 2], [3, 1, 0])).toEqual(exactPermutationTest([9, 10, 12, 12], [13, 11, 10]));
  });

  it('takes integers only, and no more answers than its counts can hold exactly', () => {
    expect(() => exactPermutationTest([1.5, 2], [3])).toThrow(RangeError);
    // C(100, 50) is about 1e29, past the 2^85 of its counters; the contract stops at 60 anyway.
    expect(() => exactPermutationTest(new Array(50).fill(1), new Array(50).fill(2))).toThrow(RangeError);
  });

  it('runs 13 items of 30 + 30 answers well within the budget', () => {
    // The budget is 100 ms for all 13; the bound here only catches a slide back to enumeration
    // (C(60, 30) relabellings) on a loaded machine.
    const rnd = fc.sample(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 60, maxLength: 60 }), propertyRuns({ runs: 13, seed: 7 }));
    const start = performance.now();
    for (const answers of rnd) exactPermutationTest(answers.slice(0, 30), answers.slice(30));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('exactSignFlipTest', () => {
  it('gives 4 / 1024 on the sleep data', () => {
    // R's sleep data, group 1 - group 2 patient by patient, in tenths of an hour (the test
    // takes integers): nine negative differences and one zero. Only the all-negative and
    // all-positive patterns reach |sum| = 158, each with the zero's two signs: 4 of 2^10,
    // p = 0.0039 (the reference; the enumeration below agrees).
    const tenths = [-12, -24, -13, -13, 0, -10, -18, -8, -46, -14];
    const r = exactSignFlipTest(tenths);
    expect(r).toEqual({ count: 4n, total: 1024n, p: 4 / 1024 });
    expect(bruteForceSignFlip(tenths)).toEqual({ count: 4n, total: 1024n });
  });

  it.each([
    { differences: [], count: 1n, total: 1n },
    { differences: [0, 0, 0], count: 8n, total: 8n },
    { differences: [1, -1], count: 4n, total: 4n },
    { differences: [2, 1, 1], count: 2n, total: 8n },
  ])('$differences: $count / $total', ({ differences, count, total }) => {
    const r = exactSignFlipTest(differences);
    expect(r.count).toBe(count);
    expect(r.total).toBe(total);
    expect(bruteForceSignFlip(differences)).toEqual({ count, total });
  });

  it('equals the enumeration on small random samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 12 }), (differences) => {
        const r = exactSignFlipTest(differences);
        expect({ count: r.count, total: r.total }).toEqual(bruteForceSignFlip(differences));
      }),
      propertyRuns(),
    );
  });

  it('counts exactly past 2^53', () => {
    const r = exactSignFlipTest(new Array(60).fill(2));
    expect(r.total).toBe(1n << 60n);
    expect(r.count).toBe(2n);
    expect(r.p).toBe(smallestSignFlipP(60));
  });

  it('takes integers only', () => {
    expect(() => exactSignFlipTest([0.7, -1.6])).toThrow(RangeError);
  });
});

describe('smallest attainable p and the "could never pass" rule', () => {
  it.each([
    { n1: 5, n2: 5, p: 2 / 252 },
    { n1: 3, n2: 3, p: 2 / 20 },
    { n1: 1, n2: 1, p: 1 },
  ])('permutation, $n1 and $n2: 2 / C(n1 + n2, n1) = $p', ({ n1, n2, p }) => {
    expect(smallestPermutationP(n1, n2)).toBe(p);
  });

  it.each([
    { pairs: 10, p: 2 / 1024 },
    { pairs: 3, p: 0.25 },
    { pairs: 0, p: 1 },
  ])('sign flip, $pairs pairs: 2 / 2^pairs = $p', ({ pairs, p }) => {
    expect(smallestSignFlipP(pairs)).toBe(p);
  });

  // m * 2 / C(n1 + n2, n1) >= 0.05, worked by hand: C(6, 3) = 20, C(8, 4) = 70, C(10, 3) = 120.
  it.each([
    { n1: 3, n2: 3, m: 1, never: true },
    { n1: 4, n2: 4, m: 1, never: false },
    { n1: 4, n2: 4, m: 2, never: true },
    { n1: 3, n2: 7, m: 2, never: false },
    { n1: 3, n2: 7, m: 3, never: true },
  ])('permutation, $n1 + $n2 over $m items: never passes = $never', ({ n1, n2, m, never }) => {
    expect(permutationCouldNeverPass(n1, n2, m)).toBe(never);
  });

  // m * 2 / 2^pairs >= 0.05: 2/32 = 0.0625, 2/64 = 0.03125.
  it.each([
    { pairs: 5, m: 1, never: true },
    { pairs: 6, m: 1, never: false },
    { pairs: 6, m: 2, never: true },
    { pairs: 10, m: 13, never: false },
  ])('sign flip, $pairs pairs over $m items: never passes = $never', ({ pairs, m, never }) => {
    expect(signFlipCouldNeverPass(pairs, m)).toBe(never);
  });

  it('binomial is exact', () => {
    expect(binomial(10, 5)).toBe(252n);
    expect(binomial(60, 30)).toBe(118264581564861424n);
    expect(binomial(5, 7)).toBe(0n);
  });
});
