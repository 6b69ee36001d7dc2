import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/compare/statistics/holm.js';

describe('holmAdjust', () => {
  it.each([
    // Wikipedia, "Holm–Bonferroni method", example: four hypotheses with p = 0.01, 0.04, 0.03,
    // 0.005 at 0.05; H1 and H4 rejected, H2 and H3 not. R: p.adjust(c(0.01, 0.04, 0.03, 0.005),
    // "holm") by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04,
    // running maximum 0.02, 0.03, 0.06, 0.06; in the input order 0.03 0.06 0.06 0.02.
    { name: 'the Wikipedia example', p: [0.01, 0.04, 0.03, 0.005], adjusted: [0.03, 0.06, 0.06, 0.02] },
    // Capped at 1, and the running maximum keeps the order: sorted 0.5, 0.6 times 2, 1.
    { name: 'capped at 1', p: [0.6, 0.5], adjusted: [1, 1] },
    // Ties: 0.01, 0.01, 0.04 times 3, 2, 1 = 0.03, 0.02, 0.04; running maximum 0.03, 0.03, 0.04.
    { name: 'ties', p: [0.04, 0.01, 0.01], adjusted: [0.04, 0.03, 0.03] },
    { name: 'one test is not adjusted', p: [0.2], adjusted: [0.2] },
    { name: 'no test', p: [], adjusted: [] },
  ])('$name', ({ p, adjusted }) => {
    const result = holmAdjust(p);
    expect(result).toHaveLength(adjusted.length);
    result.forEach((value, i) => expect(value).toBeCloseTo(adjusted[i]!, 15));
  });

  it('never lowers a p-value and keeps the order of the raw p-values', () => {
    const p = [0.3, 0.001, 0.02, 0.02, 0.8, 0.049];
    const adjusted = holmAdjust(p);
    p.forEach((raw, i) => expect(adjusted[i]).toBeGreaterThanOrEqual(raw));
    for (let i = 0; i < p.length; i++) {
      for (let j = 0; j < p.length; j++) if (p[i]! < p[j]!) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
    }
  });

  it('rejects what is not a p-value', () => {
    expect(() => holmAdjust([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => holmAdjust([1.5])).toThrow(RangeError);
  });
});
