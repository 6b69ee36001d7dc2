import { describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/core/answers.js';
import { buildAnswers, buildRubric, itemOf, scoreSets } from '../helpers/build.js';

const rubric = buildRubric({ sections: [{ id: 's', items: ['q', 'r'] }] });

/** One respondent per [role, score of q] pair; role undefined leaves the field out. */
function respondents(rows: readonly (readonly [string | undefined, number | 'na'])[]): AnswerSet[] {
  return rows.map(([role, q], i) => buildAnswers(`r${i}.yaml`, { q, r: 3 }, role === undefined ? {} : { role }));
}

describe('groups and perception gaps', () => {
  it.each([
    {
      name: 'spread of exactly 1.0 is flagged (>=)',
      // staff (4+5)/2 = 4.5, customer (3+4)/2 = 3.5: spread 1.0.
      rows: [['staff', 4], ['staff', 5], ['customer', 3], ['customer', 4]] as const,
      groups: { customer: 3.5, staff: 4.5 },
      spread: 1,
      // Overall [3,4,4,5]: Σx=16, Σx²=66, var (264-256)/12 = 2/3, rwg 1 - (2/3)/2 = 2/3 < 0.7.
      flags: ['perception-gap', 'low-agreement'],
    },
    {
      name: 'a spread of exactly 1.0 between thirds is flagged too',
      // staff (4+4+5)/3 = 13/3, customer (3+3+4)/3 = 10/3: spread exactly 1, though the
      // difference of the two rounded means is 0.9999999999999996.
      rows: [['staff', 4], ['staff', 4], ['staff', 5], ['customer', 3], ['customer', 3], ['customer', 4]] as const,
      groups: { customer: 10 / 3, staff: 13 / 3 },
      spread: 1,
      // [3,3,4,4,4,5]: Σx=23, Σx²=91, var (546-529)/30 = 17/30, rwg 1 - (17/30)/2 = 43/60 ≈ 0.717.
      flags: ['perception-gap'],
    },
    {
      name: 'spread just under 1.0 is not',
      // staff 4, customer (3+3+4)/3 = 10/3: spread 2/3.
      rows: [['staff', 4], ['staff', 4], ['customer', 3], ['customer', 3], ['customer', 4]] as const,
      groups: { customer: 10 / 3, staff: 4 },
      spread: 2 / 3,
      // [3,3,4,4,4]: Σx=18, Σx²=66, var (330-324)/20 = 0.3, rwg 1 - 0.3/2 = 0.85.
      flags: [],
    },
    {
      name: 'a group that only answered na shows null and is not in the spread',
      rows: [['staff', 4], ['customer', 2], ['manager', 'na']] as const,
      groups: { customer: 2, manager: null, staff: 4 },
      spread: 2,
      // [2,4]: var 2, rwg 1 - 2/2 = 0.
      flags: ['perception-gap', 'low-agreement'],
    },
    {
      name: 'one scored group has no spread',
      rows: [['staff', 4], ['staff', 4], ['customer', 'na']] as const,
      groups: { customer: null, staff: 4 },
      spread: null,
      flags: [],
    },
    {
      name: 'the (none) group is shown, sorted last, and left out of the spread',
      // staff 4, customer 4; (none) 1 would make a spread of 3 if it counted.
      rows: [['staff', 4], ['customer', 4], [undefined, 1]] as const,
      groups: { customer: 4, staff: 4, '(none)': 1 },
      spread: 0,
      // [1,4,4]: Σx=9, Σx²=33, var (99-81)/6 = 3, rwg max(0, 1 - 3/2) = 0.
      flags: ['low-agreement'],
    },
  ])('$name', ({ rows, groups, spread, flags }) => {
    const item = itemOf(scoreSets(rubric, respondents(rows), { by: 'role' }), 'q');
    expect(Object.keys(item.groups)).toEqual(Object.keys(groups));
    for (const [value, score] of Object.entries(groups)) {
      if (score === null) expect(item.groups[value]).toBeNull();
      else expect(item.groups[value]).toBeCloseTo(score, 12);
    }
    // Exact: the spread is one division of exact integers.
    expect(item.spread).toBe(spread);
    expect(item.flags).toEqual(flags);
  });

  it('lists every group seen on every item, null where the group gave no number', () => {
    // r is answered 3 by everyone; a group that skipped only q still appears on q.
    const sets = [buildAnswers('a.yaml', { q: 2, r: 3 }, { role: 'staff' }), buildAnswers('b.yaml', { r: 3 }, { role: 'customer' })];
    const report = scoreSets(rubric, sets, { by: 'role' });
    expect(itemOf(report, 'q').groups).toEqual({ customer: null, staff: 2 });
    expect(itemOf(report, 'r').groups).toEqual({ customer: 3, staff: 3 });
    expect(report.by).toBe('role');
  });

  it('takes the threshold from the perceptionGap option', () => {
    const rows = [['staff', 4], ['staff', 4], ['customer', 3], ['customer', 3], ['customer', 4]] as const;
    // spread 2/3 (see above): flagged at 0.5, not at the default 1.0
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role', perceptionGap: 0.5 }), 'q').flags).toEqual(['perception-gap']);
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role', perceptionGap: 2 / 3 }), 'q').flags).toEqual(['perception-gap']);
    expect(itemOf(scoreSets(rubric, respondents(rows), { by: 'role', perceptionGap: 0.7 }), 'q').flags).toEqual([]);
  });

  it('has empty groups and no spread or perception gap without --by', () => {
    const rows = [['staff', 1], ['customer', 5]] as const;
    const item = itemOf(scoreSets(rubric, respondents(rows)), 'q');
    expect(item.groups).toEqual({});
    expect(item.spread).toBeNull();
    expect(item.flags).toEqual(['low-agreement']); // [1,5]: var 8, rwg 0
  });
});
