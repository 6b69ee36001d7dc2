import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, krippendorffAlphaFromCounts } from '../../src/scoring/statistics/krippendorff-alpha.js';
import type { AlphaMetric } from '../../src/scoring/statistics/krippendorff-alpha.js';
import { propertyRuns } from '../helpers/property-runs.js';

type Matrix = ReadonlyArray<ReadonlyArray<number | null>>;

/** Coders in rows, units in columns (the papers' layout), to a list of units' values. */
function units(byCoder: Matrix): number[][] {
  return byCoder[0]!.map((_, u) => byCoder.map((row) => row[u]).filter((v): v is number => v !== null && v !== undefined));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
// observers, twelve units, values 1-5, missing data. The paper gives alpha = 0.743
// nominal, 0.815 ordinal, 0.849 interval. The same matrix is DescTools' KrippAlpha
// example and the test data of the R package jucor/krippendorff (0.743 nominal) and of
// the Python package krippendorff (tests/test_krippendorff.py: 0.815 ordinal).
const krippendorff2011: Matrix = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

// Wikipedia, "Krippendorff's alpha", a computational example: three coders, fifteen
// units. The Python package krippendorff pins alpha = 0.691358 nominal and 0.810845
// interval on it (tests/test_krippendorff.py).
const wikipedia: Matrix = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

describe('krippendorffAlpha', () => {
  it.each<{ data: string; matrix: Matrix; metric: AlphaMetric; alpha: number; digits: number }>([
    { data: 'Krippendorff 2011', matrix: krippendorff2011, metric: 'nominal', alpha: 0.743, digits: 3 },
    { data: 'Krippendorff 2011', matrix: krippendorff2011, metric: 'ordinal', alpha: 0.815, digits: 3 },
    { data: 'Krippendorff 2011', matrix: krippendorff2011, metric: 'interval', alpha: 0.849, digits: 3 },
    { data: 'Wikipedia', matrix: wikipedia, metric: 'nominal', alpha: 0.691358, digits: 6 },
    { data: 'Wikipedia', matrix: wikipedia, metric: 'interval', alpha: 0.810845, digits: 6 },
  ])('$data, $metric: $alpha', ({ matrix, metric, alpha, digits }) => {
    expect(krippendorffAlpha(units(matrix), metric)).toBeCloseTo(alpha, digits);
  });

  it.each<{ name: string; units: number[][] }>([
    { name: 'no unit', units: [] },
    { name: 'one coder: no unit has two values', units: [[1], [3], [5]] },
    { name: 'no variation at all', units: [[3, 3, 3], [3, 3], [3]] },
  ])('is null with $name', ({ units: u }) => {
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) expect(krippendorffAlpha(u, metric)).toBeNull();
  });

  it('is 1 for perfect agreement on varied units', () => {
    expect(krippendorffAlpha([[1, 1, 1], [2, 2], [5, 5, 5, 5]], 'interval')).toBe(1);
  });

  it('ignores units with a single value (nothing to pair them with)', () => {
    const base = units(krippendorff2011);
    expect(krippendorffAlpha([...base, [4], [1]], 'interval')).toBe(krippendorffAlpha(base, 'interval'));
  });

  it('gives the same from value counts as from values, whatever the order of coders', () => {
    const arb = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, (us) => {
        const values = [1, 2, 3, 4, 5];
        const counts = us.map((u) => values.map((v) => u.filter((x) => x === v).length));
        for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
          const fromValues = krippendorffAlpha(us, metric);
          const reversed = krippendorffAlpha(us.map((u) => [...u].reverse()), metric);
          const fromCounts = krippendorffAlphaFromCounts(values, counts, metric);
          if (fromValues === null) {
            expect(fromCounts).toBeNull();
            expect(reversed).toBeNull();
          } else {
            expect(fromCounts).toBeCloseTo(fromValues, 12);
            expect(reversed).toBeCloseTo(fromValues, 12);
          }
        }
      }),
      propertyRuns(),
    );
  });

  it('rejects values out of order for the counts form', () => {
    expect(() => krippendorffAlphaFromCounts([2, 1], [[1, 1]], 'ordinal')).toThrow(RangeError);
  });
});
