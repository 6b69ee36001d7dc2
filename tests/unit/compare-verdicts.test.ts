/**
 * The verdict rules of `compare` (docs/statistics.md, "Compare: telling change from noise"), each
 * pinned with values worked by hand in the comments; where a t quantile or a t-test's p-value is
 * involved, the reference is SciPy 1.17 (scipy.stats.t.ppf, ttest_ind(equal_var=False), ttest_rel,
 * permutation_test with n_resamples=inf). Scale 1..5, target 4 throughout.
 */
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import type { Comparison, ItemChange } from '../../src/compare/comparison.js';
import type { Score } from '../../src/core/answers.js';
import { buildAnswers, buildRubric, asFormat1, respondents, savedSide, scoredSide, scoreSets } from '../helpers/build.js';

const ONE = buildRubric({ sections: [{ id: 's', items: ['q'] }] });
const THREE = buildRubric({ sections: [{ id: 's', items: ['x', 'y', 'z'] }] });

/** Independent samples: respondents without an id or a name cannot be paired. */
function independent(before: readonly Score[], after: readonly Score[]): Comparison {
  return compareSides(scoredSide(ONE, respondents('q', before, { ids: false })), scoredSide(ONE, respondents('q', after, { ids: false })));
}

/** Paired samples: respondent i of each side is the same person (`r1`, `r2`, …). */
function paired(before: readonly Score[], after: readonly Score[]): Comparison {
  return compareSides(scoredSide(ONE, respondents('q', before)), scoredSide(ONE, respondents('q', after)));
}

const q = (c: Comparison): ItemChange => c.items[0]!;
const times = (value: number, n: number): number[] => Array.from({ length: n }, () => value);

describe('an item, independent', () => {
  it('is not tested with fewer than 3 numbers on a side: too few answers, no p, no interval, but a change', () => {
    const item = q(independent([1, 1], [5, 5, 5]));
    expect(item).toMatchObject({ change: 4, ci: null, p: null, adjustedP: null, verdict: 'too few answers' });
  });

  it('is too few answers when even the most extreme result could not pass: 3 a side, 2 / C(6, 3) = 0.1', () => {
    // 1,1,1 against 5,5,5 is the most extreme split there is: 2 of the C(6,3) = 20 relabellings.
    const item = q(independent([1, 1, 1], [5, 5, 5]));
    expect(item.p).toBeCloseTo(0.1, 15);
    expect(item.adjustedP).toBeCloseTo(0.1, 15);
    // m * 2 / 20 = 0.1 >= 0.05: no answers of this size can ever pass.
    expect(item.verdict).toBe('too few answers');
    // Both sds 0: the interval is [change, change].
    expect(item.ci).toEqual([4, 4]);
  });

  it('is improved at 4 a side with every answer moved: p = 2 / C(8, 4) = 2/70 < 0.05', () => {
    const item = q(independent([1, 1, 1, 1], [5, 5, 5, 5]));
    expect(item.p).toBeCloseTo(2 / 70, 15);
    expect(item.adjustedP).toBeCloseTo(2 / 70, 15);
    expect(item).toMatchObject({ change: 4, ci: [4, 4], verdict: 'improved', reachedTarget: true, fellBelowTarget: false });
  });

  it('is slipped by the sign of the change', () => {
    expect(q(independent([5, 5, 5, 5], [1, 1, 1, 1]))).toMatchObject({ change: -4, verdict: 'slipped', reachedTarget: false, fellBelowTarget: true });
  });

  it('counts every relabelling exactly: 1,1,1,1,2 against 1,2,2,2,2 gives p = 52/252', () => {
    // Pooled: five 1s and five 2s. With j twos in the follow-up group the statistic is 5|2j - 5|;
    // observed j = 4 gives 15, matched or passed by j = 0, 1, 4, 5: 1 + 25 + 25 + 1 = 52 of C(10, 5) = 252.
    const item = q(independent([1, 1, 1, 1, 2], [1, 2, 2, 2, 2]));
    expect(item.p).toBeCloseTo(52 / 252, 15);
    expect(item.verdict).toBe('no clear change');
    // Welch: change 0.6, s1 = s2 = sqrt(0.2), v = 8, t(0.975, 8) = 2.306004: SciPy's [-0.05224, 1.25224].
    expect(item.change).toBeCloseTo(0.6, 15);
    expect(item.ci![0]).toBeCloseTo(-0.05223646457883435, 12);
    expect(item.ci![1]).toBeCloseTo(1.2522364645788344, 12);
  });

  it('gives no clear change, p = 1 and the interval [0, 0] when nothing moved and nobody differed', () => {
    expect(q(independent([3, 3, 3, 3], [3, 3, 3, 3]))).toMatchObject({ change: 0, ci: [0, 0], p: 1, verdict: 'no clear change' });
  });

  it("uses Welch's test above 60 answers in all, and its interval", () => {
    // 31 before (ten 2s, eleven 3s, ten 4s) and 31 after (six 2s, ten 3s, fifteen 4s): 62 > 60.
    // SciPy ttest_ind(after, before, equal_var=False): t = 1.42899, df = 59.894, p = 0.158202,
    // interval [-0.1160848, 0.6967300].
    const item = q(independent([...times(2, 10), ...times(3, 11), ...times(4, 10)], [...times(2, 6), ...times(3, 10), ...times(4, 15)]));
    expect(item.p).toBeCloseTo(0.1582015684582995, 10);
    expect(item.ci![0]).toBeCloseTo(-0.11608480466570309, 10);
    expect(item.ci![1]).toBeCloseTo(0.696729965956026, 10);
    expect(item.verdict).toBe('no clear change');
  });

  it('still uses the exact test at exactly 60 answers', () => {
    // 30 ones against 30 fives: the exact p is 2 / C(60, 30), far below Welch's 0 for two sds of 0.
    const item = q(independent(times(1, 30), times(5, 30)));
    expect(item.p).toBeGreaterThan(0);
    expect(item.p).toBeLessThan(1e-15);
    expect(item.verdict).toBe('improved');
  });
});

