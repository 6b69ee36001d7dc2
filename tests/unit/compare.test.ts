/**
 * `compare`: two audits of one rubric, item by item. Every expected
 * number below is worked by hand from the scores in the comments, with
 * the formulas of docs/formulas.md (target 4 on a 1..5 scale, index = 100 * (score - 1) / 4).
 */
import { errorExitCode } from '../../src/cli/exit-codes.js';
import { describe, expect, it } from 'vitest';
import { compareReports, itemStatus } from '../../src/compare/compare.js';
import { EPSILON } from '../../src/scoring/tolerance.js';
import type { Change, Comparison } from '../../src/compare/comparison.js';
import { jsonErrorOffset } from '../../src/inputs/saved-report/json-error-offset.js';
import { checkReport, looksLikeReport, parseReportJson } from '../../src/inputs/saved-report/read-report.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { signed } from '../../src/report/compare/words.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { SvcauditError } from '../../src/core/errors.js';
import type { Report } from '../../src/scoring/report.js';
import { buildAnswers, buildRubric, scoreSets } from '../helpers/build.js';
import { loadAll } from '../helpers/formats.js';

const GAP_FORMATS = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const COMPARE_FORMATS = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);

// Commitments weigh 2 (items a, b), keys weigh 1 (items c, d, e); every item weighs 1, target 4.
const RUBRIC = buildRubric({
  sections: [
    { id: 'commitments', weight: 2, items: ['a', 'b'] },
    { id: 'keys', weight: 1, items: ['c', 'd', 'e'] },
  ],
});

/*
 * Before: a (2,3) = 2.5 gap 1.5 · b (4,4) = 4 gap 0 · c (3,4) = 3.5 gap 0.5 · d na, na · e (3,3) = 3 gap 1
 *   commitments 3.25, gap 0.75, index 56.25 · keys (3.5+3)/2 = 3.25, gap 0.75, index 56.25
 *   overall: e = 1/3 for a and b, 1/6 for c and e → score 6.5/3 + 6.5/6 = 3.25, gap 1.5/3 + 1.5/6 = 0.75, index 56.25
 * After: a (3,4) = 3.5 gap 0.5 · b (3,4) = 3.5 gap 0.5 · c (4,5) = 4.5 gap 0 · d (2,2) = 2 gap 2 · e (3,3) = 3 gap 1
 *   commitments 3.5, gap 0.5, index 62.5 · keys 9.5/3, gap 1, index 100 * (6.5/3) / 4 = 54.1666…
 *   overall: e = 1/3 for a and b, 1/9 for c, d, e → score 7/3 + 9.5/9 = 30.5/9, gap 1/3 + 3/9 = 2/3,
 *   index 100 * (21.5/9) / 4 = 59.7222…
 */
const BEFORE = scoreSets(RUBRIC, [
  buildAnswers('before/1.yaml', { a: 2, b: 4, c: 3, d: 'na', e: 3 }),
  buildAnswers('before/2.yaml', { a: 3, b: 4, c: 4, d: 'na', e: 3 }),
]);
const AFTER = scoreSets(RUBRIC, [
  buildAnswers('after/1.yaml', { a: 3, b: 3, c: 4, d: 2, e: 3 }),
  buildAnswers('after/2.yaml', { a: 4, b: 4, c: 5, d: 2, e: 3 }),
]);

function expectChange(actual: Change, expected: { before: [number | null, number | null, number | null]; after: [number | null, number | null, number | null]; delta: [number | null, number | null, number | null] }): void {
  for (const side of ['before', 'after', 'delta'] as const) {
    const [score, index, gap] = expected[side];
    const figures = actual[side];
    for (const [name, want] of [['score', score], ['index', index], ['gap', gap]] as const) {
      const got = figures[name];
      if (want === null) expect(got, `${side}.${name}`).toBeNull();
      else expect(got, `${side}.${name}`).toBeCloseTo(want, 10);
    }
  }
}

