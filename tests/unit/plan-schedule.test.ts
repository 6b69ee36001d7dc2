/**
 * The plan scheduler (docs/formulas.md, "The improvement plan"). Every expected
 * plan below is worked by hand in the comments beside it: candidates, step
 * values `e * (to - from)` shared among a step's actions, value per effort point
 * (low 1, medium 2, high 3), the sort, then phases 1-3 filled in turn and the
 * rest listed as phase 4.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effort } from '../../src/rubric/model.js';
import {
  DEFAULT_CAPACITY,
  EFFORT_POINTS,
  schedulePlan,
  type PlanActionInput,
  type PlanEntry,
  type PlanItemInput,
} from '../../src/scoring/plan-schedule.js';

const FC_RUNS = Number(process.env.FC_RUNS ?? 100);
const FC_SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const fcOptions = { numRuns: FC_RUNS, ...(FC_SEED === undefined ? {} : { seed: FC_SEED }) };

interface ActionSpec {
  readonly text: string;
  readonly to?: number;
  readonly effort?: Effort;
  readonly owner?: string;
}

/** An item in rubric position `order`, its priority `e * max(0, target - score)`; actions in rubric order. */
function item(id: string, order: number, weight: number, score: number, target: number, actions: readonly ActionSpec[]): PlanItemInput {
  return {
    id,
    order,
    weight,
    score,
    target,
    priority: weight * Math.max(0, target - score),
    actions: actions.map((a, k) => ({ order: k, to: a.to, text: a.text, effort: a.effort ?? 'medium', owner: a.owner })),
  };
}

/** `text@phase`, the shortest way to read a plan. */
const brief = (plan: readonly PlanEntry[]): string[] => plan.map((e) => `${e.text}@${e.phase}`);

