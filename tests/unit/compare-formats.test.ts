/**
 * The human formats of `compare` (text, markdown, html) on comparisons built in memory: every
 * item, section and the overall score shows before, after, the change with its interval and the
 * verdict; the design line; `n/a` and `not answered` kept apart; the notes that explain a verdict;
 * the text report within 80 columns. The JSON is checked against its schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import type { Comparison } from '../../src/compare/comparison.js';
import { comparisonSchema } from '../../src/compare/schema.js';
import { RespondentTable } from '../../src/compare/respondent-table.js';
import type { ScoredSide } from '../../src/compare/side.js';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { intervalText, signed } from '../../src/report/compare/words.js';
import { displayWidth } from '../../src/report/shared/text-width.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import { addAnswerSet, buildReport, createTally } from '../../src/scoring/index.js';
import { buildAnswers, buildRubric, respondents, scoredSide } from '../helpers/build.js';
import { loadAll } from '../helpers/formats.js';
import { REPO } from '../helpers/run-cli.js';

const FORMATS = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);
const OPTIONS = { style: plainStyle, width: 100, date: '2026-11-20' };
const validate = new Ajv.default({ allErrors: true, strict: true, allowUnionTypes: true }).compile(comparisonSchema);

/** A side read from a folder of the examples, as app/compare.ts reads one. */
async function exampleSide(folder: string, by?: string): Promise<ScoredSide> {
  const { value: rubric } = await checkRubricText(readFileSync(join(REPO, 'rubrics/service-commitments.yaml'), 'utf8'), 'rubric.yaml');
  const tally = createTally(rubric!, { by });
  const table = new RespondentTable(rubric!, { by });
  const files = readdirSync(join(REPO, folder)).sort().map((f) => join(REPO, folder, f));
  await readAnswerSets(files, rubric!, (set) => {
    addAnswerSet(tally, set);
    table.add(set);
  });
  return { kind: 'scored', rubric: rubric!, report: buildReport(tally), table };
}

let examples: Comparison;
let grouped: Comparison;
let sides: { baseline: ScoredSide; followUp: ScoredSide };
beforeAll(async () => {
  sides = { baseline: await exampleSide('examples/interviews'), followUp: await exampleSide('examples/follow-up') };
  examples = compareSides(sides.baseline, sides.followUp, { beforeInput: 'examples/interviews', afterInput: 'examples/follow-up' });
  grouped = compareSides(await exampleSide('examples/interviews', 'role'), await exampleSide('examples/follow-up', 'role'), { beforeInput: 'examples/interviews', afterInput: 'examples/follow-up', by: 'role', minGroup: 2 });
});

describe('the text format', () => {
  it.each([80, 100, 140])('fits %i columns, with groups and warnings too', (width) => {
    const withWarning: Comparison = { ...grouped, warnings: [{ code: 'rubric-version', message: `The rubric's version changed: 1.0.0 in ${'a-very-long-folder-name/'.repeat(4)}, 2.0.0 in b; items are matched by id.` }] };
    for (const c of [examples, withWarning]) {
      const lines = FORMATS.text(c, { ...OPTIONS, width }).split('\n');
      expect(Math.max(...lines.map(displayWidth)), lines.find((l) => displayWidth(l) > width)).toBeLessThanOrEqual(width);
    }
  });

  it('shows before, after, the change with its interval and the verdict of the overall score, every section and every item', () => {
    const out = FORMATS.text(examples, OPTIONS);
    const o = examples.overall;
    expect(out).toContain(`Overall  ${o.before.score!.toFixed(2)} → ${o.after.score!.toFixed(2)}, change +${o.change!.toFixed(2)} [+${o.ci![0].toFixed(2)}, +${o.ci![1].toFixed(2)}]: ${o.verdict}`);
    for (const s of examples.sections) expect(out).toMatch(new RegExp(`│ ${s.title} +│ +${s.before.score!.toFixed(2)} │ +${s.after.score!.toFixed(2)} │ [^│]+\\] │ ${s.verdict}`));
    expect(out).toContain('Paired: 10 respondents answered both audits (matched by name)');
  });

  it('explains each mark it puts on a verdict', () => {
    const out = FORMATS.text(examples, OPTIONS);
    const starred = examples.items.filter((i) => i.verdict === 'no clear change' && i.ci !== null && (i.ci[0] > 0 || i.ci[1] < 0));
    const never = examples.items.filter((i) => i.verdict === 'too few answers' && i.p !== null);
    expect(starred.length).toBeGreaterThan(0);
    expect(never.length).toBeGreaterThan(0);
    expect(out).toMatch(/^\* [^]+: the interval leaves out 0, so on its own the change\s+looks real/m);
    expect(out).toMatch(/^† [^]+: so few answers that even if every one had moved the\s+same way/m);
    expect(out.match(/no clear change\*/g)).toHaveLength(starred.length);
  });

  it('lists the groups, and the one too small to compare', () => {
    const out = FORMATS.text({ ...grouped, details: { ...grouped.details, minGroup: 3 }, groups: grouped.groups.map((g) => (g.value === 'manager' ? { ...g, overall: null, items: [] } : g)) }, OPTIONS);
    expect(out).toMatch(/^Groups \(by role\)$/m);
    expect(out).toMatch(/│ manager +│ +1 → 1 │/);
    expect(out).toContain('Not compared: manager (fewer than 3 respondents on a side: not compared).');
    expect(out).toMatch(/^ {2}- customer: /m);
  });
});