describe('compareReports: deltas', () => {
  const c = compareReports(BEFORE, AFTER, { beforeInput: 'interviews/', afterInput: 'follow-up/' });

  it('gives the overall before, after and delta of score, index and gap', () => {
    expectChange(c.overall, {
      before: [3.25, 56.25, 0.75],
      after: [30.5 / 9, 100 * (21.5 / 9) / 4, 2 / 3],
      // 30.5/9 - 29.25/9 = 1.25/9; index 100 * (1.25/9) / 4; gap 2/3 - 3/4 = -1/12
      delta: [1.25 / 9, (100 * 1.25) / 36, -1 / 12],
    });
  });

  it('gives each section its before, after and delta', () => {
    expect(c.sections.map((s) => s.id)).toEqual(['commitments', 'keys']);
    expectChange(c.sections[0]!, { before: [3.25, 56.25, 0.75], after: [3.5, 62.5, 0.5], delta: [0.25, 6.25, -0.25] });
    // keys: 9.5/3 - 3.25 = -1/12; index 54.1666… - 56.25 = -2.0833…; gap 1 - 0.75 = 0.25
    expectChange(c.sections[1]!, { before: [3.25, 56.25, 0.75], after: [9.5 / 3, 100 * (6.5 / 3) / 4, 1], delta: [-1 / 12, (100 * (-1 / 12)) / 4, 0.25] });
  });

  it('gives each item its before, after, delta and status', () => {
    const byId = new Map(c.items.map((item) => [item.id, item]));
    expectChange(byId.get('a')!, { before: [2.5, 37.5, 1.5], after: [3.5, 62.5, 0.5], delta: [1, 25, -1] });
    expectChange(byId.get('b')!, { before: [4, 75, 0], after: [3.5, 62.5, 0.5], delta: [-0.5, -12.5, 0.5] });
    expectChange(byId.get('c')!, { before: [3.5, 62.5, 0.5], after: [4.5, 87.5, 0], delta: [1, 25, -0.5] });
    expectChange(byId.get('d')!, { before: [null, null, null], after: [2, 25, 2], delta: [null, null, null] });
    expectChange(byId.get('e')!, { before: [3, 50, 1], after: [3, 50, 1], delta: [0, 0, 0] });
    expect(c.items.map((item) => [item.id, item.status])).toEqual([
      ['a', 'improved'],
      ['b', 'slipped'],
      ['c', 'reached-target'],
      ['d', 'not-compared'],
      ['e', 'unchanged'],
    ]);
    expect(c.items.map((item) => [item.section, item.title, item.target])).toEqual([
      ['commitments', 'a', 4], ['commitments', 'b', 4], ['keys', 'c', 4], ['keys', 'd', 4], ['keys', 'e', 4],
    ]);
  });

  it('lists the items that improved, slipped, reached their target, stayed put or could not be compared', () => {
    // c both improved (+1) and reached its target: it is in both lists, with the status reached-target.
    expect(c.improved).toEqual(['a', 'c']);
    expect(c.slipped).toEqual(['b']);
    expect(c.reachedTarget).toEqual(['c']);
    expect(c.unchanged).toEqual(['e']);
    expect(c.notCompared).toEqual(['d']);
  });

  it('says what was compared', () => {
    expect(c).toMatchObject({
      svcaudit: 1,
      kind: 'comparison',
      rubric: { id: 'test-rubric', title: 'Test rubric', version: '1.0.0' },
      scale: { min: 1, max: 5 },
      inputs: { before: { input: 'interviews/', respondents: 2, rubricVersion: '1.0.0' }, after: { input: 'follow-up/', respondents: 2, rubricVersion: '1.0.0' } },
    });
  });

  it('has the JSON shape of docs/json-report.md: overall, sections[] and items[] each with before, after, delta of score, index, gap', () => {
    const parsed = JSON.parse(COMPARE_FORMATS.json(c, { style: plainStyle, width: 100 })) as Comparison;
    for (const change of [parsed.overall, ...parsed.sections, ...parsed.items]) {
      for (const side of [change.before, change.after, change.delta]) expect(Object.keys(side).sort()).toEqual(['gap', 'index', 'score']);
    }
    expect(parsed.overall.delta.score).toBeCloseTo(1.25 / 9, 12);
    expect(parsed.items[0]).toMatchObject({ id: 'a', title: 'a', status: 'improved' });
  });
});

