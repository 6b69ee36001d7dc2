/**
 * In the property project: it runs for half a minute, longer than the everyday unit loop should.
 * Linear time in the size of one input, per reader and per format: each case times an input of
 * size n and of size 4n in the same run and asserts the ratio stays well under 16 (quadratic).
 * The cases are the inputs that were quadratic: many keys in one YAML mapping (unknown answers,
 * `x-` keys with one bad score, anchors, wrong values), many sections, many bad CSV rows, and in
 * the text report a long title, a long group name with --by, a long note without spaces, many roles;
 * the configuration file and the compare formats alike.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswersText } from '../../src/inputs/answers-yaml/check-answers-text.js';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import { readCsvAnswers } from '../../src/inputs/svcaudit-csv/csv-answers.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { FINDINGS_FORMAT_NAMES, loadFindingsFormat } from '../../src/report/findings/formats.js';
import { formatRubricTable } from '../../src/report/rubric/rubric-table.js';
import { formatTemplate } from '../../src/report/rubric/template.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { finding } from '../../src/core/finding.js';
import type { Rubric } from '../../src/rubric/model.js';
import { loadAll } from '../helpers/formats.js';
import { buildAnswers, buildRubric, scoredSide, scoreSets } from '../helpers/build.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { compareSides } from '../../src/compare/compare.js';
import { checkConfigBytes } from '../../src/rubric/check-config.js';
import { githubSummary } from '../../src/report/findings/github-summary.js';
import { growth as measureGrowth, LINEAR_RATIO, type Growth } from '../helpers/growth.js';

/** The measured ratios, printed once at the end with FC_VERBOSE or on failure, for the record. */
async function growth<T>(n: number, make: (size: number) => T, run: (input: T) => unknown): Promise<Growth> {
  const g = await measureGrowth(n, make, run);
  if (process.env.GROWTH_LOG) console.log(`${expect.getState().currentTestName}: n=${n} ${g.small.toFixed(1)} ms, 4n ${g.large.toFixed(1)} ms, ratio ${g.ratio.toFixed(2)}`);
  return g;
}

const { rubric: builtin } = await loadRubric();
const HEAD = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\n';
const OPTIONS = { style: plainStyle, width: 100, date: '2026-11-20' };

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return out.join('');
}

describe('YAML readers', () => {
  it.each([
    ['unknown answer ids', 2500, (n: number) => `${HEAD}answers:\n${lines(n, (i) => `  zz-item-${i}: 3\n`)}`],
    ['x- keys and one bad score', 2500, (n: number) => `${HEAD}answers:\n  be-nice: 9\n${lines(n, (i) => `x-k${i}: 1\n`)}`],
    ['anchors in a valid file', 2500, (n: number) => `${HEAD}respondent:\n${lines(n, (i) => `  k${i}: &a${i} v\n`)}answers:\n  be-nice: 3\n`],
    ['wrong values', 1000, (n: number) => `${HEAD}answers:\n${lines(n, (i) => `  a-${i}: foo\n`)}`],
    ['duplicate keys', 2500, (n: number) => `${HEAD}answers:\n${lines(n, (i) => `  be-nice: ${1 + (i % 5)}\n`)}`],
  ])('answers: %s', async (_, n, make) => {
    const g = await growth(n, make, (text) => checkAnswersText(text, 'a.yaml', builtin));
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  }, 60_000);

  it.each([
    ['many sections', 250, (n: number) => `svcaudit: 1\nkind: rubric\nid: big\ntitle: Big\nsections:\n${lines(n, (i) => `  - id: s${i}\n    title: S\n    bogus: 1\n    items:\n      - {id: i${i}, title: T}\n`)}`],
    ['many unknown keys', 1000, (n: number) => `svcaudit: 1\nkind: rubric\nid: big\ntitle: Big\n${lines(n, (i) => `k${i}: 1\n`)}sections: []\n`],
  ])('rubric: %s', async (_, n, make) => {
    const g = await growth(n, make, (text) => checkRubricText(text, 'r.yaml'));
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  }, 60_000);
});

describe('the configuration file', () => {
  it.each([
    ['many unknown keys', (n: number) => `rubric: service-commitments\n${lines(n, (i) => `k${i}: 1\n`)}`],
    ['many x- keys and one bad value', (n: number) => `score:\n  format: nope\n${lines(n, (i) => `x-k${i}: 1\n`)}`],
  ])('%s', async (_, make) => {
    const g = await growth(2500, make, (text) => checkConfigBytes(Buffer.from(text), 'svcaudit.config.yaml'));
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  }, 60_000);
});

describe('--attribution none', () => {
  it('names every quote of many files by its input number, in linear time', async () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'q' }] }] });
    const sets = (n: number) => Array.from({ length: n }, (_, i) => buildAnswers(`interviews/p${i}.yaml`, { q: { score: 3, note: `said ${i}` } }));
    const g = await growth(2000, sets, (all) => scoreSets(rubric, all, { attribution: 'none' }));
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
    const report = scoreSets(rubric, sets(3), { attribution: 'none' });
    expect(report.items[0]!.quotes.map((q) => q.source)).toEqual(['input 1', 'input 2', 'input 3']);
  }, 60_000);
});