describe('an item, paired', () => {
  it('is too few answers with 5 pairs even when all moved the same way: 2 / 2^5 = 0.0625', () => {
    const item = q(paired([2, 2, 2, 2, 2], [3, 3, 3, 3, 3]));
    expect(item.p).toBeCloseTo(0.0625, 15);
    expect(item).toMatchObject({ change: 1, ci: [1, 1], verdict: 'too few answers' });
  });

  it('is improved with 6 pairs all up by one: p = 2 / 2^6 = 0.03125', () => {
    const item = q(paired(times(2, 6), times(3, 6)));
    expect(item.p).toBeCloseTo(0.03125, 15);
    expect(item).toMatchObject({ change: 1, ci: [1, 1], verdict: 'improved' });
  });

  it('counts every sign pattern: differences 1,1,1,1,1,-1 give p = 14/64', () => {
    // Sum 4 of absolute sum 6; a pattern with F of the ones negated sums to 6 - 2F, at least 4 away
    // from 0 for F = 0, 1, 5, 6: 1 + 6 + 6 + 1 = 14 of 64.
    const item = q(paired([1, 1, 1, 1, 1, 3], [2, 2, 2, 2, 2, 2]));
    expect(item.p).toBeCloseTo(14 / 64, 15);
    expect(item.change).toBeCloseTo(4 / 6, 15);
    // Paired t interval: mean 2/3, sd sqrt(2/3), t(0.975, 5) = 2.570582: SciPy's [-0.190194, 1.523527].
    expect(item.ci![0]).toBeCloseTo(-0.19019394521210486, 12);
    expect(item.ci![1]).toBeCloseTo(1.5235272785454381, 12);
    expect(item.verdict).toBe('no clear change');
  });

  it('uses the paired t-test above 60 pairs', () => {
    // 61 pairs, all 3 before; differences thirty 0s, twenty +1s, eight -1s, three +2s.
    // SciPy ttest_rel: t = 3.03103, df = 60, p = 0.0035944, interval [0.1003456, 0.4898183].
    const diffs = [...times(0, 30), ...times(1, 20), ...times(-1, 8), ...times(2, 3)];
    const item = q(paired(times(3, 61), diffs.map((d) => 3 + d)));
    expect(item.change).toBeCloseTo(18 / 61, 12);
    expect(item.p).toBeCloseTo(0.003594392438065548, 10);
    expect(item.ci![0]).toBeCloseTo(0.10034561366265293, 10);
    expect(item.ci![1]).toBeCloseTo(0.48981832076357656, 10);
    expect(item.verdict).toBe('improved');
  });

  it("uses only the pairs where both gave a number, and still shows each side's own mean", () => {
    // r1..r6: before 2,2,2,2,2,na; after 3,3,3,3,3,5 plus r7 who answered after only.
    const before = respondents('q', [2, 2, 2, 2, 2, 'na']);
    const after = respondents('q', [3, 3, 3, 3, 3, 5, 1]);
    const item = q(compareSides(scoredSide(ONE, before), scoredSide(ONE, after)));
    expect(item.before).toEqual({ score: 2, index: 25, gap: 2, n: 5 });
    expect(item.after.score).toBeCloseTo(21 / 7, 15);
    // Five pairs with two numbers, each +1: too few to ever pass (2 / 2^5 >= 0.05).
    expect(item).toMatchObject({ change: 1, verdict: 'too few answers' });
  });
});

