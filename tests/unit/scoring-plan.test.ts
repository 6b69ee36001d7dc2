import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/core/answers.js';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { addAnswerSet, buildPlan, buildReport, createTally, DEFAULT_CAPACITY, EFFORT_POINTS, effectiveWeights, rankGaps } from '../../src/scoring/index.js';
import type { PlanEntry } from '../../src/scoring/index.js';
import { buildAnswers, buildRubric, column, scoreSets } from '../helpers/build.js';
import { REPO } from '../helpers/run-cli.js';

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

// ---------------------------------------------------------------------------------------------
// Golden plans of the built-in rubric: every item at 1, at 2, at 3, and the example self-audit,
// each built in memory the way `svcaudit score` builds it. Beyond the golden file (under
// tests/fixtures/plans/), each plan must read as a manager would act on it: a first 30 days that
// starts with a quick (low-effort) step, no phase over capacity, and days 61-90 used whenever work
// is left for later.

const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));

let rubric: Rubric;
beforeAll(async () => {
  rubric = (await loadRubric('service-commitments')).rubric;
});

function planOf(sets: readonly AnswerSet[]): readonly PlanEntry[] {
  const tally = createTally(rubric, { by: undefined });
  for (const set of sets) addAnswerSet(tally, set);
  return buildReport(tally).plan;
}

/** One respondent giving every item the same level. */
function everyItemAt(level: number): AnswerSet {
  const answers = new Map(rubricItems(rubric).map((item) => [item.id, { score: level, note: undefined, evidence: [] }] as const));
  return { source: `all-${level}.yaml`, rubric: rubric.id, rubricVersion: rubric.version, respondent: {}, date: undefined, answers };
}

async function selfAudit(): Promise<AnswerSet[]> {
  const sets: AnswerSet[] = [];
  const read = await readAnswerSets([`${REPO}/examples/self-audit.yaml`], rubric, (set) => sets.push(set));
  expect(read.findings).toEqual([]);
  return sets;
}

const CASES: readonly { readonly name: string; readonly sets: () => Promise<AnswerSet[]> | AnswerSet[] }[] = [
  { name: 'all-1s', sets: () => [everyItemAt(1)] },
  { name: 'all-2s', sets: () => [everyItemAt(2)] },
  { name: 'all-3s', sets: () => [everyItemAt(3)] },
  { name: 'self-audit', sets: selfAudit },
];

describe.each(CASES)('the built-in rubric, $name', ({ name, sets }) => {
  let plan: readonly PlanEntry[];
  beforeAll(async () => {
    plan = planOf(await sets());
  });

  it('matches its golden plan', async () => {
    await expect(`${JSON.stringify(plan, null, 2)}\n`).toMatchFileSnapshot(`${FIXTURES}${name}.json`);
  });

  it('opens the first 30 days with a low-effort step', () => {
    expect(plan.length).toBeGreaterThan(0);
    expect(plan[0]).toMatchObject({ phase: 1, effort: 'low' });
  });

  it('keeps every 30-day phase within the default capacity', () => {
    for (const phase of [1, 2, 3]) {
      const points = plan.filter((e) => e.phase === phase).reduce((sum, e) => sum + EFFORT_POINTS[e.effort], 0);
      expect(points, `phase ${phase}`).toBeLessThanOrEqual(DEFAULT_CAPACITY);
    }
  });

  it('uses days 61-90 whenever work is left for later', () => {
    const later = plan.filter((e) => e.phase === 4).length;
    if (later > 0) expect(plan.filter((e) => e.phase === 3).length).toBeGreaterThan(0);
    // Every case here leaves more than two phases of work, so days 61-90 are always in use.
    expect(plan.some((e) => e.phase === 3)).toBe(true);
  });
});