describe('compareReports: an item scored on one side only', () => {
  it('is not compared when only the baseline scored it, and has no delta', () => {
    // d is scored before (2, 2) and answered na by everyone after.
    const before = scoreSets(RUBRIC, [buildAnswers('1.yaml', { a: 3, d: 2 }), buildAnswers('2.yaml', { a: 3, d: 2 })]);
    const after = scoreSets(RUBRIC, [buildAnswers('1.yaml', { a: 3, d: 'na' })]);
    const d = compareReports(before, after).items.find((item) => item.id === 'd')!;
    expect(d.status).toBe('not-compared');
    expect(d.before).toEqual({ score: 2, index: 25, gap: 2 });
    expect(d.after).toEqual({ score: null, index: null, gap: null });
    expect(d.delta).toEqual({ score: null, index: null, gap: null });
  });

  it('keeps an item a revised rubric dropped, after the follow-up\'s items, with no delta', () => {
    const after: Report = { ...AFTER, items: AFTER.items.filter((item) => item.id !== 'b') };
    const c = compareReports(BEFORE, after);
    expect(c.items.map((item) => item.id)).toEqual(['a', 'c', 'd', 'e', 'b']);
    const b = c.items.at(-1)!;
    expect(b).toMatchObject({ id: 'b', status: 'not-compared', before: { score: 4, index: 75, gap: 0 }, after: { score: null, index: null, gap: null } });
  });
});

describe('itemStatus thresholds', () => {
  const status = (before: [number, number], after: [number, number]): string =>
    itemStatus({
      before: { score: before[0], index: null, gap: before[1] },
      after: { score: after[0], index: null, gap: after[1] },
      delta: { score: after[0] - before[0], index: null, gap: after[1] - before[1] },
    });

  it.each([
    { name: 'a rise of 0.01 is an improvement', before: [3, 1], after: [3.01, 0.99], want: 'improved' },
    { name: 'a fall of 0.01 is a slip', before: [3, 1], after: [2.99, 1.01], want: 'slipped' },
    { name: 'floating-point noise is no change', before: [3, 1], after: [3 + EPSILON / 10, 1 - EPSILON / 10], want: 'unchanged' },
    { name: 'closing the gap exactly reaches the target', before: [3.5, 0.5], after: [4, 0], want: 'reached-target' },
    { name: 'overshooting the target reaches it', before: [2, 2], after: [4.5, 0], want: 'reached-target' },
    { name: 'an item at target before that stays there is unchanged, not "reached"', before: [4, 0], after: [4, 0], want: 'unchanged' },
    { name: 'an item above target that rises is improved, not "reached"', before: [4, 0], after: [4.5, 0], want: 'improved' },
    { name: 'a gap of 1e-12 before counts as met (a weighted mean of 0)', before: [4, 1e-12], after: [4, 0], want: 'unchanged' },
  ] as const)('$name', ({ before, after, want }) => {
    expect(status([...before], [...after])).toBe(want);
  });
});

describe('compareReports: rubrics', () => {
  it('refuses two reports of different rubrics', () => {
    const other: Report = { ...AFTER, rubric: { ...AFTER.rubric, id: 'other-rubric' } };
    expect(() => compareReports(BEFORE, other)).toThrow(SvcauditError);
    expect(() => compareReports(BEFORE, other)).toThrow(/test-rubric and other-rubric/);
  });
});

