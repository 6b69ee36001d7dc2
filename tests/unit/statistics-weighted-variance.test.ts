import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CovarianceAccumulator } from '../../src/scoring/statistics/covariance-accumulator.js';
import { meanInterval } from '../../src/scoring/statistics/mean-interval.js';
import { weightedInterval, weightedVariance } from '../../src/scoring/statistics/weighted-variance.js';
import type { ItemCovariances } from '../../src/scoring/statistics/weighted-variance.js';
import { propertyRuns } from '../helpers/property-runs.js';

type Row = ReadonlyArray<number | undefined>;

function accumulate(k: number, rows: readonly Row[]): CovarianceAccumulator {
  const acc = new CovarianceAccumulator(k);
  for (const row of rows) acc.add(row);
  return acc;
}

/** Textbook two-pass sample covariance of the respondents who scored both, for comparison. */
function naiveCovariance(rows: readonly Row[], i: number, j: number): number | null {
  const both = rows.filter((r) => r[i] !== undefined && r[j] !== undefined);
  if (both.length < 2) return null;
  const mi = both.reduce((s, r) => s + r[i]!, 0) / both.length;
  const mj = both.reduce((s, r) => s + r[j]!, 0) / both.length;
  return both.reduce((s, r) => s + (r[i]! - mi) * (r[j]! - mj), 0) / (both.length - 1);
}

describe('CovarianceAccumulator', () => {
  // Worked by hand: item 0 has 1, 2, 3, 5 (mean 2.75, variance 8.75 / 3); item 1 has
  // 2, 3, 5, 4 (mean 3.5, variance 5 / 3); both were scored by the rows (1, 2), (3, 3),
  // (5, 4): deviations (-2, -1), (0, 0), (2, 1), covariance 4 / 2 = 2.
  const rows: Row[] = [[1, 2], [2, undefined], [3, 3], [undefined, 5], [5, 4]];
  const acc = accumulate(2, rows);

  it.each([
    { what: 'n(0)', value: acc.n(0), expected: 4 },
    { what: 'n(1)', value: acc.n(1), expected: 4 },
    { what: 'mean(0)', value: acc.mean(0), expected: 2.75 },
    { what: 'mean(1)', value: acc.mean(1), expected: 3.5 },
    { what: 'variance(0)', value: acc.variance(0), expected: 8.75 / 3 },
    { what: 'variance(1)', value: acc.variance(1), expected: 5 / 3 },
    { what: 'pairCount(0, 1)', value: acc.pairCount(0, 1), expected: 3 },
    { what: 'covariance(0, 1)', value: acc.covariance(0, 1), expected: 2 },
    { what: 'covariance(1, 0)', value: acc.covariance(1, 0), expected: 2 },
  ])('$what = $expected', ({ value, expected }) => {
    expect(value).toBeCloseTo(expected, 14);
  });

  it('gives null below two numbers', () => {
    const few = accumulate(3, [[1, undefined, 4], [undefined, 2, 5]]);
    expect(few.mean(0)).toBe(1);
    expect(few.variance(0)).toBeNull();
    expect(few.covariance(0, 1)).toBeNull();
    expect(few.covariance(0, 2)).toBeNull();
    expect(few.covariance(1, 2)).toBeNull();
    expect(new CovarianceAccumulator(2).mean(1)).toBeNull();
  });

  it('rejects rows of the wrong length, non-finite numbers and unknown items', () => {
    const a = new CovarianceAccumulator(2);
    expect(() => a.add([1])).toThrow(RangeError);
    expect(() => a.add([1, Number.NaN])).toThrow(RangeError);
    expect(() => a.n(2)).toThrow(RangeError);
  });

  it('keeps exact sums over a million rows of levels', () => {
    const big = new CovarianceAccumulator(2);
    const row = [0, 0];
    for (let r = 0; r < 1_000_000; r++) {
      row[0] = 1 + (r % 5);
      row[1] = 5 - (r % 5);
      big.add(row);
    }
    // Levels 1..5 equally often: variance = 2 * n / (n - 1) exactly, covariance its negative.
    expect(big.variance(0)).toBe((2 * 1_000_000) / 999_999);
    expect(big.covariance(0, 1)).toBe(-(2 * 1_000_000) / 999_999);
  });

  // Blocks of 256 rows are summed with the offsets of two items packed into one product (one
  // product for offsets of at most 7, two up to 127): at each limit, over full blocks, every pair's
  // count and covariance must be the exact figures, whatever mix of signs and gaps.
  it.each([
    [7, 'mixed'],
    [7, 'all +'],
    [-7, 'all -'],
    [8, 'all +'],
    [127, 'mixed'],
    [127, 'all +'],
    [-127, 'all -'],
  ])('keeps exact pair sums over full blocks of offsets %i (%s)', (largest, signs) => {
    const k = 3;
    const rows: Row[] = [[0, 0, 0]];
    let seed = Math.abs(largest);
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // 'all': every cell present at the largest offset, the sums at their bound; 'mixed': patchy, both signs.
    const cell = (): number | undefined => (signs !== 'mixed' ? largest : next() < 0.2 ? undefined : next() < 0.5 ? largest : -largest);
    for (let r = 1; r < 1000; r++) rows.push(Array.from({ length: k }, cell));
    const acc = accumulate(k, rows);
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const both = rows.filter((row) => row[i] !== undefined && row[j] !== undefined);
        expect(acc.pairCount(i, j)).toBe(both.length);
        // Exact in integers: (n Σxy - Σx Σy) / (n (n - 1)).
        const sx = both.reduce((s, row) => s + row[i]!, 0);
        const sy = both.reduce((s, row) => s + row[j]!, 0);
        const sxy = both.reduce((s, row) => s + row[i]! * row[j]!, 0);
        expect(acc.covariance(i, j)).toBeCloseTo((both.length * sxy - sx * sy) / (both.length * (both.length - 1)), 12);
      }
    }
  });

  it('matches the two-pass covariance on random patchy answers', () => {
    const arb = fc.integer({ min: 1, max: 5 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        rows: fc.array(fc.array(fc.option(fc.integer({ min: -3, max: 7 }), { nil: undefined }), { minLength: k, maxLength: k }), { maxLength: 30 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ k, rows }) => {
        const acc = accumulate(k, rows);
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            const expected = naiveCovariance(rows, i, j);
            const actual = acc.covariance(i, j);
            if (expected === null) expect(actual).toBeNull();
            else expect(actual).toBeCloseTo(expected, 10);
          }
        }
      }),
      propertyRuns(),
    );
  });
});

