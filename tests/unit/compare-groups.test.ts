/**
 * `compare --by KEY --min-group K` (docs/statistics.md, "Groups"): verdicts per group, each
 * group's items adjusted among themselves; groups smaller than K not compared; a warning when a
 * group's share of the respondents moved by 10 points or more. Scale 1..5, target 4.
 */
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import type { AnswerSet } from '../../src/core/answers.js';
import { meanInterval } from '../../src/scoring/statistics/mean-interval.js';
import { buildAnswers, buildRubric, asFormat1, savedSide, scoredSide, scoreSets } from '../helpers/build.js';

const RUBRIC = buildRubric({ sections: [{ id: 's', items: ['x', 'y'] }] });

/** `count` respondents of `role`, each answering x and y as given. */
function people(prefix: string, role: string, count: number, answers: { x?: number; y?: number }, extra: (i: number) => Record<string, string> = () => ({})): AnswerSet[] {
  return Array.from({ length: count }, (_, i) => buildAnswers(`${prefix}-${role}-${i}.yaml`, answers, { role, ...extra(i) }));
}

describe('group verdicts', () => {
  it('adjusts each group among its own items, apart from the whole comparison', () => {
    // Customers: 5 a side, x from 1 to 5, y unchanged at 3. Within the group m = 2: x's p = 2/252,
    // adjusted 4/252 < 0.05: improved. Staff: 5 a side, nothing moved.
    const before = [...people('b', 'customer', 5, { x: 1, y: 3 }), ...people('b', 'staff', 5, { x: 3, y: 3 })];
    const after = [...people('a', 'customer', 5, { x: 5, y: 3 }), ...people('a', 'staff', 5, { x: 3, y: 3 })];
    const c = compareSides(scoredSide(RUBRIC, before, { by: 'role' }), scoredSide(RUBRIC, after, { by: 'role' }), { by: 'role' });
    expect(c.groups.map((g) => [g.value, g.before.n, g.after.n])).toEqual([
      ['customer', 5, 5],
      ['staff', 5, 5],
    ]);
    const [customer, staff] = c.groups;
    expect(customer!.items.map((i) => [i.id, i.verdict])).toEqual([
      ['x', 'improved'],
      ['y', 'no clear change'],
    ]);
    expect(customer!.items[0]!.p).toBeCloseTo(2 / 252, 15);
    expect(customer!.items[0]!.adjustedP).toBeCloseTo(4 / 252, 15);
    expect(customer!.overall).toMatchObject({ before: { score: 2, n: 5 }, after: { score: 4, n: 5 }, change: 2 });
    expect(staff!.items.map((i) => i.verdict)).toEqual(['no clear change', 'no clear change']);
    // No group's share moved: no warning.
    expect(c.warnings).toEqual([]);
  });

  it("takes a group's figures as score gives them for its respondents alone", () => {
    const before = [...people('b', 'customer', 3, { x: 2 }), ...people('b', 'staff', 4, { x: 4, y: 1 })];
    const after = [...people('a', 'customer', 4, { x: 3, y: 5 }), ...people('a', 'staff', 3, { x: 4 })];
    const c = compareSides(scoredSide(RUBRIC, before, { by: 'role' }), scoredSide(RUBRIC, after, { by: 'role' }), { by: 'role' });
    const staffOnly = compareSides(scoredSide(RUBRIC, before.slice(3)), scoredSide(RUBRIC, after.slice(4)));
    const staff = c.groups.find((g) => g.value === 'staff')!;
    expect(staff.overall).toEqual(staffOnly.overall);
    expect(staff.items).toEqual(staffOnly.items);
  });

  it('matches group values trimmed and case-insensitively, shown as the baseline has them, in code-point order of the key', () => {
    const before = [...people('b', 'Customer', 3, { x: 2 }), ...people('b', 'staff', 3, { x: 2 }), buildAnswers('b-x.yaml', { x: 1 })];
    const after = [...people('a', 'customer ', 3, { x: 2 }), ...people('a', 'Staff', 3, { x: 2 }), buildAnswers('a-x.yaml', { x: 1 })];
    const c = compareSides(scoredSide(RUBRIC, before, { by: 'role' }), scoredSide(RUBRIC, after, { by: 'role' }), { by: 'role' });
    // `(none)` sorts as its own text, as in the score report's groups[].
    expect(c.groups.map((g) => [g.value, g.before.n, g.after.n])).toEqual([
      ['(none)', 1, 1],
      ['Customer', 3, 3],
      ['staff', 3, 3],
    ]);
  });

  it('does not compare a group with fewer than --min-group respondents on a side, but lists its sizes', () => {
    const before = [...people('b', 'customer', 5, { x: 2 }), ...people('b', 'manager', 2, { x: 2 })];
    const after = [...people('a', 'customer', 5, { x: 3 }), ...people('a', 'manager', 3, { x: 3 })];
    const sides = [scoredSide(RUBRIC, before, { by: 'role' }), scoredSide(RUBRIC, after, { by: 'role' })] as const;
    const manager = compareSides(...sides, { by: 'role' }).groups.find((g) => g.value === 'manager')!;
    expect(manager).toEqual({ value: 'manager', before: { n: 2 }, after: { n: 3 }, overall: null, items: [] });
    // --min-group 2 compares it (its items still too few to test).
    const shown = compareSides(...sides, { by: 'role', minGroup: 2 }).groups.find((g) => g.value === 'manager')!;
    expect(shown.overall).not.toBeNull();
    expect(shown.items.map((i) => i.verdict)).toEqual(['too few answers', 'too few answers']);
  });

  it('hides a group figure resting on fewer than --min-group numbers', () => {
    // K = 4: customers are 5 a side, but only 3 of them answered y on the baseline.
    const before = people('b', 'customer', 5, { x: 2 }).map((set, i) => (i < 3 ? buildAnswers(set.source, { x: 2, y: 1 }, set.respondent) : set));
    const after = people('a', 'customer', 5, { x: 3, y: 4 });
    const c = compareSides(scoredSide(RUBRIC, before, { by: 'role' }), scoredSide(RUBRIC, after, { by: 'role' }), { by: 'role', minGroup: 4 });
    const y = c.groups[0]!.items.find((i) => i.id === 'y')!;
    expect(y).toMatchObject({ before: { score: null, index: null, gap: null, n: 3 }, after: { score: 4, n: 5 }, change: null, verdict: 'too few answers' });
  });

  it('pairs within a group only the pairs whose two answers are both in it', () => {
    const id = (prefix: string) => (i: number) => ({ id: `${prefix}${i}` });
    // Six customers answered both times (all up by one on x); six staff too, but in the follow-up
    // three of them are recorded as customers.
    const before = [...people('b', 'customer', 6, { x: 2 }, id('c')), ...people('b', 'staff', 6, { x: 2 }, id('s'))];
    const after = [...people('a', 'customer', 6, { x: 3 }, id('c')), ...people('a', 'customer', 3, { x: 3 }, id('s')), ...people('a', 'staff', 3, { x: 3 }, (i) => ({ id: `s${i + 3}` }))];
    const c = compareSides(scoredSide(RUBRIC, before, { by: 'role' }), scoredSide(RUBRIC, after, { by: 'role' }), { by: 'role' });
    expect(c).toMatchObject({ design: 'paired', pairs: 12 });
    const [customer, staff] = c.groups;
    // Customers: 6 pairs of +1, p = 2/64; m = 1 (y unanswered): improved. Staff: 3 pairs: never.
    expect(customer!.items[0]).toMatchObject({ change: 1, p: 2 / 64, verdict: 'improved' });
    expect(staff!.items[0]).toMatchObject({ change: 1, p: 2 / 8, verdict: 'too few answers' });
  });
});