describe('a JSON report as one side', () => {
  const json = GAP_FORMATS.json(BEFORE, { style: plainStyle, width: 100 });

  it('compares exactly as the report it was made from', () => {
    const fromJson = parseReportJson(json, 'baseline.json');
    expect(compareReports(fromJson, AFTER)).toEqual(compareReports(BEFORE, AFTER));
  });

  it('is recognised by its content', () => {
    expect(looksLikeReport(JSON.parse(json))).toBe(true);
    expect(looksLikeReport({ svcaudit: 1, kind: 'answers', rubric: 'x', answers: {} })).toBe(false);
    expect(looksLikeReport([1, 2])).toBe(false);
  });

  it.each([
    { name: 'invalid JSON, with the line and column', text: '{\n  "svcaudit": 1,\n  oops\n}', message: /^Not valid JSON/, line: 3 },
    { name: 'an answers file in JSON', text: '{"svcaudit": 1, "kind": "answers", "rubric": "x", "answers": {}}', message: /JSON answers file, not a report/ },
    { name: 'a list', text: '[1, 2]', message: /expected a JSON object/ },
    { name: 'no overall', text: JSON.stringify({ ...JSON.parse(json), overall: undefined }), message: /`overall` needs/ },
    { name: 'an item without figures', text: JSON.stringify({ ...JSON.parse(json), items: [{ id: 'a', section: 's', target: 4, score: '3' }] }), message: /`items\[0\]`/ },
    { name: 'another format version', text: JSON.stringify({ ...JSON.parse(json), svcaudit: 2 }), message: /`svcaudit: 1` is missing/ },
  ])('rejects $name, naming the file', ({ text, message, line }) => {
    let error: unknown;
    try {
      parseReportJson(text, 'reports/baseline.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SvcauditError);
    const e = error as SvcauditError;
    expect(e.message).toMatch(message);
    expect(e.message).toContain('score <answers> --format json');
    expect(e.position?.file).toBe('reports/baseline.json');
    expect(errorExitCode(e.code)).toBe(2);
    if (line !== undefined) expect(e.position?.line).toBe(line);
  });

  it('ignores fields it does not use, so reports from other versions compare', () => {
    const report = checkReport({ ...JSON.parse(json), plan: 'not a list', extra: { anything: true } }, 'r.json');
    expect(report.items).toHaveLength(5);
    expect(report.plan).toBeUndefined();
  });

  it("keeps a well-formed plan and notes for the HTML report, and leaves out a malformed one", () => {
    const parsed = JSON.parse(json);
    const step = { item: 'a', to: 4, text: 'Call back within a day', effort: 'low', phase: 1 };
    const quote = { by: 'Ann (staff)', kind: 'note', text: 'We never call back.', source: 'before/1.yaml' };
    const items = parsed.items.map((item: object, i: number) => ({ ...item, quotes: i === 0 ? [quote] : [] }));
    const report = checkReport({ ...parsed, plan: [step], items }, 'r.json');
    // A plan saved before entries named an owner reads as one with no owner.
    expect(report.plan).toEqual([{ ...step, owner: null }]);
    expect(report.items[0]!.quotes).toEqual([quote]);
    const bad = checkReport({ ...parsed, plan: [{ ...step, phase: 5 }], items: items.map((item: object) => ({ ...item, quotes: [{ text: 1 }] })) }, 'r.json');
    expect(bad.plan).toBeUndefined();
    expect(bad.items[0]!.quotes).toBeUndefined();
  });
});

describe('signed numbers', () => {
  it.each([
    [0.625, '+0.63'],
    [-0.625, '-0.63'],
    [0.004, '0.00'],
    [-0.004, '0.00'],
    [0, '0.00'],
    [null, '–'],
  ] as const)('%s → %s', (value, shown) => {
    expect(signed(value)).toBe(shown);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['{"a": tru}', 6],
    ['{"a": "x\ny"}', 6],
    ['{"a": 01}', 7],
    ['{} x', 3],
    ['', 0],
  ] as const)('%j fails at %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', ' 0 ']) expect(jsonErrorOffset(text)).toBeUndefined();
  });
});

describe('compare text format', () => {
  /** Marks each style call so the test sees what was painted how (and that nothing else slipped into a call). */
  const tag = (name: string) => (...parts: unknown[]): string => {
    expect(parts).toHaveLength(1);
    return `<${name}>${String(parts[0])}</${name}>`;
  };
  const style = { bold: tag('b'), dim: tag('dim'), underline: tag('u'), red: tag('red'), yellow: tag('yellow'), green: tag('green'), cyan: tag('cyan') };

  it('paints progress green and lost ground red, whichever way the number moves', () => {
    const out = COMPARE_FORMATS.text(compareReports(BEFORE, AFTER, { beforeInput: 'in/', afterInput: 'out/' }), { style, width: 100, date: '2026-11-20' });
    // Overall: score up (green), gap down by 1/12 (also green: a smaller gap is progress).
    expect(out).toContain('score 3.25 → 3.39 (<green>+0.14</green>)');
    expect(out).toContain('gap 0.75 → 0.67 (<green>-0.08</green>)');
    // (The tags count as width here, so the cells are padded unevenly; ANSI codes would not be.)
    expect(out).toMatch(/│ b +│ +4\.00 │ +3\.50 │ +<red>-0\.50<\/red> │ +<red>0\.00 → 0\.50<\/red> │ <red>slipped<\/red> +│/);
    expect(out).toContain('<b><green>reached target</green></b>');
    expect(out).toContain('<dim>unchanged</dim>');
    expect(out).toContain('<b>Reached target (1)</b>');
    expect(out).toMatch(/^ {2}- c \(3\.50 → 4\.50, \+1\.00\)$/m);
    expect(out).toMatch(/<dim>Changes are worked out from the unrounded scores/);
  });
});