describe('weightedVariance', () => {
  it('is the hand-worked V of patchy answers', () => {
    // Same rows as above, c = (1/2, 1/2): C_00 = (35/12) / 4, C_11 = (5/3) / 4,
    // C_01 = 2 * 3 / (4 * 4) = 3/8. V = (35/192) + (20/192) + 2 * (1/4) * (3/8) = 91/192.
    const acc = accumulate(2, [[1, 2], [2, undefined], [3, 3], [undefined, 5], [5, 4]]);
    const w = weightedVariance([0.5, 0.5], acc);
    expect(w.V).toBeCloseTo(91 / 192, 14);
    expect(w.df).toBe(3);
    expect(w.reason).toBeNull();
  });

  it('counts a covariance as 0 when fewer than two respondents scored both', () => {
    // Items 0 and 1 overlap in one respondent only: V is the two variance terms alone.
    const acc = accumulate(2, [[1, 4], [2, undefined], [3, undefined], [undefined, 2], [undefined, 3]]);
    const w = weightedVariance([0.25, 0.75], acc);
    expect(w.V).toBeCloseTo(0.0625 * (1 / 3) + 0.5625 * (1 / 3), 14);
  });

  it('equals the item interval for one item', () => {
    const rows: Row[] = [[4], [4], [5], [3], [4]];
    const w = weightedVariance([1], accumulate(1, rows));
    // meanInterval: [3.1220, 4.8780] (statistics-intervals.test.ts).
    const ci = weightedInterval(4, w.V, w.df)!;
    expect(ci[0]).toBeCloseTo(3.122, 4);
    expect(ci[1]).toBeCloseTo(4.878, 4);
  });

  it.each([
    { name: 'an item below 3 numbers voids it', rows: [[1, 2], [2, 3], [undefined, 4], [undefined, 5]], c: [0.5, 0.5], limiting: 0, df: 1 },
    { name: 'the first of tied smallest n is named', rows: [[1, 2], [2, 3]], c: [0.5, 0.5], limiting: 0, df: 1 },
    { name: 'no item counts', rows: [[1, 2], [2, 3], [3, 3]], c: [0, 0], limiting: null, df: null },
  ])('null when too few answers: $name', ({ rows, c, limiting, df }) => {
    const w = weightedVariance(c, accumulate(2, rows));
    expect(w).toEqual({ V: null, df, limitingItem: limiting, reason: 'too-few-answers' });
    expect(weightedInterval(3, w.V, w.df)).toBeNull();
  });

  it('leaves an item of weight 0 out, however few its answers', () => {
    const w = weightedVariance([1, 0], accumulate(2, [[1, 5], [2, undefined], [3, undefined]]));
    expect(w.V).toBeCloseTo(1 / 3, 14);
    expect(w.limitingItem).toBe(0);
  });

  it('names the item with the smallest n as the limiting one', () => {
    const rows: Row[] = [[1, 2, 3], [2, 3, 4], [3, undefined, 5], [4, 5, 1], [5, 4, undefined]];
    expect(weightedVariance([1 / 3, 1 / 3, 1 / 3], accumulate(3, rows))).toMatchObject({ limitingItem: 1, df: 3 });
  });

  it('is 0 when every respondent gave the same answers', () => {
    const w = weightedVariance([0.5, 0.5], accumulate(2, [[3, 4], [3, 4], [3, 4]]));
    expect(w.V).toBe(0);
    expect(weightedInterval(3.5, w.V, w.df)).toEqual([3.5, 3.5]);
  });

  it('rounds a V that rounding left a hair below 0 up to 0', () => {
    // Every respondent's weighted score x0/3 + 2 x1/3 is exactly 3, so V is 0 in exact
    // arithmetic; in doubles the three terms leave -1.4e-17.
    const c = [1 / 3, 2 / 3];
    const rows: Row[] = [1, 2, 3, 4].map((x0) => [x0, (3 - c[0]! * x0) / c[1]!]);
    const acc = accumulate(2, rows);
    const raw = c[0]! ** 2 * (acc.variance(0)! / 4) + c[1]! ** 2 * (acc.variance(1)! / 4) + 2 * c[0]! * c[1]! * ((acc.covariance(0, 1)! * 4) / 16);
    expect(raw).toBeLessThan(0);
    expect(raw).toBeGreaterThanOrEqual(-1e-12);
    expect(weightedVariance(c, acc)).toEqual({ V: 0, df: 3, limitingItem: 0, reason: null });
  });

  /** One item whose variance makes V exactly the given value (V = variance / n for c = 1). */
  const fixedV = (v: number): ItemCovariances => ({ k: 1, n: () => 4, variance: () => v * 4, pairCount: () => 4, covariance: () => v * 4 });

  it.each([
    { V: -1e-13, expected: 0 },
    { V: -1e-12, expected: 0 },
    { V: -1.0001e-12, expected: null },
    { V: -0.01, expected: null },
  ])('V = $V counts as $expected', ({ V, expected }) => {
    const w = weightedVariance([1], fixedV(V));
    expect(w.V).toBe(expected);
    expect(w.reason).toBe(expected === null ? 'too-patchy' : null);
  });

  it('is void when patchy answers give a clearly negative V', () => {
    // Two items answered by different people except two who rate them oppositely (1, 5)
    // and (5, 1): a covariance of -8 over 2, set against variances over 5 each.
    const rows: Row[] = [[1, 5], [5, 1], [3, undefined], [3, undefined], [3, undefined], [undefined, 3], [undefined, 3], [undefined, 3]];
    const w = weightedVariance([0.5, 0.5], accumulate(2, rows));
    expect(w).toEqual({ V: null, df: 4, limitingItem: 0, reason: 'too-patchy' });
  });
});

