import { describe, expect, it } from 'vitest';
import { buildPlan, rankGaps } from '../../src/scoring/index.js';
import { phase } from '../../src/scoring/plan.js';
import { buildAnswers, buildRubric, column, scoreSets } from '../helpers/build.js';

describe('phase = to - floor(score), clipped to 1..3', () => {
  it.each([
    [2, 1.4, 1], // 2 - 1 = 1
    [3, 1.4, 2], // 3 - 1 = 2
    [4, 1.4, 3], // 4 - 1 = 3
    [5, 1.4, 3], // 5 - 1 = 4, clipped to 3
    [3, 2.99, 1], // 3 - 2 = 1
    [4, 2, 2], // 4 - 2 = 2
    [1, -1.5, 3], // 1 - (-2) = 3 on a scale below zero
  ])('to %d, score %d → phase %d', (to, score, expected) => {
    expect(phase(to, score)).toBe(expected);
  });
});

describe('improvement plan', () => {
  // q: target 5, scored [1,1,1,2,2] → 7/5 = 1.4, gap 3.6.
  // r: target 4, scored 3 → gap 1.
  // m: target 4, scored 4 → gap 0: none of its actions appear.
  // All weight 1 in one section: e = 1/3, priorities q 1.2, r 1/3, m 0.
  const rubric = buildRubric({
    sections: [
      {
        id: 's',
        items: [
          { id: 'm', actions: [{ to: 4, text: 'm4' }] },
          { id: 'r', actions: [{ to: 3, text: 'r3 (score 3 is not below 3)' }, { to: 4, text: 'r4' }, { to: 5, text: 'r5 (above target 4)' }] },
          {
            id: 'q',
            target: 5,
            actions: [
              { to: 5, text: 'q5a' },
              { to: 2, text: 'q2' },
              { to: 1, text: 'q1 (not above 1.4)' },
              { to: 3, text: 'q3a' },
              { to: 4, text: 'q4', effort: 'high' },
              { text: 'q-default (to = target 5)', effort: 'low' },
              { to: 3, text: 'q3b' },
            ],
          },
        ],
      },
    ],
  });
  const sets = [1, 1, 1, 2, 2].map((q, i) => buildAnswers(`r${i}.yaml`, i === 0 ? { q, r: 3, m: 4 } : { q }));
  const report = scoreSets(rubric, sets);

  it('takes items by priority, actions with score < to <= target by `to` (stable), with their phase', () => {
    expect(report.plan.map((p) => [p.item, p.to, p.text, p.phase])).toEqual([
      // q (priority 1.2) first; floor(1.4) = 1
      ['q', 2, 'q2', 1],
      ['q', 3, 'q3a', 2],
      ['q', 3, 'q3b', 2], // same `to`: rubric order
      ['q', 4, 'q4', 3],
      ['q', 5, 'q5a', 3], // 5 - 1 = 4, clipped
      ['q', 5, 'q-default (to = target 5)', 3],
      // r (priority 1/3); floor(3) = 3
      ['r', 4, 'r4', 1],
    ]);
    expect(report.plan.find((p) => p.text === 'q4')?.effort).toBe('high');
    expect(report.plan.find((p) => p.text.startsWith('q-default'))?.effort).toBe('low');
  });

  it('is what buildPlan gives for the report items', () => {
    const items = new Map(rubric.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
    expect(buildPlan(items, report)).toEqual(report.plan);
  });
});

describe('rankGaps', () => {
  it('ranks items with a gap by priority, ties in rubric order', () => {
    // Weights 1 each in one section (e = 1/5); target 4. Gaps: x 1, y 2, z 1, w 0 (met), v unscored.
    const rubric = buildRubric({ sections: [{ id: 's', items: ['x', 'y', 'z', 'w', 'v'] }] });
    const report = scoreSets(rubric, [buildAnswers('r.yaml', { x: 3, y: 2, z: 3, w: 5 })]);
    // priorities: y 2/4 = 0.5, x 1/4, z 1/4 (tie → rubric order x, z)
    expect(rankGaps(report).map((i) => i.id)).toEqual(['y', 'x', 'z']);
  });

  it('puts a zero-weight item with a gap last', () => {
    // a (w0) gap 3 but priority 0; b gap 1 and priority 1.
    const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', weight: 0 }, 'b'] }] });
    const report = scoreSets(rubric, [buildAnswers('r.yaml', { a: 1, b: 3 })]);
    expect(rankGaps(report).map((i) => [i.id, i.priority])).toEqual([['b', 1], ['a', 0]]);
  });

  it('is empty when every scored item meets its target', () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: ['a'] }] });
    const report = scoreSets(rubric, column('a', [4, 5]));
    expect(rankGaps(report)).toEqual([]);
    expect(report.plan).toEqual([]);
  });
});