describe('the warning on a change of who answered', () => {
  const compare = (before: [number, number], after: [number, number]) =>
    compareSides(
      scoredSide(RUBRIC, [...people('b', 'customer', before[0], { x: 3 }), ...people('b', 'staff', before[1], { x: 3 })], { by: 'role' }),
      scoredSide(RUBRIC, [...people('a', 'customer', after[0], { x: 3 }), ...people('a', 'staff', after[1], { x: 3 })], { by: 'role' }),
      { by: 'role' },
    ).warnings;

  it('is given at exactly 10 points: customers 5 of 10 (50%), then 6 of 15 (40%)', () => {
    expect(compare([5, 5], [6, 9])).toEqual([
      {
        code: 'respondent-mix',
        message: "role customer was 50% of the respondents before and 40% after: the overall change mixes a change of who answered with a change of service; read the groups' own verdicts.",
      },
      {
        code: 'respondent-mix',
        message: "role staff was 50% of the respondents before and 60% after: the overall change mixes a change of who answered with a change of service; read the groups' own verdicts.",
      },
    ]);
  });

  it('is not given below 10 points: 5 of 10, then 7 of 15 (46.7%)', () => {
    expect(compare([5, 5], [7, 8])).toEqual([]);
  });

  it('counts a group missing from one side as a share of 0', () => {
    const warnings = compare([5, 5], [0, 10]);
    expect(warnings.map((w) => w.message.slice(0, 40))).toEqual(['role customer was 50% of the respondents', 'role staff was 50% of the respondents be']);
  });
});