describe("Holm's adjustment over the items tested", () => {
  it('adjusts three p-values and flags an interval that leaves out 0 under no clear change', () => {
    // 5 a side (C(10, 5) = 252). x: 1×5 against 5×5, p = 2/252. y: 1×5 against 1,2,2,2,2: with j twos
    // after, the statistic is 5|2j - 4|, observed 20, matched only by j = 0 and 4: 6 + 6 = 12, p = 12/252.
    // z: p = 52/252 (above). Holm: 3 * 2/252 = 0.0238; max(0.0238, 2 * 12/252) = 0.0952; max(0.0952, 52/252) = 0.2063.
    const before = [0, 1, 2, 3, 4].map((i) => buildAnswers(`b${i}.yaml`, { x: 1, y: 1, z: [1, 1, 1, 1, 2][i]! }));
    const after = [1, 2, 3, 4, 5].map((_, i) => buildAnswers(`a${i}.yaml`, { x: 5, y: [1, 2, 2, 2, 2][i]!, z: [1, 2, 2, 2, 2][i]! }));
    const c = compareSides(scoredSide(THREE, before), scoredSide(THREE, after));
    const [x, y, z] = c.items;
    expect(x!.p).toBeCloseTo(2 / 252, 15);
    expect(y!.p).toBeCloseTo(12 / 252, 15);
    expect(z!.p).toBeCloseTo(52 / 252, 15);
    expect(x!.adjustedP).toBeCloseTo(6 / 252, 15);
    expect(y!.adjustedP).toBeCloseTo(24 / 252, 15);
    expect(z!.adjustedP).toBeCloseTo(52 / 252, 15);
    expect(c.items.map((i) => i.verdict)).toEqual(['improved', 'no clear change', 'no clear change']);
    // y alone would pass (12/252 = 0.048); its Welch interval (one sd 0, v = 4, t(0.975, 4) = 2.776445)
    // is SciPy's [0.244711, 1.355289], which leaves out 0: the case the report explains.
    expect(y!.ci![0]).toBeCloseTo(0.24471097896044125, 12);
    expect(y!.ci![1]).toBeCloseTo(1.355289021039559, 12);
  });

  it('makes sample sizes too small to ever pass Holm read too few answers: 4 a side among 2 items', () => {
    // Alone, 4 a side can pass (2/70 < 0.05, above); with m = 2, 2 * 2/70 = 0.057: never. Both are
    // still tested (they count in m and get an adjusted p), and both read too few answers.
    const two = buildRubric({ sections: [{ id: 's', items: ['x', 'y'] }] });
    const sets = (v: number, prefix: string) => [0, 1, 2, 3].map((i) => buildAnswers(`${prefix}${i}.yaml`, { x: v, y: v }));
    const c = compareSides(scoredSide(two, sets(1, 'b')), scoredSide(two, sets(5, 'a')));
    for (const item of c.items) {
      expect(item.p).toBeCloseTo(2 / 70, 15);
      expect(item.adjustedP).toBeCloseTo(4 / 70, 15);
      expect(item.verdict).toBe('too few answers');
    }
  });

  it('counts in m only the items tested', () => {
    // x and y: 4 a side, all moved; z: 2 a side (not tested). m = 2, so x and y could never pass.
    const before = [0, 1, 2, 3].map((i) => buildAnswers(`b${i}.yaml`, { x: 1, y: 1, ...(i < 2 ? { z: 1 } : {}) }));
    const after = [0, 1, 2, 3].map((i) => buildAnswers(`a${i}.yaml`, { x: 5, y: 5, ...(i < 2 ? { z: 5 } : {}) }));
    const c = compareSides(scoredSide(THREE, before), scoredSide(THREE, after));
    expect(c.items.map((i) => [i.id, i.p === null, i.verdict])).toEqual([
      ['x', false, 'too few answers'],
      ['y', false, 'too few answers'],
      ['z', true, 'too few answers'],
    ]);
    expect(c.items[0]!.adjustedP).toBeCloseTo(4 / 70, 15);
  });
});

