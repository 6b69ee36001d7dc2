import { describe, expect, it } from 'vitest';
import { levelStats } from '../../src/scoring/stats.js';

/** Level counts for a list of scores on the scale min..max. */
function counts(scores: readonly number[], min: number, max: number): number[] {
  const c = new Array<number>(max - min + 1).fill(0);
  for (const s of scores) c[s - min]! += 1;
  return c;
}

interface Row {
  readonly name: string;
  readonly scores: readonly number[];
  readonly scale: readonly [number, number];
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Sample variance (sd^2), or null when n < 2. */
  readonly variance: number | null;
  readonly rwg: number | null;
}

// rwg = max(0, 1 - var / ((A^2 - 1) / 12)). On 1..5, A = 5 and (25 - 1)/12 = 2;
// on 1..7, A = 7 and (49 - 1)/12 = 4; on 0..4, A = 5 again.
// var = (n*Σx² - (Σx)²) / (n(n-1)).
const rows: Row[] = [
  // One respondent: no spread, no agreement measure.
  { name: 'one respondent', scores: [3], scale: [1, 5], n: 1, mean: 3, median: 3, min: 3, max: 3, variance: null, rwg: null },
  // Σx=6, Σx²=20: (2*20 - 36)/2 = 2; rwg = 1 - 2/2 = 0.
  { name: 'two, even median', scores: [2, 4], scale: [1, 5], n: 2, mean: 3, median: 3, min: 2, max: 4, variance: 2, rwg: 0 },
  // Σx=7, Σx²=21: (63 - 49)/6 = 7/3; 1 - (7/3)/2 < 0, so rwg = 0. Median: the middle value, 2.
  { name: 'three, odd median', scores: [4, 1, 2], scale: [1, 5], n: 3, mean: 7 / 3, median: 2, min: 1, max: 4, variance: 7 / 3, rwg: 0 },
  // Σx=18, Σx²=82: (328 - 324)/12 = 1/3; rwg = 1 - (1/3)/2 = 5/6. Median (4 + 5)/2.
  { name: 'four, split median', scores: [5, 4, 5, 4], scale: [1, 5], n: 4, mean: 4.5, median: 4.5, min: 4, max: 5, variance: 1 / 3, rwg: 5 / 6 },
  // Σx=15, Σx²=57: (228 - 225)/12 = 0.25; rwg = 1 - 0.25/2 = 0.875. Median (4 + 4)/2.
  { name: 'four, equal middles', scores: [4, 3, 4, 4], scale: [1, 5], n: 4, mean: 3.75, median: 4, min: 3, max: 4, variance: 0.25, rwg: 0.875 },
  // Everyone agrees: var 0, rwg 1.
  { name: 'full agreement', scores: [3, 3, 3], scale: [1, 5], n: 3, mean: 3, median: 3, min: 3, max: 3, variance: 0, rwg: 1 },
  // Σx=16, Σx²=54: (270 - 256)/20 = 0.7; rwg = 1 - 0.7/2 = 0.65.
  { name: 'five, low agreement', scores: [2, 3, 3, 4, 4], scale: [1, 5], n: 5, mean: 3.2, median: 3, min: 2, max: 4, variance: 0.7, rwg: 0.65 },
  // Same answers [3, 5] on two scales: var 2 both times, but A differs.
  // 1..5: 1 - 2/2 = 0.   1..7: 1 - 2/4 = 0.5.
  { name: '1-5 scale, A=5', scores: [3, 5], scale: [1, 5], n: 2, mean: 4, median: 4, min: 3, max: 5, variance: 2, rwg: 0 },
  { name: '1-7 scale, A=7', scores: [3, 5], scale: [1, 7], n: 2, mean: 4, median: 4, min: 3, max: 5, variance: 2, rwg: 0.5 },
  // 0-based scale 0..4 (A=5): Σx=2, Σx²=4: (8 - 4)/2 = 2; rwg = 1 - 2/2 = 0.
  { name: '0-based scale', scores: [0, 2], scale: [0, 4], n: 2, mean: 1, median: 1, min: 0, max: 2, variance: 2, rwg: 0 },
  // Negative levels (-2..2, A=5): Σx=-1, Σx²=5: (15 - 1)/6 = 7/3; 1 - (7/3)/2 < 0 → 0.
  { name: 'negative levels', scores: [-2, 0, 1], scale: [-2, 2], n: 3, mean: -1 / 3, median: 0, min: -2, max: 1, variance: 7 / 3, rwg: 0 },
];

describe('levelStats', () => {
  it.each(rows)('$name', (row) => {
    const [lo, hi] = row.scale;
    const s = levelStats(counts(row.scores, lo, hi), { min: lo });
    expect(s.n).toBe(row.n);
    expect(s.mean).toBeCloseTo(row.mean, 12);
    expect(s.median).toBe(row.median);
    expect(s.min).toBe(row.min);
    expect(s.max).toBe(row.max);
    if (row.variance === null) {
      expect(s.sd).toBeNull();
    } else {
      expect(s.sd).toBeCloseTo(Math.sqrt(row.variance), 12);
    }
    if (row.rwg === null) {
      expect(s.rwg).toBeNull();
    } else {
      expect(s.rwg).toBeCloseTo(row.rwg, 12);
    }
  });

  it('gives nulls and n = 0 when nobody scored', () => {
    expect(levelStats([0, 0, 0, 0, 0], { min: 1 })).toEqual({
      n: 0,
      mean: null,
      median: null,
      min: null,
      max: null,
      sd: null,
      rwg: null,
    });
  });

  it('stays exact for a million respondents, where n*Σx² passes 2^53', () => {
    // Scale 1..101: 636,945 answers of 100 and 453,790 of 101 (n = 1,090,735).
    // For two levels one apart, n*Σx² - (Σx)² = a*b = 636,945 * 453,790 = 289,039,271,550,
    // so var = 289,039,271,550 / (1,090,735 * 1,090,734). Subtracting the two rounded
    // doubles instead gives 289,039,271,552: that is why the numerator is a BigInt.
    const c = new Array<number>(101).fill(0);
    c[99] = 636_945;
    c[100] = 453_790;
    const s = levelStats(c, { min: 1 });
    const variance = 289_039_271_550 / (1_090_735 * 1_090_734);
    expect(s.n).toBe(1_090_735);
    expect(s.mean).toBe((636_945 * 100 + 453_790 * 101) / 1_090_735);
    expect(s.median).toBe(100); // the middle rank 545,367 falls among the 100s
    expect(s.sd).toBe(Math.sqrt(variance));
    // A = 101: (101² - 1)/12 = 850.
    expect(s.rwg).toBe(1 - variance / 850);
  });
});
