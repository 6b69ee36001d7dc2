/**
 * A group named `__proto__` (`role: __proto__`, a CSV role cell) is a group like any other: shown in
 * every report, not only counted in the spread and the perception-gap flag.
 */
import { describe, expect, it } from 'vitest';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { loadAll } from '../helpers/formats.js';
import { buildAnswers, buildRubric, savedSide, scoredSide, scoreSets } from '../helpers/build.js';
import { compareSides } from '../../src/compare/compare.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';

const FORMATS = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const COMPARE = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);
const rubric = buildRubric({ sections: [{ id: 's', items: ['a'] }] });
const sets = [
  ...[1, 1, 1].map((score, i) => buildAnswers(`p${i}.yaml`, { a: score }, { role: '__proto__' })),
  ...[5, 5, 5].map((score, i) => buildAnswers(`s${i}.yaml`, { a: score }, { role: 'staff' })),
];
const report = scoreSets(rubric, sets, { by: 'role' });

describe('role: __proto__', () => {
  it('is an own group of the item, with its score', () => {
    const item = report.items[0]!;
    expect(Object.hasOwn(item.groups, '__proto__')).toBe(true);
    expect(item.groups['__proto__']).toMatchObject({ score: 1, n: 3 });
    expect(item.spread).toEqual({ value: 4, high: 'staff', low: '__proto__' });
    expect(report.groups.map((g) => g.value)).toEqual(['__proto__', 'staff']);
  });

  it.each(GAP_FORMAT_NAMES)('shows in the %s report', (name) => {
    const out = FORMATS[name](report, { style: plainStyle, width: 100, date: '2026-11-20' });
    const shown = name === 'markdown' ? '\\_\\_proto\\_\\_' : '__proto__';
    expect(out).toContain(shown);
    if (name === 'json') expect(JSON.parse(out).items[0].groups).toHaveProperty(['__proto__']);
  });

  it.each(COMPARE_FORMAT_NAMES)('is compared, scored here or read back from a saved report, in the %s comparison', (name) => {
    for (const [before, after] of [[scoredSide(rubric, sets, { by: 'role' }), scoredSide(rubric, sets, { by: 'role' })], [savedSide(report), savedSide(report)]] as const) {
      const c = compareSides(before, after, { by: 'role' });
      expect(c.groups.map((g) => g.value)).toEqual(['__proto__', 'staff']);
      const out = COMPARE[name](c, { style: plainStyle, width: 100, date: '2026-11-20' });
      expect(out).toContain(name === 'markdown' ? '\\_\\_proto\\_\\_' : '__proto__');
    }
  });
});