describe('hand-worked plans', () => {
  // a: e 0.5, score 2, target 4, priority 0.5*2 = 1. One step to 4 (high): value 0.5*(4-2) = 1, per point 1/3.
  // b: e 0.25, score 3, target 4, priority 0.25. One step to 4 (low): value 0.25*1 = 0.25, per point 0.25.
  // c: e 0.25, score 1, target 4, priority 0.75. Step to 2 (low): 0.25*(2-1) = 0.25, per point 0.25;
  //    step to 4 (medium): 0.25*(4-2) = 0.5, per point 0.25.
  // Sorted: a (1/3); then 0.25 three ways, by priority: c (0.75) before b (0.25), c's steps by `to`:
  //    a, c2, c4, b.
  const items = [
    item('a', 0, 0.5, 2, 4, [{ text: 'a4', effort: 'high' }]),
    item('b', 1, 0.25, 3, 4, [{ text: 'b4', effort: 'low' }]),
    item('c', 2, 0.25, 1, 4, [{ text: 'c4', to: 4 }, { text: 'c2', to: 2, effort: 'low' }]),
  ];

  it('fills each phase up to the capacity (6 by default)', () => {
    // Phase 1, 6 points: a (3, 3 left), c2 (1, 2 left), c4 waits (its step before is in this phase),
    //   b (1, 1 left). Phase 2: c4 (2).
    expect(brief(schedulePlan(items))).toEqual(['a4@1', 'c2@1', 'b4@1', 'c4@2']);
    expect(DEFAULT_CAPACITY).toBe(6);
  });

  it('with capacity 3, carries what does not fit into the next phase', () => {
    // Phase 1, 3 points: a (3, 0 left); nothing else fits.
    // Phase 2: c2 (1, 2 left), c4 waits (c2 is in this phase), b (1, 1 left).
    // Phase 3: c4 (2).
    expect(brief(schedulePlan(items, { capacity: 3 }))).toEqual(['a4@1', 'c2@2', 'b4@2', 'c4@3']);
  });

  it('gives each entry its value, owner (null when none) and `to` (default: the target)', () => {
    const plan = schedulePlan([item('x', 0, 0.5, 2, 4, [{ text: 'x3', to: 3, effort: 'low', owner: 'team leaders' }, { text: 'x4' }])]);
    // x3: 0.5*(3-2) = 0.5; x4 (to = target 4): 0.5*(4-3) = 0.5. Phase 1: x3; x4 waits for it: phase 2.
    expect(plan).toEqual([
      { item: 'x', to: 3, text: 'x3', effort: 'low', owner: 'team leaders', phase: 1, value: 0.5 },
      { item: 'x', to: 4, text: 'x4', effort: 'medium', owner: null, phase: 2, value: 0.5 },
    ]);
  });

  it('breaks a tie on value per point by priority, before rubric order', () => {
    // p: e 0.2, score 3, target 4, priority 0.2; to 4 low: value 0.2, per point 0.2.
    // q: e 0.2, score 2, target 4, priority 0.4; to 3 low: value 0.2*(3-2) = 0.2, per point 0.2.
    // Tied at 0.2: q (priority 0.4) before p (0.2), though p comes first in the rubric.
    const plan = schedulePlan([item('p', 0, 0.2, 3, 4, [{ text: 'p4', effort: 'low' }]), item('q', 1, 0.2, 2, 4, [{ text: 'q3', to: 3, effort: 'low' }])]);
    expect(brief(plan)).toEqual(['q3@1', 'p4@1']);
  });

  it('treats values that agree to 12 significant digits as tied, then takes rubric order', () => {
    // x (second in the rubric): e 0.1, score 1, target 4: value 0.1*3 = 0.30000000000000004 in floating
    //   point, per point (medium) 0.15000000000000002; priority 0.30000000000000004.
    // y (first): e 0.3, score 3, target 4: value 0.3, per point 0.15; priority 0.3.
    // Equal to 12 digits on both keys, so rubric order decides: y, then x (a raw comparison puts x first).
    const x = item('x', 1, 0.1, 1, 4, [{ text: 'x4' }]);
    const y = item('y', 0, 0.3, 3, 4, [{ text: 'y4' }]);
    expect(0.1 * 3).not.toBe(0.3);
    expect(brief(schedulePlan([x, y]))).toEqual(['y4@1', 'x4@1']);
  });

  it('breaks the remaining ties by `to`, then the rubric order of the action', () => {
    // z: e 0.4, score 2, target 4. Step to 3: z3b, z3a (rubric order), value 0.4*1/2 = 0.2 each;
    //   step to 4: z4a, z4b, 0.2 each. All medium: 0.1 per point, one priority, one item.
    // Sorted by `to`, then action order: z3b, z3a, z4a, z4b.
    // Phase 1: z3b (2), z3a (2); z4a, z4b wait for step 3. Phase 2: z4a, z4b.
    const z = item('z', 0, 0.4, 2, 4, [
      { text: 'z4a', to: 4 },
      { text: 'z3b', to: 3 },
      { text: 'z3a', to: 3 },
      { text: 'z4b', to: 4 },
    ]);
    expect(brief(schedulePlan([z]))).toEqual(['z3b@1', 'z3a@1', 'z4a@2', 'z4b@2']);
  });

  it('never starts a step before the whole step before it has been placed in an earlier phase', () => {
    // s: e 1, score 1, target 4, priority 3. Steps: to 2 high: value 1, per point 1/3;
    //   to 3 low: value 1, per point 1; to 4 low: value 1, per point 1.
    // Sorted: s3, s4, s2. Phase 1: s3 and s4 wait; s2 (3 points). Phase 2: s3; s4 waits (s3 is in
    //   phase 2). Phase 3: s4. One action a phase, though 6 points are free.
    const s = item('s', 0, 1, 1, 4, [
      { text: 's2', to: 2, effort: 'high' },
      { text: 's3', to: 3, effort: 'low' },
      { text: 's4', to: 4, effort: 'low' },
    ]);
    const plan = schedulePlan([s]);
    expect(brief(plan)).toEqual(['s2@1', 's3@2', 's4@3']);
    // 1 + 1 + 1 = 3 = the priority, since the last step reaches the target.
    expect(plan.reduce((sum, e) => sum + e.value, 0)).toBe(s.priority);
  });

  describe('phase 4 ("later")', () => {
    // q: e 0.5, score 1.5, target 5, priority 0.5*3.5 = 1.75. Steps:
    //   to 2: q2 (medium): 0.5*(2-1.5) = 0.25, per point 0.125
    //   to 3: q3a, q3b (medium): 0.5*1 = 0.5 shared, 0.25 each, per point 0.125
    //   to 4: q4 (high): 0.5, per point 1/6
    //   to 5: q5a (medium), q5b (low, no `to`: the target): 0.5 shared, 0.25 each; per point 0.125, 0.25
    // r: e 0.5, score 3, target 4, priority 0.5; r4 (medium): 0.5, per point 0.25.
    // Sorted: q5b and r4 at 0.25 (q's priority 1.75 first), q4 (1/6), then at 0.125 within q by `to`
    //   and action order: q2, q3a, q3b, q5a.  →  q5b, r4, q4, q2, q3a, q3b, q5a.
    const q = item('q', 0, 0.5, 1.5, 5, [
      { text: 'q5a', to: 5 },
      { text: 'q2', to: 2 },
      { text: 'q3a', to: 3 },
      { text: 'q4', to: 4, effort: 'high' },
      { text: 'q5b', effort: 'low' },
      { text: 'q3b', to: 3 },
    ]);
    const r = item('r', 1, 0.5, 3, 4, [{ text: 'r4' }]);

    it('lists what is left in sorted order, moving a step down to just after the step before it', () => {
      // Capacity 3.
      // Phase 1: q5b waits (q4), r4 (2, 1 left), q4 waits (step 3), q2 does not fit, the rest wait.
      // Phase 2: q2 (2, 1 left); q3a, q3b wait (q2 is in this phase).
      // Phase 3: q3a (2, 1 left), q3b does not fit, q4 and q5a wait.
      // Left, sorted: q5b, q4, q3b, q5a. q5b waits for step 4 (q4 is still to come); q4 waits for
      //   step 3 (q3b); q3b follows step 2 (placed), so it comes first; it completes step 3, so q4
      //   follows; that completes step 4, so q5b follows; then q5a.
      const plan = schedulePlan([q, r], { capacity: 3 });
      expect(brief(plan)).toEqual(['r4@1', 'q2@2', 'q3a@3', 'q3b@4', 'q4@4', 'q5b@4', 'q5a@4']);
      // q's values: 0.25 + 0.25 + 0.25 + 0.5 + 0.25 + 0.25 = 1.75, its priority; r's: 0.5, its priority.
      const sum = (id: string) => plan.filter((e) => e.item === id).reduce((s, e) => s + e.value, 0);
      expect(sum('q')).toBeCloseTo(q.priority, 12);
      expect(sum('r')).toBeCloseTo(r.priority, 12);
    });

    it('with the default capacity, leaves only the last step for later', () => {
      // Phase 1, 6 points: q5b waits, r4 (2, 4 left), q4 waits, q2 (2, 2 left), q3a, q3b, q5a wait.
      // Phase 2: q5b waits, q4 waits (step 3 not placed), q3a (2, 4 left), q3b (2, 2 left), q5a waits.
      // Phase 3: q5b waits (q4), q4 (3, 3 left), q5a waits (q4 is in this phase).
      // Phase 4: q5b, q5a in sorted order (their step before, q4, is placed).
      expect(brief(schedulePlan([q, r]))).toEqual(['r4@1', 'q2@1', 'q3a@2', 'q3b@2', 'q4@3', 'q5b@4', 'q5a@4']);
    });

    it('lists several actions waiting for one step after it, in sorted order', () => {
      // w1..w3: e 0.25, score 1, target 4, one high action each: value 0.75, per point 0.25, priority 0.75.
      // u: e 0.25, score 2, target 4, priority 0.5. Step to 3: uh (high): 0.25, per point 1/12;
      //   step to 4: ua, ub (low): 0.25*1/2 = 0.125 each, per point 0.125.
      // Sorted: w1, w2, w3 (tied, rubric order), ub, ua (u's action order: ub 0, uh 1, ua 2), uh.
      // Capacity 3: w1, w2, w3 take a phase each. Left: ub and ua wait for step 3, uh comes,
      //   then ub and ua just after it, in sorted order.
      const w = [1, 2, 3].map((k) => item(`w${k}`, k - 1, 0.25, 1, 4, [{ text: `w${k}`, effort: 'high' }]));
      const u = item('u', 3, 0.25, 2, 4, [
        { text: 'ub', to: 4, effort: 'low' },
        { text: 'uh', to: 3, effort: 'high' },
        { text: 'ua', to: 4, effort: 'low' },
      ]);
      expect(brief(schedulePlan([...w, u], { capacity: 3 }))).toEqual(['w1@1', 'w2@2', 'w3@3', 'uh@4', 'ub@4', 'ua@4']);
    });
  });

  it('leaves out items of weight 0, actions at or below the score and actions above the target', () => {
    // n: e 0 → every value is 0. m: score 3, target 4: a `to: 3` is not above the score, a `to: 5`
    // is above the target; only m4 (0.5*1 = 0.5) is a candidate.
    const n = item('n', 0, 0, 1, 4, [{ text: 'n4' }]);
    const m = item('m', 1, 0.5, 3, 4, [{ text: 'm3', to: 3 }, { text: 'm5', to: 5 }, { text: 'm4' }]);
    expect(schedulePlan([n, m])).toEqual([{ item: 'm', to: 4, text: 'm4', effort: 'medium', owner: null, phase: 1, value: 0.5 }]);
  });

  it.each([2, 0, -1, 3.5, Number.NaN])('refuses capacity %d', (capacity) => {
    expect(() => schedulePlan([], { capacity })).toThrow(RangeError);
  });
});

