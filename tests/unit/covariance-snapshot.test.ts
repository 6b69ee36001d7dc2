import { describe, expect, it } from 'vitest';
import { CovarianceAccumulator } from '../../src/scoring/statistics/covariance-accumulator.js';
import { covarianceSnapshot, SnapshotCovariances } from '../../src/scoring/statistics/covariance-snapshot.js';

describe('SnapshotCovariances', () => {
  it('answers every item and pair as the accumulator it was read from, after a structured clone', () => {
    const acc = new CovarianceAccumulator(4);
    const rows = [[1, 2, undefined, 4], [2, undefined, 3, 5], [3, 3, 4, undefined], [5, 1, 2, 2], [undefined, 4, 4, 1]];
    for (const row of rows) acc.add(row);
    const snapshot = new SnapshotCovariances(structuredClone(covarianceSnapshot(acc)));
    expect(snapshot.k).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(snapshot.n(i)).toBe(acc.n(i));
      expect(snapshot.variance(i)).toBe(acc.variance(i));
      for (let j = 0; j < 4; j++) {
        expect(snapshot.pairCount(i, j)).toBe(acc.pairCount(i, j));
        expect(snapshot.covariance(i, j)).toBe(acc.covariance(i, j));
      }
    }
    expect(() => snapshot.n(4)).toThrow(RangeError);
  });
});
