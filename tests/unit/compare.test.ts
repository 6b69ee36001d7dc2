/**
 * `compare`: two audits of one rubric, item by item. Every expected
 * number below is worked by hand from the scores in the comments, with
 * the formulas of docs/formulas.md (target 4 on a 1..5 scale, index = 100 * (score - 1) / 4).
 */
import { errorExitCode } from '../../src/cli/exit-codes.js';
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import type { Change } from '../../src/compare/comparison.js';
import { jsonErrorOffset } from '../../src/inputs/saved-report/json-error-offset.js';
import { checkReport, looksLikeReport, parseReportJson } from '../../src/inputs/saved-report/read-report.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { signed } from '../../src/report/compare/words.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { SvcauditError } from '../../src/core/errors.js';
import { buildAnswers, buildRubric, asFormat1, savedSide, scoredSide, scoreSets } from '../helpers/build.js';
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
const BEFORE_SETS = [
  buildAnswers('before/1.yaml', { a: 2, b: 4, c: 3, d: 'na', e: 3 }),
  buildAnswers('before/2.yaml', { a: 3, b: 4, c: 4, d: 'na', e: 3 }),
];
const AFTER_SETS = [
  buildAnswers('after/1.yaml', { a: 3, b: 3, c: 4, d: 2, e: 3 }),
  buildAnswers('after/2.yaml', { a: 4, b: 4, c: 5, d: 2, e: 3 }),
];
const BEFORE = scoreSets(RUBRIC, BEFORE_SETS);

const C = compareSides(scoredSide(RUBRIC, BEFORE_SETS), scoredSide(RUBRIC, AFTER_SETS), { beforeInput: 'interviews/', afterInput: 'follow-up/' });

function expectFigures(actual: Change, expected: { before: [number | null, number | null, number | null]; after: [number | null, number | null, number | null]; change: number | null }): void {
  for (const side of ['before', 'after'] as const) {
    const [score, index, gap] = expected[side];
    for (const [name, want] of [['score', score], ['index', index], ['gap', gap]] as const) {
      const got = actual[side][name];
      if (want === null) expect(got, `${side}.${name}`).toBeNull();
      else expect(got, `${side}.${name}`).toBeCloseTo(want, 10);
    }
  }
  if (expected.change === null) expect(actual.change).toBeNull();
  else expect(actual.change).toBeCloseTo(expected.change, 10);
}

describe('compareSides: figures', () => {
  it('gives the overall before, after and change', () => {
    // 30.5/9 - 29.25/9 = 1.25/9
    expectFigures(C.overall, { before: [3.25, 56.25, 0.75], after: [30.5 / 9, 100 * (21.5 / 9) / 4, 2 / 3], change: 1.25 / 9 });
  });

  it('gives each section its before, after and change', () => {
    expect(C.sections.map((s) => s.id)).toEqual(['commitments', 'keys']);
    expectFigures(C.sections[0]!, { before: [3.25, 56.25, 0.75], after: [3.5, 62.5, 0.5], change: 0.25 });
    expectFigures(C.sections[1]!, { before: [3.25, 56.25, 0.75], after: [9.5 / 3, 100 * (6.5 / 3) / 4, 1], change: -1 / 12 });
  });

  it('gives each item its before, after, change, target moves and, with two answers a side, too few answers', () => {
    const byId = new Map(C.items.map((item) => [item.id, item]));
    expectFigures(byId.get('a')!, { before: [2.5, 37.5, 1.5], after: [3.5, 62.5, 0.5], change: 1 });
    expectFigures(byId.get('b')!, { before: [4, 75, 0], after: [3.5, 62.5, 0.5], change: -0.5 });
    expectFigures(byId.get('c')!, { before: [3.5, 62.5, 0.5], after: [4.5, 87.5, 0], change: 1 });
    expectFigures(byId.get('d')!, { before: [null, null, null], after: [2, 25, 2], change: null });
    expectFigures(byId.get('e')!, { before: [3, 50, 1], after: [3, 50, 1], change: 0 });
    expect(C.items.map((item) => [item.id, item.verdict, item.reachedTarget, item.fellBelowTarget])).toEqual([
      ['a', 'too few answers', false, false],
      ['b', 'too few answers', false, true],
      ['c', 'too few answers', true, false],
      ['d', 'too few answers', false, false],
      ['e', 'too few answers', false, false],
    ]);
    expect(C.items.map((item) => [item.section, item.title, item.target])).toEqual([
      ['commitments', 'a', 4], ['commitments', 'b', 4], ['keys', 'c', 4], ['keys', 'd', 4], ['keys', 'e', 4],
    ]);
    // d: both baseline respondents answered na; the human formats say so rather than a bare dash.
    expect(byId.get('d')!.unscored).toEqual({ before: { na: 2, unanswered: 0 }, after: { na: 0, unanswered: 0 } });
  });

  it('says what was compared and how', () => {
    expect(C).toMatchObject({
      svcaudit: 2,
      kind: 'comparison',
      rubric: { id: 'test-rubric', title: 'Test rubric', version: '1.0.0' },
      scale: { min: 1, max: 5 },
      // The answers files name nobody: nothing to pair on.
      design: 'independent',
      pairs: 0,
      inputs: { before: { input: 'interviews/', respondents: 2, rubricVersion: '1.0.0' }, after: { input: 'follow-up/', respondents: 2, rubricVersion: '1.0.0' } },
      groups: [],
      warnings: [],
    });
  });
});