describe('weightedInterval properties', () => {
  /** k items, 3..25 respondents, levels 1..5, positive coefficients that add up to 1. */
  const arbComplete = fc.integer({ min: 1, max: 5 }).chain((k) =>
    fc.record({
      rows: fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), { minLength: 3, maxLength: 25 }),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: k, maxLength: k }),
    }),
  );

  it('with complete answers equals the t-interval of each respondent’s own weighted score', () => {
    fc.assert(
      fc.property(arbComplete, ({ rows, weights }) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const c = weights.map((w) => w / total);
        const own = rows.map((r) => r.reduce((s, x, i) => s + c[i]! * x, 0));
        const n = own.length;
        const mean = own.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(own.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
        const expected = meanInterval(n, mean, sd)!;

        const acc = accumulate(c.length, rows);
        const score = c.reduce((s, ci, i) => s + ci * acc.mean(i)!, 0);
        const w = weightedVariance(c, acc);
        const actual = weightedInterval(score, w.V, w.df)!;
        expect(w.df).toBe(n - 1);
        expect(actual[0]).toBeCloseTo(expected[0], 9);
        expect(actual[1]).toBeCloseTo(expected[1], 9);
      }),
      propertyRuns(),
    );
  });

  it('contains its estimate, with answers missing anywhere', () => {
    const arbPatchy = fc.integer({ min: 1, max: 5 }).chain((k) =>
      fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 4 }), { minLength: k, maxLength: k }), { maxLength: 30 }),
    );
    fc.assert(
      fc.property(arbPatchy, (rows) => {
        const k = rows[0]?.length ?? 1;
        const acc = accumulate(k, rows);
        const c = Array.from({ length: k }, (_, i): number => (acc.n(i) > 0 ? 1 : 0));
        const counted = c.reduce((a, b) => a + b, 0);
        if (counted === 0) return;
        const coefficients = c.map((x) => x / counted);
        const score = coefficients.reduce((s, ci, i) => s + (ci === 0 ? 0 : ci * acc.mean(i)!), 0);
        const w = weightedVariance(coefficients, acc);
        const ci = weightedInterval(score, w.V, w.df);
        if (ci === null) return;
        expect(ci[0]).toBeLessThanOrEqual(score);
        expect(ci[1]).toBeGreaterThanOrEqual(score);
      }),
      propertyRuns(),
    );
  });
});
