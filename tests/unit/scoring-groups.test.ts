/**
 * Groups (`--by`, docs/formulas.md "Groups"): values folded by case and surrounding space, groups in
 * code-point order of the folded value, groups below `--min-group` not shown and left out of the
 * spread, a spread naming its highest and lowest groups (ties: the first of the tied highest, the
 * last of the tied lowest). Every expected number is worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/core/answers.js';
import { buildAnswers, buildRubric, itemOf, scoreSets } from '../helpers/build.js';

const rubric = buildRubric({ sections: [{ id: 's', items: ['q', 'r'] }] });

/** One respondent per [role, score of q] pair; role undefined leaves the field out. */
function respondents(rows: readonly (readonly [string | undefined, number | 'na'])[]): AnswerSet[] {
  return rows.map(([role, q], i) => buildAnswers(`r${i}.yaml`, { q, r: 3 }, role === undefined ? {} : { role }));
}

const scores = (groups: Record<string, { score: number }>) => Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.score]));

describe('groups and perception gaps', () => {
  it('flags a spread of exactly 1.0 between thirds, and names the highest and lowest group', () => {
    // staff (4+4+5)/3 = 13/3, customer (3+3+4)/3 = 10/3: spread exactly 1, though the difference of
    // the two rounded means is 0.9999999999999996.
    const rows = [['staff', 4], ['staff', 4], ['staff', 5], ['customer', 3], ['customer', 3], ['customer', 4]] as const;
    const item = itemOf(scoreSets(rubric, respondents(rows), { by: 'role' }), 'q');
    expect(Object.keys(item.groups)).toEqual(['customer', 'staff']);
    expect(item.groups.customer!.score).toBeCloseTo(10 / 3, 12);
    expect(item.groups.staff!.n).toBe(3);
    expect(item.spread).toEqual({ value: 1, high: 'staff', low: 'customer' });
    // [3,3,4,4,4,5]: Σx=23, Σx²=91, var (546-529)/30 = 17/30, rwg 1 - (17/30)/2 = 43/60 ≈ 0.717: no low agreement.
    expect(item.flags).toEqual(['perception-gap']);
  });

  it('does not flag a spread just under the threshold, and takes the threshold from the option', () => {
    // staff 4 (three of them), customer (3+3+4)/3 = 10/3: spread 2/3.
    const rows = [['staff', 4], ['staff', 4], ['staff', 4], ['customer', 3], ['customer', 3], ['customer', 4]] as const;
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role' }), 'q').flags).toEqual([]);
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role', perceptionGap: 2 / 3 }), 'q').flags).toEqual(['perception-gap']);
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role', perceptionGap: 0.7 }), 'q').flags).toEqual([]);
  });

  it('reports a group below --min-group as "fewer than K" without scores, and leaves it out of the spread', () => {
    // Three staff at 4, three customers at 4, two managers at 1: the managers would make a spread of 3.
    const rows = [['staff', 4], ['staff', 4], ['staff', 4], ['customer', 4], ['customer', 4], ['customer', 4], ['manager', 1], ['manager', 1]] as const;
    const report = scoreSets(rubric, respondents(rows), { by: 'role' });
    expect(report.groups.map((g) => [g.value, g.n, g.shown])).toEqual([['customer', 3, true], ['manager', 2, false], ['staff', 3, true]]);
    expect(report.groups[1]!.overall).toBeNull();
    const item = itemOf(report, 'q');
    expect(Object.keys(item.groups)).toEqual(['customer', 'staff']);
    expect(item.spread).toEqual({ value: 0, high: 'customer', low: 'staff' });
    // With --min-group 2 the managers show, and the spread is theirs.
    const two = itemOf(scoreSets(rubric, respondents(rows), { by: 'role', minGroup: 2 }), 'q');
    expect(two.spread).toEqual({ value: 3, high: 'customer', low: 'manager' });
  });

  it('drops a shown group\'s item figure with fewer than K numbers', () => {
    // Staff: three respondents, but two answered q with na: one number for q, three for r.
    const rows = [['staff', 4], ['staff', 'na'], ['staff', 'na'], ['customer', 2], ['customer', 2], ['customer', 3]] as const;
    const report = scoreSets(rubric, respondents(rows), { by: 'role' });
    expect(Object.keys(itemOf(report, 'q').groups)).toEqual(['customer']);
    expect(itemOf(report, 'q').spread).toBeNull();
    expect(Object.keys(itemOf(report, 'r').groups)).toEqual(['customer', 'staff']);
  });

  it('folds values that differ only in case or surrounding space into one group, shown as first met', () => {
    const rows = [['Customer', 2], ['customer ', 3], [' CUSTOMER', 4], ['staff', 4], ['Staff', 4], ['staff', 4]] as const;
    const report = scoreSets(rubric, respondents(rows), { by: 'role' });
    expect(report.groups.map((g) => [g.value, g.n])).toEqual([['Customer', 3], ['staff', 3]]);
    expect(itemOf(report, 'q').groups.Customer!.score).toBe(3);
  });

  it('orders groups by the code points of the folded value, (none) among them', () => {
    // "(none)" starts with U+0028, before every letter; "Zed" folds to "zed", after "alpha".
    const rows = [['Zed', 1], ['Zed', 1], ['Zed', 1], ['alpha', 2], ['alpha', 2], ['alpha', 2], [undefined, 5], [undefined, 5], [undefined, 5]] as const;
    const report = scoreSets(rubric, respondents(rows), { by: 'role' });
    expect(report.groups.map((g) => g.value)).toEqual(['(none)', 'alpha', 'Zed']);
    expect(itemOf(report, 'q').spread).toEqual({ value: 4, high: '(none)', low: 'Zed' });
  });

  it('breaks ties: high is the first of the tied highest, low the last of the tied lowest', () => {
    // a 4, b 4, c 2, d 2 (three each): high a, low d.
    const rows = ['a', 'b', 'c', 'd'].flatMap((role) => [0, 1, 2].map(() => [role, role < 'c' ? 4 : 2] as const));
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role' }), 'q').spread).toEqual({ value: 2, high: 'a', low: 'd' });
  });

  it('keeps a group called __proto__ as a group', () => {
    const rows = [['__proto__', 2], ['__proto__', 2], ['__proto__', 2], ['staff', 5], ['staff', 5], ['staff', 5]] as const;
    const report = scoreSets(rubric, respondents(rows), { by: 'role' });
    const item = itemOf(report, 'q');
    expect(Object.keys(item.groups)).toEqual(['__proto__', 'staff']);
    expect(Object.getPrototypeOf(item.groups)).toBe(Object.prototype);
    expect(item.spread).toEqual({ value: 3, high: 'staff', low: '__proto__' });
  });

  it("gives each shown group its own overall score, index and interval, from its respondents alone", () => {
    // Customers: q 2, 3, 4 and r 3: weighted scores (q + r)/2 = 2.5, 3, 3.5: mean 3, sd 0.5,
    // t(0.975, 2) = 4.302653 → 3 ± 4.302653 · 0.5/√3 = 3 ± 1.242068.
    const rows = [['customer', 2], ['customer', 3], ['customer', 4], ['staff', 5], ['staff', 5], ['staff', 5]] as const;
    const report = scoreSets(rubric, respondents(rows), { by: 'role' });
    const customer = report.groups.find((g) => g.value === 'customer')!;
    expect(customer.overall!.score).toBe(3);
    expect(customer.overall!.index).toBe(50);
    expect(customer.overall!.ci![0]).toBeCloseTo(3 - 1.242068, 5);
    expect(customer.overall!.ci![1]).toBeCloseTo(3 + 1.242068, 5);
    expect(scores(itemOf(report, 'q').groups as Record<string, { score: number }>)).toEqual({ customer: 3, staff: 5 });
  });

  it('has no groups, no spread and no perception gap without --by; rwg only from three answers', () => {
    const two = itemOf(scoreSets(rubric, respondents([['staff', 1], ['customer', 5]])), 'q');
    expect(two.groups).toEqual({});
    expect(two.spread).toBeNull();
    // [1,5] would give rwg 0, but two answers are too few to judge agreement.
    expect(two.rwg).toBeNull();
    expect(two.flags).toEqual([]);
    const three = itemOf(scoreSets(rubric, respondents([['staff', 1], ['customer', 5], ['x', 5]])), 'q');
    // [1,5,5]: Σx=11, Σx²=51, var (153-121)/6 = 16/3, rwg max(0, 1 - (16/3)/2) = 0.
    expect(three.rwg).toBe(0);
    expect(three.flags).toEqual(['low-agreement']);
  });
});