describe('sections and the overall score', () => {
  it('are no clear change when the interval holds 0: 1,2,3 against 3,4,5', () => {
    // V = 1/3 a side (sd 1, n 3), df = 2, t(0.975, 2) = 4.302653: 2 ± 4.302653 * sqrt(2/3) = 2 ± 3.513101.
    const c = independent([1, 2, 3], [3, 4, 5]);
    expect(c.overall.change).toBe(2);
    expect(c.overall.ci![0]).toBeCloseTo(2 - 4.302652729749462 * Math.sqrt(2 / 3), 12);
    expect(c.overall.ci![1]).toBeCloseTo(2 + 4.302652729749462 * Math.sqrt(2 / 3), 12);
    expect(c.overall.verdict).toBe('no clear change');
    expect(c.sections[0]).toMatchObject({ id: 's', verdict: 'no clear change' });
  });

  it('are improved when the interval leaves out 0: 1,2,3 three times against 3,4,5 three times', () => {
    // sd^2 = 6/8 = 0.75, V = 0.75/9 a side, df = 8, t(0.975, 8) = 2.306004: 2 ± 2.306004 * sqrt(1/6) = [1.058579, 2.941421].
    const c = independent([1, 2, 3, 1, 2, 3, 1, 2, 3], [3, 4, 5, 3, 4, 5, 3, 4, 5]);
    expect(c.overall.ci![0]).toBeCloseTo(2 - 2.306004135204166 * Math.sqrt(1 / 6), 12);
    expect(c.overall).toMatchObject({ change: 2, verdict: 'improved', before: { n: 9 }, after: { n: 9 } });
  });

  it('are slipped the other way', () => {
    expect(independent([3, 4, 5, 3, 4, 5, 3, 4, 5], [1, 2, 3, 1, 2, 3, 1, 2, 3]).overall.verdict).toBe('slipped');
  });

  it('ignore the pairing: the same answers paired or not give the same section interval', () => {
    const b = [1, 2, 3, 1, 2, 3, 1, 2, 3];
    const a = [3, 4, 5, 3, 4, 5, 3, 4, 5];
    expect(paired(b, a).design).toBe('paired');
    expect(paired(b, a).overall.ci).toEqual(independent(b, a).overall.ci);
  });

  it('take the smaller df and add the two V: two items, complete answers', () => {
    // Items a, b weigh 1 each. Before (a, b): (1,2), (2,3), (3,4): own scores 1.5, 2.5, 3.5, V = 1/3, df 2.
    // After: 2..6 of (a = b): scores 2, 3, 4, 5, 6 → on a 1..5 scale use (2,2), (3,3), (4,4), (5,5), (3,3):
    // scores 2, 3, 4, 5, 3, mean 3.4, sd^2 = (1.96 + 0.16 + 0.36 + 2.56 + 0.16) / 4 = 1.3, V = 0.26, df 4.
    // change 0.9, df min(2, 4) = 2: 0.9 ± 4.302653 * sqrt(1/3 + 0.26).
    const two = buildRubric({ sections: [{ id: 's', items: ['a', 'b'] }] });
    const before = [[1, 2], [2, 3], [3, 4]].map(([a, b], i) => buildAnswers(`b${i}.yaml`, { a: a!, b: b! }));
    const after = [2, 3, 4, 5, 3].map((v, i) => buildAnswers(`a${i}.yaml`, { a: v, b: v }));
    const c = compareSides(scoredSide(two, before), scoredSide(two, after));
    const half = 4.302652729749462 * Math.sqrt(1 / 3 + 0.26);
    expect(c.overall.change).toBeCloseTo(0.9, 12);
    expect(c.overall.ci![0]).toBeCloseTo(0.9 - half, 10);
    expect(c.overall.ci![1]).toBeCloseTo(0.9 + half, 10);
  });

  it('are too few answers when a side has no interval (an item with fewer than 3 numbers)', () => {
    const c = independent([1, 2], [3, 4, 5]);
    expect(c.overall).toMatchObject({ change: expect.closeTo(2.5, 12), ci: null, verdict: 'too few answers' });
  });

  it('leave out items of weight 0, which are still compared and judged themselves', () => {
    // z weighs 0: the overall score and its interval are a's alone, as if z were not there.
    const rubric = buildRubric({ sections: [{ id: 's', items: ['a', { id: 'z', weight: 0 }] }] });
    const only = buildRubric({ sections: [{ id: 's', items: ['a'] }] });
    const sets = (a: number[], z: number[], p: string) => a.map((v, i) => buildAnswers(`${p}${i}.yaml`, { a: v, z: z[i]! }));
    const b = sets([1, 2, 3, 1, 2, 3], [5, 5, 5, 5, 5, 5], 'b');
    const a = sets([3, 4, 5, 3, 4, 5], [1, 1, 1, 1, 1, 1], 'a');
    const c = compareSides(scoredSide(rubric, b), scoredSide(rubric, a));
    const plain = compareSides(scoredSide(only, b), scoredSide(only, a));
    expect(c.overall).toEqual(plain.overall);
    expect(c.sections[0]).toEqual(plain.sections[0]);
    expect(c.items.find((i) => i.id === 'z')).toMatchObject({ change: -4, verdict: 'slipped' });
  });

  it('follow the plain mean of a section whose scored items all weigh 0', () => {
    const rubric = buildRubric({ sections: [{ id: 'main', items: ['a'] }, { id: 'zero', items: [{ id: 'z', weight: 0 }] }] });
    const sets = (z: number[], p: string) => z.map((v, i) => buildAnswers(`${p}${i}.yaml`, { a: 3, z: v }));
    const c = compareSides(scoredSide(rubric, sets([1, 2, 3, 1, 2, 3, 1, 2, 3], 'b')), scoredSide(rubric, sets([3, 4, 5, 3, 4, 5, 3, 4, 5], 'a')));
    expect(c.sections[1]).toMatchObject({ id: 'zero', change: 2, verdict: 'improved' });
    expect(c.sections[1]!.ci![0]).toBeCloseTo(2 - 2.306004135204166 * Math.sqrt(1 / 6), 12);
  });

  it('agree with the score report of each side, figure for figure', () => {
    const rubric = buildRubric({ sections: [{ id: 'one', weight: 2, items: ['a', 'b'] }, { id: 'two', items: ['c', { id: 'd', weight: 3 }] }] });
    const answers = (seed: number, p: string) =>
      Array.from({ length: 7 }, (_, i) => buildAnswers(`${p}${i}.yaml`, { a: 1 + ((i * seed) % 5), b: i % 3 === 0 ? 'na' : 1 + ((i + seed) % 5), c: 1 + ((i * 7 + seed) % 5), ...(i % 4 === 0 ? {} : { d: 1 + ((i * 3) % 5) }) }));
    const b = answers(2, 'b');
    const a = answers(3, 'a');
    const c = compareSides(scoredSide(rubric, b), scoredSide(rubric, a));
    const [rb, ra] = [scoreSets(rubric, b), scoreSets(rubric, a)];
    for (const [side, report] of [['before', rb], ['after', ra]] as const) {
      expect(c.overall[side]).toMatchObject({ score: report.overall.score, index: report.overall.index, gap: report.overall.gap });
      c.sections.forEach((s, i) => expect(s[side]).toMatchObject({ score: report.sections[i]!.score, index: report.sections[i]!.index, gap: report.sections[i]!.gap }));
      c.items.forEach((item, i) => expect(item[side]).toEqual({ score: report.items[i]!.score, index: report.items[i]!.index, gap: report.items[i]!.gap, n: report.items[i]!.n }));
    }
  });
});

