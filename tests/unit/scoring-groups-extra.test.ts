/**
 * Cases scoring-groups.test.ts leaves open: the low-agreement boundary, more
 * than two groups, grouping on another field, another scale, and how flags
 * and groups reach the JSON report. Expected numbers are worked by hand in
 * the comments (rwg = 1 - var / ((A^2 - 1) / 12); A = 5 on 1..5, so the
 * divisor is 2; A = 11 on 0..10, so it is 10).
 */
import { describe, expect, it } from 'vitest';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { buildAnswers, buildRubric, itemOf, scoreSets } from '../helpers/build.js';
import { loadAll } from '../helpers/formats.js';

const GAP_FORMATS = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);

const rubric = buildRubric({ sections: [{ id: 's', items: ['q'] }] });

/** Group value → score, from an item's group figures. */
const scoresOf = (groups: Record<string, { readonly score: number }>) => Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.score]));

/** One respondent per score, each in the group `field: value` when a value is given. */
function sets(rows: readonly (readonly [number, string?])[], field = 'role') {
  return rows.map(([q, value], i) => buildAnswers(`r${i}.yaml`, { q }, value === undefined ? {} : { [field]: value }));
}

describe('low agreement at its boundary (below 0.7 is flagged)', () => {
  it.each([
    {
      name: 'rwg exactly 0.7 is not flagged',
      // [2,2,2,3,3,3,3,3,4,4,4]: Σx=33, Σx²=105, var (11*105 - 33²)/(11*10) = 66/110 = 0.6, rwg 1 - 0.6/2 = 0.7.
      scores: [2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4],
      rwg: 0.7,
      flags: [],
    },
    {
      name: 'rwg 0.6 is flagged',
      // [2,2,2,2,3,3,3,4,4,4,4]: Σx=33, Σx²=107, var (1177 - 1089)/110 = 0.8, rwg 0.6.
      scores: [2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4],
      rwg: 0.6,
      flags: ['low-agreement'],
    },
    {
      name: 'one respondent has no agreement to judge',
      scores: [1],
      rwg: null,
      flags: [],
    },
  ])('$name', ({ scores, rwg, flags }) => {
    const item = itemOf(scoreSets(rubric, sets(scores.map((s) => [s] as const))), 'q');
    if (rwg === null) expect(item.rwg).toBeNull();
    else expect(item.rwg).toBeCloseTo(rwg, 12);
    expect(item.flags).toEqual(flags);
  });
});

describe('groups', () => {
  it('takes the spread over all groups: largest minus smallest, whatever lies between', () => {
    // staff (5+5)/2 = 5, manager 4, customer (2+3)/2 = 2.5: spread 2.5 (groups this small show with --min-group 1).
    // All five: [2,3,4,5,5] Σx=19, Σx²=79, var (395 - 361)/20 = 1.7, rwg 1 - 0.85 = 0.15.
    const item = itemOf(scoreSets(rubric, sets([[5, 'staff'], [5, 'staff'], [4, 'manager'], [2, 'customer'], [3, 'customer']]), { by: 'role', minGroup: 1 }), 'q');
    expect(scoresOf(item.groups)).toEqual({ customer: 2.5, manager: 4, staff: 5 });
    expect(item.spread).toEqual({ value: 2.5, high: 'staff', low: 'customer' });
    expect(item.rwg).toBeCloseTo(0.15, 12);
    expect(item.flags).toEqual(['perception-gap', 'low-agreement']);
  });

  it('groups on any respondent field, trimming values; a blank value joins (none)', () => {
    // north: 4 and 2 → 3; south 5; (none): the blank and the missing site, 1 and 1.
    const rows = [[4, ' north '], [2, 'north'], [5, 'south'], [1, '  '], [1]] as const;
    const report = scoreSets(rubric, sets(rows, 'site'), { by: 'site', minGroup: 1 });
    const item = itemOf(report, 'q');
    expect(report.by).toBe('site');
    // `(none)` sorts first: U+0028 comes before every letter.
    expect(report.groups.map((g) => [g.value, g.n])).toEqual([['(none)', 2], ['north', 2], ['south', 1]]);
    expect(scoresOf(item.groups)).toEqual({ '(none)': 1, north: 3, south: 5 });
    // (none) is a group like any other once shown: 5 - 1.
    expect(item.spread).toEqual({ value: 4, high: 'south', low: '(none)' });
  });

  it('measures the perception gap in points of the scale in use (0..10)', () => {
    const wide = buildRubric({ scale: { min: 0, max: 10 }, sections: [{ id: 's', items: ['q'] }] });
    // staff 6, customer 5: spread 1, flagged at the default 1.0; no low-agreement flag.
    // [5,5,5,6,6,6]: Σx=33, Σx²=183, var (1098 - 1089)/30 = 0.3; A = 11, divisor 10; rwg 0.97.
    const item = itemOf(scoreSets(wide, sets([[6, 'staff'], [6, 'staff'], [6, 'staff'], [5, 'customer'], [5, 'customer'], [5, 'customer']]), { by: 'role' }), 'q');
    expect(item.spread?.value).toBe(1);
    expect(item.rwg).toBeCloseTo(0.97, 12);
    expect(item.flags).toEqual(['perception-gap']);
  });

  it('flags even equal groups at a --perception-gap of 0 (a spread of 0 reaches it)', () => {
    const item = itemOf(scoreSets(rubric, sets([[4, 'staff'], [4, 'customer']]), { by: 'role', perceptionGap: 0, minGroup: 1 }), 'q');
    expect(item.spread?.value).toBe(0);
    expect(item.flags).toEqual(['perception-gap']);
  });
});

describe('flags and groups in the JSON report', () => {
  it('carries items[].flags by name and items[].groups keyed by group value, unrounded', () => {
    // staff 4, customer (3+3+4)/3 = 10/3: spread 2/3; at --perception-gap 0.5 it is flagged.
    const report = scoreSets(rubric, sets([[4, 'staff'], [4, 'staff'], [4, 'staff'], [3, 'customer'], [3, 'customer'], [4, 'customer']]), { by: 'role', perceptionGap: 0.5 });
    const json = JSON.parse(GAP_FORMATS.json(report, { style: plainStyle, width: 100 }));
    expect(json.by).toBe('role');
    expect(json.items[0].flags).toEqual(['perception-gap']);
    // Customers [3,3,4]: mean 10/3, sd √(1/3); staff [4,4,4]: sd 0, so its interval is [4, 4].
    expect(json.items[0].groups.customer).toMatchObject({ score: 10 / 3, n: 3 });
    expect(json.items[0].groups.staff).toEqual({ score: 4, n: 3, ci: [4, 4] });
    expect(json.items[0].spread).toEqual({ value: 2 / 3, high: 'staff', low: 'customer' });
    expect(json.groups).toEqual([
      { value: 'customer', n: 3, shown: true, overall: { score: 10 / 3, index: (100 * (10 / 3 - 1)) / 4, ci: json.groups[0].overall.ci } },
      { value: 'staff', n: 3, shown: true, overall: { score: 4, index: 75, ci: [4, 4] } },
    ]);
  });
});