describe('groups and a saved report', () => {
  const sets = [...people('b', 'customer', 5, { x: 1, y: 2 }).map((s, i) => buildAnswers(s.source, { x: 1 + (i % 3), y: 2 }, s.respondent)), ...people('b', 'staff', 4, { x: 3, y: 3 })];
  const after = scoredSide(RUBRIC, [...people('a', 'customer', 5, { x: 4, y: 2 }), ...people('a', 'staff', 4, { x: 3, y: 3 })], { by: 'role' });

  it('are not compared when the report was saved without the same --by, with a warning', () => {
    const c = compareSides(savedSide(asFormat1(scoreSets(RUBRIC, sets))), after, { by: 'role', beforeInput: 'baseline.json' });
    expect(c.groups).toEqual([]);
    expect(c.warnings).toContainEqual({ code: 'no-groups', message: '--by role: baseline.json is a report of format 1, which does not record its groups, so no group is compared; score its answers with --by role instead.' });
    const v2 = compareSides(savedSide(scoreSets(RUBRIC, sets)), after, { by: 'role', beforeInput: 'baseline.json' });
    expect(v2.warnings).toContainEqual({ code: 'no-groups', message: '--by role: baseline.json was saved without --by role, so no group is compared; score its answers with --by role instead.' });
    const other = compareSides(savedSide(scoreSets(RUBRIC, sets, { by: 'team' })), after, { by: 'role', beforeInput: 'baseline.json' });
    expect(other.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('baseline.json was saved with --by team') }));
  });

  it('are compared from the report score --by saves (format 2), its sd read back from the interval', () => {
    const c = compareSides(savedSide(scoreSets(RUBRIC, sets, { by: 'role' })), after, { by: 'role' });
    const scored = compareSides(scoredSide(RUBRIC, sets, { by: 'role' }), after, { by: 'role' });
    expect(c.groups.map((g) => [g.value, g.before.n])).toEqual(scored.groups.map((g) => [g.value, g.before.n]));
    c.groups.forEach((g, i) => {
      g.items.forEach((item, j) => {
        const twin = scored.groups[i]!.items[j]!;
        expect(item.before).toEqual(twin.before);
        if (twin.ci === null) expect(item.ci).toBeNull();
        else for (const k of [0, 1] as const) expect(item.ci![k]).toBeCloseTo(twin.ci[k], 12);
      });
    });
  });

  it('are compared from a report of format 2, its sd read back from the interval', () => {
    // The baseline's customers on x: 1, 2, 3, 1, 2: n 5, mean 1.8, sd sqrt(0.7).
    const report = scoreSets(RUBRIC, sets, { by: 'role' });
    const figure = (scores: number[]) => {
      const n = scores.length;
      const mean = scores.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      return { score: mean, n, ci: meanInterval(n, mean, sd) };
    };
    const v2 = {
      ...JSON.parse(JSON.stringify(report)),
      svcaudit: 2,
      groups: [
        { value: 'customer', n: 5, shown: true, overall: { score: 1.9, index: 22.5, ci: null } },
        { value: 'staff', n: 4, shown: true, overall: { score: 3, index: 50, ci: null } },
      ],
      items: report.items.map((item) => ({
        ...item,
        groups: item.id === 'x' ? { customer: figure([1, 2, 3, 1, 2]), staff: figure([3, 3, 3, 3]) } : { customer: figure([2, 2, 2, 2, 2]), staff: figure([3, 3, 3, 3]) },
      })),
    };
    const c = compareSides(savedSide(v2), after, { by: 'role' });
    const scored = compareSides(scoredSide(RUBRIC, sets, { by: 'role' }), after, { by: 'role' });
    const customer = c.groups.find((g) => g.value === 'customer')!;
    const scoredCustomer = scored.groups.find((g) => g.value === 'customer')!;
    expect(customer.before.n).toBe(5);
    expect(customer.items[0]!.ci![0]).toBeCloseTo(scoredCustomer.items[0]!.ci![0], 12);
    expect(customer.items[0]!.ci![1]).toBeCloseTo(scoredCustomer.items[0]!.ci![1], 12);
    // The group's overall score has no se or df in the report: too few answers to judge.
    expect(customer.overall).toMatchObject({ before: { score: 1.9 }, ci: null, verdict: 'too few answers' });
  });
});
