import { describe, expect, it } from 'vitest';
import { oneSampleTTest, pairedTTest, pairedTTestOfCounts } from '../../src/compare/statistics/paired-t.js';
import { welchTest } from '../../src/compare/statistics/welch.js';

// R's `sleep` data (datasets::sleep; Student 1908): extra hours of sleep of ten patients
// under drug 1 (group 1) and drug 2 (group 2), patient by patient.
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

function summary(xs: readonly number[]): { n: number; mean: number; sd: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  return { n, mean, sd: Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) };
}

describe('welchTest', () => {
  it('reproduces R on the sleep data', () => {
    // R: t.test(extra ~ group, data = sleep) prints (gust.dev/r/power-ttests, among many)
    //   t = -1.8608, df = 17.776, p-value = 0.07939
    //   95 percent confidence interval: -3.3654832  0.2054832
    // R's difference is group 1 - group 2: here group 2 is before and group 1 after.
    const r = welchTest(summary(group2), summary(group1))!;
    expect(r.change).toBeCloseTo(-1.58, 12);
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    expect(r.ci[0]).toBeCloseTo(-3.3654832, 7);
    expect(r.ci[1]).toBeCloseTo(0.2054832, 7);
  });

  it('uses the other side’s n - 1 when one sd is 0', () => {
    // [4, 4, 4, 4] before, the sleep group 1 after (n 10): v = 9, and the interval is the
    // one-sample t-interval of group 1 shifted by 4.
    const r = welchTest({ n: 4, mean: 4, sd: 0 }, summary(group1))!;
    expect(r.df).toBe(9);
    const s = oneSampleTTest({ ...summary(group1), mean: summary(group1).mean - 4 })!;
    expect(r.ci[0]).toBeCloseTo(s.ci[0], 12);
    expect(r.ci[1]).toBeCloseTo(s.ci[1], 12);
    expect(r.p).toBeCloseTo(s.p, 12);
    expect(welchTest(summary(group1), { n: 6, mean: 4, sd: 0 })!.df).toBe(9);
  });

  it.each([
    { change: 0, p: 1 },
    { change: 1, p: 0 },
    { change: -2, p: 0 },
  ])('with both sds 0, change $change: interval [change, change], p = $p', ({ change, p }) => {
    const r = welchTest({ n: 3, mean: 3, sd: 0 }, { n: 5, mean: 3 + change, sd: 0 })!;
    expect(r).toEqual({ change, ci: [change, change], t: null, df: null, p });
  });

  it('is null when a side has fewer than two numbers', () => {
    expect(welchTest({ n: 1, mean: 3, sd: null }, { n: 5, mean: 3, sd: 1 })).toBeNull();
    expect(welchTest({ n: 5, mean: 3, sd: 1 }, { n: 1, mean: 3, sd: 0 })).toBeNull();
  });
});

describe('pairedTTest', () => {
  it('reproduces R on the sleep data', () => {
    // R, the example of ?t.test: with(sleep, t.test(extra[group == 1], extra[group == 2], paired = TRUE))
    //   t = -4.0621, df = 9, p-value = 0.002833
    //   95 percent confidence interval: -2.4598858 -0.7001142
    //   mean difference -1.58
    const r = pairedTTest(group1.map((x, i) => x - group2[i]!))!;
    expect(r.change).toBeCloseTo(-1.58, 12);
    expect(r.t).toBeCloseTo(-4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 6);
    expect(r.ci[0]).toBeCloseTo(-2.4598858, 7);
    expect(r.ci[1]).toBeCloseTo(-0.7001142, 7);
  });

  it.each([
    { differences: [0, 0, 0], p: 1 },
    { differences: [1, 1, 1, 1], p: 0 },
  ])('with no spread in $differences: interval [change, change], p = $p', ({ differences, p }) => {
    const r = pairedTTest(differences)!;
    expect(r.ci).toEqual([r.change, r.change]);
    expect(r.p).toBe(p);
    expect(r.t).toBeNull();
  });

  it('is null below two pairs', () => {
    expect(pairedTTest([1])).toBeNull();
    expect(pairedTTest([])).toBeNull();
    expect(oneSampleTTest({ n: 1, mean: 2, sd: null })).toBeNull();
  });
});

describe('pairedTTestOfCounts', () => {
  it('gives pairedTTest of the same whole-number differences in ascending order, to the last bit', () => {
    // A deterministic spread of differences between -4 and 4, many of each, as a 5-level scale gives.
    let seed = 7;
    for (let run = 0; run < 50; run++) {
      const counts = Array.from({ length: 9 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 8) % (run < 10 ? 3 : 5000));
      const sorted = counts.flatMap((c, bin) => Array.from({ length: c }, () => bin - 4));
      expect(pairedTTestOfCounts(-4, counts)).toStrictEqual(pairedTTest(sorted));
    }
  });
});