describe('a saved JSON report as a side', () => {
  const before = scoreSets(ONE, respondents('q', [1, 2, 3, 1, 2, 3, 1, 2, 3]));
  const after = respondents('q', [3, 4, 5, 3, 4, 5, 3, 4, 5]);

  it("uses Welch's test from its n, score and sd, and is always independent", () => {
    const c = compareSides(savedSide(asFormat1(before)), scoredSide(ONE, after));
    expect(c.design).toBe('independent');
    expect(c.pairs).toBe(0);
    const scored = independent([1, 2, 3, 1, 2, 3, 1, 2, 3], [3, 4, 5, 3, 4, 5, 3, 4, 5]);
    // The same interval; the p-value is Welch's (18 answers would otherwise take the exact test).
    expect(q(c).ci).toEqual(q(scored).ci);
    expect(q(c).p).not.toBe(q(scored).p);
    expect(q(c).verdict).toBe('improved');
  });

  it('of format 1 makes sections and the overall score too few answers, with a warning', () => {
    const c = compareSides(savedSide(asFormat1(before)), scoredSide(ONE, after), { beforeInput: 'baseline.json' });
    expect(c.overall).toMatchObject({ change: 2, ci: null, verdict: 'too few answers' });
    expect(c.sections[0]!.verdict).toBe('too few answers');
    expect(c.warnings).toEqual([expect.objectContaining({ code: 'no-intervals', message: expect.stringMatching(/^baseline\.json is a report of format 1/) })]);
  });

  it('of format 2 gives V as se^2 and its df', () => {
    // se = sqrt(0.75 / 9), df 8: the scored side's own V and df, so the interval is the scored one's.
    expect(before.overall.se).toBeCloseTo(Math.sqrt(0.75 / 9), 15);
    expect(before.overall.df).toBe(8);
    const c = compareSides(savedSide(before), scoredSide(ONE, after));
    const scored = independent([1, 2, 3, 1, 2, 3, 1, 2, 3], [3, 4, 5, 3, 4, 5, 3, 4, 5]);
    expect(c.overall.ci![0]).toBeCloseTo(scored.overall.ci![0], 12);
    expect(c.overall.ci![1]).toBeCloseTo(scored.overall.ci![1], 12);
    expect(c.overall.verdict).toBe('improved');
    expect(c.warnings).toEqual([]);
  });
});
