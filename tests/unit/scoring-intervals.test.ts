/**
 * How sure each number is, in the report (docs/statistics.md): item t-intervals, the share at
 * target with its Wilson interval, section and overall intervals from the items' covariances,
 * Krippendorff's alpha over the audit, and the fieldwork dates. Reference values are cited.
 */
import { describe, expect, it } from 'vitest';
import { buildAnswers, buildRubric, itemOf, scoreSets } from '../helpers/build.js';
import { tQuantile } from '../../src/scoring/statistics/t-distribution.js';

const one = buildRubric({ sections: [{ id: 's', items: ['q'] }] });

describe('item intervals', () => {
  it('gives [4,4,5,3,4] the t-interval [3.1220, 4.8780] and 4 of 5 at target 4 the Wilson interval [0.3755, 0.9638]', () => {
    // t.test(c(4,4,5,3,4)) in R: 95 percent confidence interval 3.122 4.878 (mean 4, sd 0.7071, t(0.975, 4) = 2.776445).
    // Wilson (1927) for 4 of 5 at 95%: [0.3755, 0.9638] (Newcombe 1998, Table I, method 3).
    const sets = [4, 4, 5, 3, 4].map((q, i) => buildAnswers(`r${i}.yaml`, { q }));
    const item = itemOf(scoreSets(one, sets), 'q');
    expect(item.ci![0]).toBeCloseTo(3.122, 3);
    expect(item.ci![1]).toBeCloseTo(4.878, 3);
    expect(item.atTarget!.share).toBe(0.8);
    expect(item.atTarget!.ci![0]).toBeCloseTo(0.3755, 4);
    expect(item.atTarget!.ci![1]).toBeCloseTo(0.9638, 4);
  });

  it('has no interval below three answers ("too few answers to judge"), and counts n/a and not answered apart', () => {
    const sets = [buildAnswers('a.yaml', { q: 4 }), buildAnswers('b.yaml', { q: 3 }), buildAnswers('c.yaml', { q: 'na' }), buildAnswers('d.yaml', {})];
    const item = itemOf(scoreSets(one, sets), 'q');
    expect(item.ci).toBeNull();
    expect(item).toMatchObject({ n: 2, na: 1, unanswered: 1 });
  });
});

describe('section and overall intervals', () => {
  it('equals the t-interval of the respondents\' own weighted scores when every answer is there', () => {
    // Two items, weights 2 and 1 in one section: each respondent's score is (2q + r)/3.
    const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'q', weight: 2 }, 'r'] }] });
    const rows = [[4, 2], [3, 3], [5, 4], [2, 2], [4, 5]] as const;
    const report = scoreSets(rubric, rows.map(([q, r], i) => buildAnswers(`r${i}.yaml`, { q, r })));
    const own = rows.map(([q, r]) => (2 * q + r) / 3);
    const mean = own.reduce((a, b) => a + b, 0) / own.length;
    const sd = Math.sqrt(own.reduce((a, b) => a + (b - mean) ** 2, 0) / (own.length - 1));
    const half = tQuantile(0.975, own.length - 1) * (sd / Math.sqrt(own.length));
    for (const figures of [report.overall, report.sections[0]!]) {
      expect(figures.score).toBeCloseTo(mean, 12);
      expect(figures.ci![0]).toBeCloseTo(mean - half, 10);
      expect(figures.ci![1]).toBeCloseTo(mean + half, 10);
      expect(figures.se).toBeCloseTo(sd / Math.sqrt(own.length), 10);
      expect(figures.df).toBe(4);
    }
  });

  it('names the item that voids the interval: the one with the fewest answers', () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: ['q', 'r'] }] });
    const sets = [buildAnswers('a.yaml', { q: 4, r: 3 }), buildAnswers('b.yaml', { q: 3 }), buildAnswers('c.yaml', { q: 5, r: 4 })];
    const report = scoreSets(rubric, sets);
    expect(report.overall.ci).toBeNull();
    expect(report.overall.limitedBy).toBe('r');
  });
});

describe('agreement over the audit', () => {
  it('is Krippendorff\'s alpha, interval metric, over the items, with the respondents who gave a number', () => {
    // Two respondents who rank three items the same way, one point apart: alpha is high.
    const rubric = buildRubric({ sections: [{ id: 's', items: ['a', 'b', 'c'] }] });
    const report = scoreSets(rubric, [buildAnswers('x.yaml', { a: 1, b: 3, c: 5 }), buildAnswers('y.yaml', { a: 2, b: 3, c: 5 }), buildAnswers('z.yaml', {})]);
    expect(report.agreement.n).toBe(2);
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", interval metric δ² = (v - v')².
    // Units a {1,2}, b {3,3}, c {5,5}; n = 6 pairable values. Do = (1/n) Σ_u Σ_(i≠j in u) δ² / (m_u - 1)
    // = (1/6)(2/1) = 1/3. De = Σ over all ordered pairs of the 6 values δ² / (n(n - 1)): unordered pairs
    // 1-2: 1, 1-3: 2·4, 1-5: 2·16, 2-3: 2·1, 2-5: 2·9, 3-5: 4·4 = 77, ordered 154, De = 154/30.
    // alpha = 1 - Do/De = 1 - 30/462 = 0.935065.
    expect(report.agreement.alpha).toBeCloseTo(1 - 30 / 462, 10);
    expect(scoreSets(rubric, [buildAnswers('x.yaml', { a: 1, b: 3, c: 5 })]).agreement.alpha).toBeNull();
  });
});

describe('fieldwork', () => {
  it('is the earliest and latest answer date, or null when none has one', () => {
    const dated = (file: string, date: string) => ({ ...buildAnswers(file, { q: 3 }), date });
    expect(scoreSets(one, [dated('a.yaml', '2026-10-07'), dated('b.yaml', '2026-10-03'), dated('c.yaml', '2026-10-09')]).fieldwork).toEqual({ from: '2026-10-03', to: '2026-10-09' });
    expect(scoreSets(one, [buildAnswers('a.yaml', { q: 3 })]).fieldwork).toBeNull();
  });
});
