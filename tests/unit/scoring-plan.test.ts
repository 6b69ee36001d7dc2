import { describe, expect, it } from 'vitest';
import { rubricItems } from '../../src/rubric/model.js';
import { buildPlan, effectiveWeights, rankGaps } from '../../src/scoring/index.js';
import { buildAnswers, buildRubric, column, scoreSets } from '../helpers/build.js';

describe('improvement plan in the report (docs/formulas.md, "The improvement plan")', () => {
  // q: target 5, scored [1,1,1,2,2] → 7/5 = 1.4, gap 3.6.
  // r: target 4, scored 3 → gap 1.
  // m: target 4, scored 4 → gap 0: none of its actions appear.
  // All weight 1 in one section: e = 1/3, priorities q 1/3 * 3.6 = 1.2, r 1/3, m 0.
  const rubric = buildRubric({
    sections: [
      {
        id: 's',
        items: [
          { id: 'm', actions: [{ to: 4, text: 'm4' }] },
          { id: 'r', actions: [{ to: 3, text: 'r3 (score 3 is not below 3)' }, { to: 4, text: 'r4', owner: 'team leaders' }, { to: 5, text: 'r5 (above target 4)' }] },
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
  // Steps of q, from 1.4: to 2, q2: 1/3 * 0.6 = 0.2 (medium: 0.1 a point); to 3, q3a and q3b:
  //   1/3 * 1 shared, 1/6 each (1/12 a point); to 4, q4: 1/3 (high: 1/9 a point); to 5, q5a and
  //   q-default: 1/6 each (1/12 and, low, 1/6 a point). r4: 1/3 * 1 = 1/3 (1/6 a point).
  // Sorted: q-default and r4 at 1/6 (q's priority 1.2 first), q4 1/9, q2 0.1, q3a, q3b, q5a at 1/12.

  it('schedules by value per point, a step only after the one before it, 6 points a phase', () => {
    // Phase 1: q-default waits (step 4), r4 (2, 4 left), q4 waits (step 3), q2 (2, 2 left), q3a, q3b
    //   wait (q2 is in this phase), q5a waits. Phase 2: q3a (2), q3b (2); q4 and the step to 5 wait.
    // Phase 3: q4 (3); the step to 5 waits for it. Phase 4: q-default, q5a, in sorted order.
    const report = scoreSets(rubric, sets);
    expect(report.plan.map((p) => [p.item, p.to, p.text, p.phase])).toEqual([
      ['r', 4, 'r4', 1],
      ['q', 2, 'q2', 1],
      ['q', 3, 'q3a', 2],
      ['q', 3, 'q3b', 2],
      ['q', 4, 'q4', 3],
      ['q', 5, 'q-default (to = target 5)', 4],
      ['q', 5, 'q5a', 4],
    ]);
    expect(report.plan.find((p) => p.text === 'q4')?.effort).toBe('high');
    expect(report.plan.find((p) => p.text.startsWith('q-default'))?.effort).toBe('low');
    expect(report.plan.find((p) => p.text === 'r4')?.owner).toBe('team leaders');
    expect(report.plan.find((p) => p.text === 'q2')?.owner).toBeNull();
    // q's values add up to its priority (its last step reaches the target): 0.2 + 1/3 + 1/3 + 1/3 = 1.2.
    const valueOf = (id: string) => report.plan.filter((p) => p.item === id).reduce((sum, p) => sum + p.value, 0);
    expect(valueOf('q')).toBeCloseTo(1.2, 12);
    expect(valueOf('r')).toBeCloseTo(1 / 3, 12);
  });

  it('takes the phase capacity from the capacity option', () => {
    // Capacity 3. Phase 1: r4 (2, 1 left); q2 does not fit. Phase 2: q2 (2, 1 left).
    // Phase 3: q3a (2, 1 left); q3b does not fit. Left, sorted: q-default, q4, q3b, q5a: q-default
    //   waits for q4, q4 for q3b; q3b comes first, then q4, then q-default, then q5a.
    const report = scoreSets(rubric, sets, { capacity: 3 });
    expect(report.plan.map((p) => [p.text, p.phase])).toEqual([
      ['r4', 1],
      ['q2', 2],
      ['q3a', 3],
      ['q3b', 4],
      ['q4', 4],
      ['q-default (to = target 5)', 4],
      ['q5a', 4],
    ]);
  });

  it('is what buildPlan gives for the report items', () => {
    const report = scoreSets(rubric, sets);
    const weights = effectiveWeights(rubric, (id) => report.items.some((i) => i.id === id && i.n > 0));
    expect(buildPlan(rubricItems(rubric), report.items, weights)).toEqual(report.plan);
  });

  it('leaves out items of weight 0, whose actions are worth nothing', () => {
    // a weighs 0: e_a = 0, every value 0. b: e 1, score 3, b4: 1 * (4 - 3) = 1.
    const zero = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', weight: 0, actions: [{ text: 'a4' }] }, { id: 'b', actions: [{ text: 'b4' }] }] }] });
    const report = scoreSets(zero, [buildAnswers('r.yaml', { a: 1, b: 3 })]);
    expect(report.plan).toEqual([{ item: 'b', to: 4, text: 'b4', effort: 'medium', owner: null, phase: 1, value: 1 }]);
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