describe('the header of every human format', () => {
  it.each(['text', 'markdown', 'html'] as const)('%s names the organisation, each audit by its folder with its fieldwork dates, and the report date, and no path', (format) => {
    const followUp = { ...sides.followUp.report, organisation: 'Harbour Home Insurance' };
    const out = FORMATS[format](examples, { ...OPTIONS, baseline: sides.baseline.report, followUp }).replace(/\s+/g, ' ');
    const header = format === 'html' ? out.slice(out.indexOf('<header'), out.indexOf('</header>')) : out.slice(0, out.indexOf('Paired'));
    for (const words of ['Harbour Home Insurance', 'interviews (10 respondents, fieldwork 2026-10-05 to 2026-10-09)', 'follow-up (10 respondents, fieldwork 2027-04-12 to 2027-04-16)', 'report 2026-11-20']) {
      expect(header, words).toContain(words);
    }
    expect(out).not.toContain('examples/');
  });

  it('says so when the overall score improved but is still below its target', () => {
    expect(examples.overall).toMatchObject({ verdict: 'improved' });
    expect(examples.overall.after.gap).toBeGreaterThan(0);
    expect(FORMATS.text(examples, OPTIONS)).toMatch(/^Overall .*: improved, still below target$/m);
    expect(FORMATS.html(examples, OPTIONS)).toContain('improved, still 0.41 below target.');
  });
});

describe('n/a and not answered', () => {
  // q: before, everyone answered na; after, nobody answered. r: before 2 na and 1 blank, after scored.
  const rubric = buildRubric({ sections: [{ id: 's', items: ['q', 'r', 'p'] }] });
  const before = [buildAnswers('1.yaml', { q: 'na', r: 'na', p: 3 }), buildAnswers('2.yaml', { q: 'na', r: 'na', p: 3 }), buildAnswers('3.yaml', { q: 'na', p: 3 })];
  const after = [buildAnswers('1.yaml', { r: 3, p: 3 }), buildAnswers('2.yaml', { r: 4, p: 3 }), buildAnswers('3.yaml', { r: 4, p: 3 })];
  const c = compareSides(scoredSide(rubric, before), scoredSide(rubric, after));

  it.each(['text', 'markdown', 'html'] as const)('are never one word in %s', (format) => {
    const out = FORMATS[format](c, OPTIONS);
    expect(out).toContain('n/a');
    expect(out).toContain('not answered');
    // The text table puts a mixed cell on two lines.
    expect(out).toMatch(format === 'text' ? /2 n\/a, +│[^]*│ 1 not answered │/ : /2 n\/a, 1 not answered/);
  });
});

describe('the markdown and HTML formats', () => {
  it.each(['markdown', 'html'] as const)('%s gives every item its change, interval and verdict, and the design', (format) => {
    const out = FORMATS[format](examples, OPTIONS);
    expect(out).toContain('Paired: 10 respondents answered both audits (matched by name)');
    for (const item of examples.items) expect(out).toContain(`${signed(item.change)}${format === 'markdown' ? ' |' : '</span></td><td class="num">'} ${intervalText(item.ci, examples.scale)}`.replace('| ', '| ').replace('> ', '>'));
    for (const verdict of new Set(examples.items.map((i) => i.verdict))) expect(out).toContain(verdict);
  });

  it('markdown keeps every table row whole with groups', () => {
    const md = FORMATS.markdown(grouped, OPTIONS);
    const pipes = (line: string): number => line.replace(/\\\|/g, '').split('|').length - 1;
    for (const table of md.split('\n\n').filter((block) => block.startsWith('| '))) {
      const [header, ...rows] = table.split('\n');
      for (const row of rows) expect(pipes(row), row).toBe(pipes(header!));
    }
    expect(md).toContain('## Groups (by role)');
    expect(md).toContain('### customer');
  });
});

describe('the JSON format', () => {
  it.each([
    ['the examples, paired', () => examples],
    ['the examples by role', () => grouped],
    ['one item, independent', () => compareSides(scoredSide(buildRubric({ sections: [{ id: 's', items: ['q'] }] }), respondents('q', [1, 2, 3], { ids: false })), scoredSide(buildRubric({ sections: [{ id: 's', items: ['q'] }] }), respondents('q', [2, 3, 4], { ids: false })))],
  ])('validates against the schema: %s', (_name, make) => {
    const parsed: unknown = JSON.parse(FORMATS.json(make(), OPTIONS));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has exactly the fields of docs/json-report.md, in order, and nothing the human formats use besides', () => {
    const parsed = JSON.parse(FORMATS.json(grouped, OPTIONS));
    expect(Object.keys(parsed)).toEqual(['svcaudit', 'kind', 'rubric', 'scale', 'design', 'pairs', 'inputs', 'overall', 'sections', 'items', 'groups', 'warnings']);
    expect(Object.keys(parsed.overall)).toEqual(['before', 'after', 'change', 'ci', 'verdict']);
    expect(Object.keys(parsed.overall.before)).toEqual(['score', 'index', 'gap', 'n']);
    expect(Object.keys(parsed.items[0])).toEqual(['id', 'section', 'title', 'target', 'before', 'after', 'change', 'ci', 'p', 'adjustedP', 'verdict', 'reachedTarget', 'fellBelowTarget']);
    expect(Object.keys(parsed.groups[0])).toEqual(['value', 'before', 'after', 'overall', 'items']);
  });
});