// --- Properties -------------------------------------------------------------------------------------

/**
 * Random items on a 1..5 scale. Weights, scores and efforts come from small sets so that many
 * candidates tie on value per point; scores are item means, so some are fractional.
 */
const arbAction: fc.Arbitrary<Omit<PlanActionInput, 'order'>> = fc.record({
  to: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  text: fc.constant(''),
  effort: fc.constantFrom<Effort>('low', 'medium', 'high'),
  owner: fc.option(fc.constantFrom('team leaders', 'head of operations'), { nil: undefined }),
});

const arbItems: fc.Arbitrary<PlanItemInput[]> = fc
  .array(
    fc.record({
      weight: fc.constantFrom(0, 0.1, 0.2, 0.25, 1 / 3, 0.5, 1),
      score: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(1.5, 2.25, 3.4, 1 + 1 / 3)),
      target: fc.integer({ min: 2, max: 5 }),
      actions: fc.array(arbAction, { maxLength: 7 }),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((items) =>
    items.map((it, i) => ({
      id: `i${i}`,
      order: i,
      weight: it.weight,
      score: it.score,
      target: it.target,
      priority: it.weight * Math.max(0, it.target - it.score),
      actions: it.actions.map((a, k) => ({ ...a, order: k, text: `i${i}-a${k}` })),
    })),
  );

const arbCapacity = fc.integer({ min: 3, max: 12 });

/** The action an entry came from: its text names the item and the action's rubric order. */
function stepKey(entry: PlanEntry): string {
  return `${entry.item}@${entry.to}`;
}

/** Each item's step `to` levels in order, from the candidates the rules define. */
function stepsOf(items: readonly PlanItemInput[]): Map<string, number[]> {
  const steps = new Map<string, number[]>();
  for (const it of items) {
    if (!(it.weight > 0)) continue;
    const tos = new Set(it.actions.map((a) => a.to ?? it.target).filter((to) => it.score < to && to <= it.target));
    steps.set(it.id, [...tos].sort((a, b) => a - b));
  }
  return steps;
}

describe('properties', () => {
  it('no phase holds more effort points than the capacity', () => {
    fc.assert(
      fc.property(arbItems, arbCapacity, (items, capacity) => {
        const plan = schedulePlan(items, { capacity });
        for (const phase of [1, 2, 3]) {
          const points = plan.filter((e) => e.phase === phase).reduce((sum, e) => sum + EFFORT_POINTS[e.effort], 0);
          expect(points).toBeLessThanOrEqual(capacity);
        }
      }),
      fcOptions,
    );
  });

  it('lists every candidate of positive value exactly once, by phase', () => {
    fc.assert(
      fc.property(arbItems, arbCapacity, (items, capacity) => {
        const plan = schedulePlan(items, { capacity });
        const expected = items.flatMap((it) =>
          it.weight > 0 ? it.actions.filter((a) => it.score < (a.to ?? it.target) && (a.to ?? it.target) <= it.target).map((a) => a.text) : [],
        );
        expect(plan.map((e) => e.text).sort()).toEqual(expected.sort());
        expect(plan.map((e) => e.phase)).toEqual([...plan.map((e) => e.phase)].sort());
        for (const e of plan) expect(e.value).toBeGreaterThan(0);
      }),
      fcOptions,
    );
  });

  it('places phase 1 first: non-empty whenever there is a candidate, and phase 3 used whenever phase 4 is', () => {
    fc.assert(
      fc.property(arbItems, arbCapacity, (items, capacity) => {
        const plan = schedulePlan(items, { capacity });
        if (plan.length > 0) expect(plan[0]!.phase).toBe(1);
        if (plan.some((e) => e.phase === 4)) expect(plan.some((e) => e.phase === 3)).toBe(true);
      }),
      fcOptions,
    );
  });

  it('never puts a step before the step before it, in phase order or in the phase 4 listing', () => {
    fc.assert(
      fc.property(arbItems, arbCapacity, (items, capacity) => {
        const plan = schedulePlan(items, { capacity });
        const steps = stepsOf(items);
        plan.forEach((e, index) => {
          const tos = steps.get(e.item)!;
          const k = tos.indexOf(e.to);
          if (k <= 0) return;
          const before = plan.map((p, i) => ({ p, i })).filter(({ p }) => stepKey(p) === `${e.item}@${tos[k - 1]}`);
          expect(before.length).toBeGreaterThan(0);
          for (const { p, i } of before) {
            // Phases 1-3: wholly in an earlier phase. Phase 4: listed earlier (in any phase).
            if (e.phase < 4) expect(p.phase).toBeLessThan(e.phase);
            else expect(i).toBeLessThan(index);
          }
        });
      }),
      fcOptions,
    );
  });

  it('places phases 1-3 in sorted order: value per point never rises within a phase', () => {
    fc.assert(
      fc.property(arbItems, arbCapacity, (items, capacity) => {
        const plan = schedulePlan(items, { capacity });
        for (const phase of [1, 2, 3]) {
          const rates = plan.filter((e) => e.phase === phase).map((e) => e.value / EFFORT_POINTS[e.effort]);
          rates.forEach((rate, i) => {
            if (i > 0) expect(rate).toBeLessThanOrEqual(rates[i - 1]! * (1 + 1e-11));
          });
        }
      }),
      fcOptions,
    );
  });

  it('gives an item values that add up to its priority when its last step reaches the target', () => {
    fc.assert(
      fc.property(arbItems, arbCapacity, (items, capacity) => {
        const plan = schedulePlan(items, { capacity });
        for (const it of items) {
          const reaches = it.weight > 0 && it.score < it.target && it.actions.some((a) => (a.to ?? it.target) === it.target);
          if (!reaches) continue;
          const sum = plan.filter((e) => e.item === it.id).reduce((s, e) => s + e.value, 0);
          expect(sum).toBeCloseTo(it.priority, 10);
        }
      }),
      fcOptions,
    );
  });

  it('does not depend on the order items and actions are given in: ties fall back on rubric order', () => {
    const arbShuffled = arbItems.chain((items) =>
      fc
        .tuple(
          fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
          fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }),
        )
        .map(([shuffled, seeds]) => ({
          items,
          // Each item's actions rotated by a seed: another input order, the same rubric order.
          shuffled: shuffled.map((it, i) => {
            const n = it.actions.length;
            const by = n === 0 ? 0 : seeds[i]! % n;
            return { ...it, actions: [...it.actions.slice(by), ...it.actions.slice(0, by)].reverse() };
          }),
        })),
    );
    fc.assert(
      fc.property(arbShuffled, arbCapacity, ({ items, shuffled }, capacity) => {
        expect(schedulePlan(shuffled, { capacity })).toEqual(schedulePlan(items, { capacity }));
      }),
      fcOptions,
    );
  });
});