describe('compareSides: an item scored on one side only', () => {
  it('has no change when only the baseline scored it', () => {
    // d is scored before (2, 2) and answered na by everyone after.
    const before = [buildAnswers('1.yaml', { a: 3, d: 2 }), buildAnswers('2.yaml', { a: 3, d: 2 })];
    const after = [buildAnswers('1.yaml', { a: 3, d: 'na' })];
    const d = compareSides(scoredSide(RUBRIC, before), scoredSide(RUBRIC, after)).items.find((item) => item.id === 'd')!;
    expect(d).toMatchObject({ verdict: 'too few answers', change: null, ci: null, p: null });
    expect(d.before).toEqual({ score: 2, index: 25, gap: 2, n: 2 });
    expect(d.after).toEqual({ score: null, index: null, gap: null, n: 0 });
  });

  it("keeps an item a revised rubric dropped, after the follow-up's items, with no change", () => {
    const revised = buildRubric({ sections: [{ id: 'commitments', weight: 2, items: ['a'] }, { id: 'keys', weight: 1, items: ['c', 'd', 'e'] }] });
    const after = AFTER_SETS.map((set) => ({ ...set, answers: new Map([...set.answers].filter(([id]) => id !== 'b')) }));
    const c = compareSides(scoredSide(RUBRIC, BEFORE_SETS), scoredSide(revised, after));
    expect(c.items.map((item) => item.id)).toEqual(['a', 'c', 'd', 'e', 'b']);
    expect(c.items.at(-1)).toMatchObject({ id: 'b', change: null, before: { score: 4, index: 75, gap: 0, n: 2 }, after: { score: null, index: null, gap: null, n: 0 } });
  });
});

describe('compareSides: rubrics', () => {
  it('refuses two audits of different rubrics', () => {
    const other = { ...RUBRIC, id: 'other-rubric' };
    expect(() => compareSides(scoredSide(RUBRIC, BEFORE_SETS), scoredSide(other, AFTER_SETS))).toThrow(SvcauditError);
    expect(() => compareSides(scoredSide(RUBRIC, BEFORE_SETS), scoredSide(other, AFTER_SETS))).toThrow(/test-rubric and other-rubric/);
  });

  it('warns, naming both, when the rubric version changed', () => {
    const revised = { ...RUBRIC, version: '1.1.0' };
    const c = compareSides(scoredSide(RUBRIC, BEFORE_SETS), scoredSide(revised, AFTER_SETS), { beforeInput: 'old/', afterInput: 'new/' });
    expect(c.warnings).toEqual([{ code: 'rubric-version', message: "The rubric's version changed: 1.0.0 in old/, 1.1.0 in new/; items are matched by id." }]);
  });
});