describe('CSV reader', () => {
  it.each([
    ['bad rows', (n: number) => `name,role,be-nice\n${lines(n, (i) => `p${i},staff,9\n`)}`],
    ['good rows', (n: number) => `name,role,be-nice\n${lines(n, (i) => `p${i},role${i},3\n`)}`],
    // A single cell cannot grow past the 100 kB limit: many quoted cells with doubled quotes and line breaks instead.
    ['quoted cells with quotes and line breaks', (n: number) => `name,be-nice\n${lines(n, (i) => `"a ""b""\nc${i}",3\n`)}`],
  ])('%s', async (_, make) => {
    const g = await growth(20_000, make, (text) => readCsvAnswers([text], 'a.csv', builtin, { answerSet: () => undefined, finding: () => undefined }));
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  }, 60_000);
});

const GAP = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const FINDINGS = await loadAll(FINDINGS_FORMAT_NAMES, loadFindingsFormat);

function titled(title: string): Rubric {
  const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', actions: [{ to: 4, text: 'Do it' }] }] }] });
  const item = { ...rubric.sections[0]!.items[0]!, title };
  return { ...rubric, sections: [{ ...rubric.sections[0]!, items: [item] }] };
}

const reportCases = [
  ['a long item title', 3000, (n: number) => scoreSets(titled('word '.repeat(n / 5)), [buildAnswers('a.yaml', { a: 2 })])],
  ['a long group name with --by name', 3000, (n: number) => {
    const rubric = titled('T');
    return scoreSets(rubric, [0, 1, 2].map((i) => buildAnswers(`${i}.yaml`, { a: 2 + i }, { name: `${'g'.repeat(n)}${i}` })), { by: 'name' });
  }],
  ['a long note without spaces', 12_000, (n: number) => scoreSets(titled('T'), [buildAnswers('a.yaml', { a: { score: 2, note: 'x'.repeat(n) } })])],
  ['a long note of CJK and emoji', 4000, (n: number) => scoreSets(titled('T'), [buildAnswers('a.yaml', { a: { score: 2, note: '漢字👍🏽é'.repeat(n / 4) } })])],
  ['many roles', 1500, (n: number) => {
    const rubric = titled('T');
    return scoreSets(rubric, Array.from({ length: n }, (_, i) => buildAnswers(`${i}.yaml`, { a: 1 + (i % 5) }, { role: `role${i}` })), { by: 'role' });
  }],
] as const;

describe('gap report formats', () => {
  for (const name of GAP_FORMAT_NAMES) {
    it.each(reportCases)(`${name}: %s`, async (_, n, make) => {
      const g = await growth(n, make, (report) => GAP[name](report, OPTIONS));
      expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
    }, 120_000);
  }
});

const COMPARE = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);

/** Two scored sides of one rubric, grouped by `by`: each respondent answers the one item. */
function comparison(rubric: Rubric, people: (side: number) => ReturnType<typeof buildAnswers>[], by: string) {
  return compareSides(scoredSide(rubric, people(0), { by }), scoredSide(rubric, people(1), { by }), { by, minGroup: 1 });
}

const compareCases = [
  ['a long item title', 12_000, (n: number) => comparison(titled('word '.repeat(n / 5)), (side) => [0, 1, 2].map((i) => buildAnswers(`${side}-${i}.yaml`, { a: 2 + side + (i % 2) })), 'role')],
  ['a long group name', 3000, (n: number) => comparison(titled('T'), (side) => [0, 1, 2].map((i) => buildAnswers(`${side}-${i}.yaml`, { a: 2 + side }, { role: `${'g'.repeat(n)}${i}` })), 'role')],
  ['many groups', 600, (n: number) => comparison(titled('T'), (side) => Array.from({ length: n }, (_, i) => buildAnswers(`${side}-${i}.yaml`, { a: 1 + ((i + side) % 5) }, { role: `role${i}` })), 'role')],
] as const;

describe('compare formats', () => {
  for (const name of COMPARE_FORMAT_NAMES) {
    it.each(compareCases)(`${name}: %s`, async (_, n, make) => {
      const g = await growth(n, make, (c) => COMPARE[name](c, OPTIONS));
      expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
    }, 120_000);
  }
});

describe('rubric formats and findings formats', () => {
  it.each([
    ['rubric show', (r: Rubric) => formatRubricTable(r, { style: plainStyle, width: 100 })],
    ['template', (r: Rubric) => formatTemplate(r, 'yaml')],
  ] as const)('%s with a long title', async (_, format) => {
    const g = await growth(8000, (n) => titled('word '.repeat(n / 5) + 'x'.repeat(n)), format);
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  });

  it.each(FINDINGS_FORMAT_NAMES)('%s with many findings', async (name) => {
    const make = (n: number) => [{ file: 'a.yaml', kind: 'answers' as const, findings: Array.from({ length: n }, (_, i) => finding('answers-unknown-item', `Rubric has no item \`x-${i}\`.`, 'a.yaml', { line: i + 1, column: 3 })) }];
    const g = await growth(10_000, make, (files) => FINDINGS[name](files, { style: plainStyle, toolVersion: '1.0.0', maxWarnings: undefined }));
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  });

  it('the GitHub job summary with many findings', async () => {
    const make = (n: number) => [{ file: 'a.yaml', kind: 'answers' as const, findings: Array.from({ length: n }, (_, i) => finding('answers-unknown-item', `Rubric has no item \`x-${i}\`.`, 'a.yaml', { line: i + 1, column: 3 })) }];
    const g = await growth(10_000, make, githubSummary);
    expect(g.ratio, JSON.stringify(g)).toBeLessThan(LINEAR_RATIO);
  });
});