describe('a JSON report as one side', () => {
  const json = GAP_FORMATS.json(BEFORE, { style: plainStyle, width: 100 });

  it('gives the figures of the report it was made from', () => {
    const fromJson = compareSides(savedSide(JSON.parse(json)), scoredSide(RUBRIC, AFTER_SETS));
    const scored = compareSides(scoredSide(RUBRIC, BEFORE_SETS), scoredSide(RUBRIC, AFTER_SETS));
    const figures = (c: typeof scored) => [c.overall, ...c.sections, ...c.items].map((x) => [x.before.score, x.before.index, x.before.gap, x.after, x.change]);
    expect(figures(fromJson)).toEqual(figures(scored));
    expect(parseReportJson(json, 'baseline.json')).toMatchObject({ format: 2, by: null, groups: null, scoredRespondents: 2 });
    expect(parseReportJson(JSON.stringify(asFormat1(BEFORE)), 'old.json')).toMatchObject({ format: 1, by: null, groups: null, scoredRespondents: null });
  });

  it('keeps the organisation and fieldwork dates of its header, and leaves out ones not shaped as score writes them', () => {
    const dated = { ...JSON.parse(json), organisation: 'Harbour Home', fieldwork: { from: '2026-10-05', to: '2026-10-09' } };
    expect(parseReportJson(JSON.stringify(dated), 'baseline.json')).toMatchObject({ organisation: 'Harbour Home', fieldwork: { from: '2026-10-05', to: '2026-10-09' } });
    expect(parseReportJson(JSON.stringify({ ...dated, organisation: null, fieldwork: null }), 'b.json')).toMatchObject({ organisation: null, fieldwork: null });
    const odd = parseReportJson(JSON.stringify({ ...dated, organisation: 7, fieldwork: { from: 'Oct 5', to: '2026-10-09' } }), 'odd.json');
    expect(odd).not.toHaveProperty('organisation');
    expect(odd).not.toHaveProperty('fieldwork');
    expect(parseReportJson(JSON.stringify(asFormat1(BEFORE)), 'old.json')).not.toHaveProperty('fieldwork');
  });

  it('reads a report of format 2 with the se and df of its sections and overall score', () => {
    const v2 = { ...JSON.parse(json), svcaudit: 2, overall: { ...JSON.parse(json).overall, se: 0.25, df: 4 }, agreement: { alpha: null, n: 2 } };
    const report = parseReportJson(JSON.stringify(v2), 'v2.json');
    expect(report).toMatchObject({ format: 2, overall: { se: 0.25, df: 4 }, scoredRespondents: 2 });
    // A section without them has no interval: read as null, not an error.
    expect(report.sections[0]).toMatchObject({ se: null, df: null });
  });

  it('refuses a comparison given as a side', () => {
    expect(() => parseReportJson('{"svcaudit": 2, "kind": "comparison", "overall": {}}', 'c.json')).toThrow(/a comparison made by `compare`, not a report/);
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
    { name: 'another format version', text: JSON.stringify({ ...JSON.parse(json), svcaudit: 3 }), message: /`svcaudit: 1` or `svcaudit: 2` is missing/ },
    { name: 'an item without n', text: JSON.stringify({ ...JSON.parse(json), items: [{ id: 'a', section: 's', target: 4, score: 3, index: 50, gap: 1, sd: null }] }), message: /`items\[0\]` needs `n`/ },
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

  it('paints improved cyan and slipped red, always with the word; green, the colour of a met target, is never used', () => {
    // 5 a side: C(10, 5) = 252, and 4 items tested: 4 * 2/252 < 0.05 for a and b.
    const b = [1, 2, 3, 4, 5].map((i) => buildAnswers(`b${i}.yaml`, { a: 1, b: 5, c: 3, e: 3 }));
    const a = [1, 2, 3, 4, 5].map((i) => buildAnswers(`a${i}.yaml`, { a: 5, b: 1, c: 3, e: 3 }));
    const out = COMPARE_FORMATS.text(compareSides(scoredSide(RUBRIC, b), scoredSide(RUBRIC, a), { beforeInput: 'in/', afterInput: 'out/' }), { style, width: 100, date: '2026-11-20' });
    expect(out).toContain('<cyan>improved</cyan>');
    expect(out).toContain('<red>slipped</red>');
    expect(out).toContain('<dim>too few answers</dim>');
    expect(out).toMatch(/<dim>Change is the follow-up minus the baseline/);
    expect(out).not.toContain('<green>');
  });

  it('says "still below target" beside an improvement that has not reached the target', () => {
    // a: 1 → 3 against a target of 4, significant (as above) but still a point short.
    const b = [1, 2, 3, 4, 5].map((i) => buildAnswers(`b${i}.yaml`, { a: 1, c: 3, e: 3 }));
    const a = [1, 2, 3, 4, 5].map((i) => buildAnswers(`a${i}.yaml`, { a: 3, c: 3, e: 3 }));
    const c = compareSides(scoredSide(RUBRIC, b), scoredSide(RUBRIC, a));
    expect(c.items.find((item) => item.id === 'a')).toMatchObject({ verdict: 'improved', reachedTarget: false });
    const text = COMPARE_FORMATS.text(c, { style, width: 100, date: '2026-11-20' });
    const row = text.split('\n').findIndex((line) => line.includes('<cyan>improved</cyan>') && line.startsWith('│ a '));
    expect(text.split('\n')[row + 1]).toContain('still below target');
    expect(COMPARE_FORMATS.markdown(c, { style: plainStyle, width: 100 })).toMatch(/\| a \|[^\n]*improved, \*\*still below target\*\*/);
    const page = COMPARE_FORMATS.html(c, { style: plainStyle, width: 100 });
    // Outlined, not filled: in the pill, the changes chart's marker and the after bar.
    expect(page).toContain('<span class="pill pill-improved pill-below">improved</span> <span class="pill pill-flag">still below target</span>');
    expect(page).toMatch(/<path class="mark ch-improved hollow"/);
    expect(page).toMatch(/<rect class="ch-improved below-target"/);
  });
});
