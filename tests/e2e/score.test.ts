/**
 * `svcaudit score` (alias `report`) and `svcaudit template`, run as a user runs
 * them: the built binary in a child process (npm run build first). Outputs,
 * gates and exit codes follow docs/exit-codes.md: 0 done, 1 the answers were found
 * wanting (or a gate failed), 2 the job could not be done; never a stack trace.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from '../../src/inputs/svcaudit-csv/csv-rows.js';
import { BIN, REPO, runCli, svcaudit, requireBuild, COLOR_CODE, type RunOptions } from '../helpers/run-cli.js';
import { shellQuote } from '../helpers/tmux.js';
import { ITEM_IDS } from '../helpers/answers-file.js';

const SELF_AUDIT = 'examples/self-audit.yaml';
const INTERVIEWS = 'examples/interviews/';
const INTERVIEWS_CSV = 'examples/interviews.csv';


const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

async function parseCsv(text: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of csvRows([text])) out.push(row.cells);
  return out;
}

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-score-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------

interface Input {
  readonly name: string;
  readonly args: readonly string[];
  readonly input?: () => string;
  readonly respondents: number;
  readonly by?: string;
}

const INPUTS: readonly Input[] = [
  { name: 'the self-audit', args: [SELF_AUDIT], respondents: 1 },
  { name: 'the interview folder', args: [INTERVIEWS], respondents: 10 },
  { name: 'the interview folder --by role', args: [INTERVIEWS, '--by', 'role'], respondents: 10, by: 'role' },
  { name: 'the interview CSV', args: [INTERVIEWS_CSV], respondents: 10 },
  { name: 'a quoted glob', args: ['examples/interviews/*.yaml'], respondents: 10 },
  { name: 'YAML on stdin', args: ['-'], input: () => read(SELF_AUDIT), respondents: 1 },
  // A comma in a first comment line must not make stdin look like a CSV header.
  { name: 'YAML on stdin after a comment with a comma', args: ['-'], input: () => `# Owen Pritchard, claims manager\n${read(SELF_AUDIT)}`, respondents: 1 },
  { name: 'CSV on stdin', args: ['-'], input: () => read(INTERVIEWS_CSV), respondents: 10 },
  { name: 'CSV on stdin --by role', args: ['-', '--by', 'role'], input: () => read(INTERVIEWS_CSV), respondents: 10, by: 'role' },
];

const ITEM_FIELDS = ['id', 'section', 'title', 'score', 'target', 'gap', 'priority', 'n', 'median', 'min', 'max', 'sd', 'ci', 'atTarget', 'rwg', 'na', 'unanswered', 'index', 'flags', 'groups', 'spread', 'quotes'];

function expectProductJson(report: any, input: Input): void {
  expect(report.svcaudit).toBe(2);
  for (const field of ['organisation', 'fieldwork', 'groups', 'agreement', 'plan', 'sources']) expect(report, field).toHaveProperty(field);
  expect(report.rubric).toMatchObject({ id: 'service-commitments', title: expect.any(String), version: '2.0.0' });
  expect(report.respondents).toBe(input.respondents);
  const { score, target, gap, index } = report.overall;
  for (const n of [score, target, gap, index]) expect(typeof n).toBe('number');
  expect(target).toBe(4);
  expect(index).toBeCloseTo((100 * (score - 1)) / 4, 10);
  expect(gap).toBeGreaterThan(0);
  expect(report.sections.map((s: any) => s.id)).toEqual(['commitments', 'three-keys']);
  for (const section of report.sections) {
    expect(section).toMatchObject({ id: expect.any(String), title: expect.any(String), score: expect.any(Number), target: 4, gap: expect.any(Number), index: expect.any(Number) });
    expect(section.answered).toBe(section.total);
  }
  expect(report.sections.map((s: any) => s.total)).toEqual([10, 3]);
  expect(report.items.map((i: any) => i.id)).toEqual(ITEM_IDS);
  for (const item of report.items) {
    for (const field of ITEM_FIELDS) expect(item, `${item.id}.${field}`).toHaveProperty(field);
    expect(item.section).toBe(ITEM_IDS.indexOf(item.id) < 10 ? 'commitments' : 'three-keys');
    expect(Array.isArray(item.flags)).toBe(true);
    expect(item.n).toBeGreaterThanOrEqual(1);
    expect(item.gap).toBeCloseTo(Math.max(0, item.target - item.score), 12);
    expect(item.min).toBeLessThanOrEqual(item.median);
    expect(item.median).toBeLessThanOrEqual(item.max);
    if (input.by === undefined) expect(item.groups).toEqual({});
    // The one manager is below --min-group 3: no figure of the group's.
    else expect(Object.keys(item.groups).sort()).toEqual(['remove-hindrances', 'train-everyone'].includes(item.id) ? ['staff'] : ['customer', 'staff']);
  }
  // The priorities add up to the overall gap (docs/formulas.md).
  const priorities = report.items.reduce((sum: number, i: any) => sum + i.priority, 0);
  expect(priorities).toBeCloseTo(gap, 10);
  expect(report.plan.length).toBeGreaterThan(0);
  for (const step of report.plan) {
    expect(step).toMatchObject({ item: expect.any(String), to: expect.any(Number), text: expect.any(String), effort: expect.stringMatching(/^(low|medium|high)$/), owner: expect.any(String), value: expect.any(Number) });
    expect([1, 2, 3, 4]).toContain(step.phase);
    expect(ITEM_IDS).toContain(step.item);
  }
}

describe.each(INPUTS)('score $name', (input) => {
  const run = (format: string) => svcaudit(['score', ...input.args, '--format', format], { input: input.input?.() });

  it('json: one object with the fields of docs/json-report.md, and nothing else on stdout', async () => {
    const r = await run('json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimStart().startsWith('{')).toBe(true);
    expectProductJson(JSON.parse(r.stdout), input);
  });

  it('text: overall, top gaps and the plan by phase', async () => {
    const r = await run('text');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Overall +score \d\.\d\d · target 4\.00 · gap \d\.\d\d · index \d+\/100$/m);
    for (const heading of ['Top gaps', 'Improvement plan', 'First 30 days', 'The ten service commitments', 'The three keys to good service']) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).not.toMatch(COLOR_CODE);
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
  });

  it('markdown: a document that starts with a heading', async () => {
    const r = await run('markdown');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('# ')).toBe(true);
    expect(r.stdout).toContain('| Be nice |');
  });

  it('csv: a header row and one row per item', async () => {
    const r = await run('csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = await parseCsv(r.stdout);
    expect(rows).toHaveLength(14);
    const header = rows[0]!;
    expect(header).toEqual(expect.arrayContaining(['item', 'score', 'target', 'gap']));
    const item = header.indexOf('item');
    expect(rows.slice(1).map((row) => row[item])).toEqual(ITEM_IDS);
    for (const row of rows.slice(1)) expect(row).toHaveLength(header.length);
  });
});

describe('what the numbers say', () => {
  it('gives the same report from a file and from stdin, apart from the source names', async () => {
    const fromFile = JSON.parse((await svcaudit(['score', SELF_AUDIT, '--format', 'json'])).stdout);
    const fromStdin = JSON.parse((await svcaudit(['score', '-', '--format', 'json'], { input: read(SELF_AUDIT) })).stdout);
    const withoutSources = (report: any) => JSON.parse(JSON.stringify({ ...report, sources: undefined }).replaceAll('"source":"<stdin>"', `"source":"${SELF_AUDIT}"`));
    expect(fromStdin.sources[0].source).toBe('<stdin>');
    expect(withoutSources(fromStdin)).toEqual(withoutSources(fromFile));
  });

  it('gives the same numbers for the interview folder and the interview CSV', async () => {
    const numbers = (report: any) => ({ overall: report.overall, sections: report.sections, items: report.items.map(({ quotes: _q, ...item }: any) => item), plan: report.plan });
    const folder = JSON.parse((await svcaudit(['score', INTERVIEWS, '--by', 'role', '--format', 'json'])).stdout);
    const csv = JSON.parse((await svcaudit(['score', INTERVIEWS_CSV, '--by', 'role', '--format', 'json'])).stdout);
    expect(numbers(csv)).toEqual(numbers(folder));
  });

  it('prints unrounded numbers in json', async () => {
    const r = await svcaudit(['score', INTERVIEWS_CSV, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const item = (id: string) => report.items.find((i: any) => i.id === id);
    // 4,1,3,4,5,4,3,4,2,4 → 34/10; benefit-of-the-doubt: 4,1,2,3,5,2,2,3,na,3 → 25/9.
    expect(item('be-nice').score).toBe(3.4);
    expect(item('benefit-of-the-doubt').score).toBeCloseTo(25 / 9, 14);
    expect(item('benefit-of-the-doubt')).toMatchObject({ n: 9, na: 1, median: 3, min: 1, max: 5 });
    expect(r.stdout).toMatch(/"score": 2\.7777777777777\d*/);
    const decimals = report.items.map((i: any) => String(i.score).split('.')[1]?.length ?? 0);
    expect(Math.max(...decimals)).toBeGreaterThan(2);
  });

  it('flags low agreement and perception gaps between roles', async () => {
    const report = JSON.parse((await svcaudit(['score', INTERVIEWS, '--by', 'role', '--min-group', '1', '--format', 'json'])).stdout);
    const beNice = report.items.find((i: any) => i.id === 'be-nice');
    // customer 4,1,5,3,2 → 3; staff 3,4,4,4 → 3.75; manager 4 (shown with --min-group 1).
    expect(Object.fromEntries(Object.entries(beNice.groups).map(([k, v]: [string, any]) => [k, v.score]))).toEqual({ customer: 3, manager: 4, staff: 3.75 });
    expect(beNice.spread).toEqual({ value: 1, high: 'manager', low: 'customer' });
    expect(beNice.flags).toEqual(expect.arrayContaining(['perception-gap', 'low-agreement']));
  });
});

describe('--output', () => {
  it('writes the report to the file, nothing to stdout, and says where on stderr', async () => {
    const file = join(tmp, 'report.json');
    const r = await svcaudit(['score', INTERVIEWS, '--format', 'json', '--output', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Report written to .*report\.json/);
    expect(JSON.parse(readFileSync(file, 'utf8')).respondents).toBe(10);
  });

  it('writes a text report without colour codes unless --color is given', async () => {
    const file = join(tmp, 'report.txt');
    const r = await svcaudit(['score', SELF_AUDIT, '-o', file], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.rawStdout).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Improvement plan');
    expect(text).not.toMatch(COLOR_CODE);
  });
});

describe('gates', () => {
  it('--fail-under above the index exits 1 and says why on stderr, after printing the report', async () => {
    const r = await svcaudit(['score', SELF_AUDIT, '--fail-under', '90']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--fail-under 90: the overall index is 47\.\d, below the threshold/);
    expect(r.stdout).toContain('Improvement plan');
  });

  it('--fail-under below the index exits 0', async () => {
    const r = await svcaudit(['score', SELF_AUDIT, '--fail-under', '10']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.each(['abc', '101', '-5', ''])('--fail-under %j is bad usage: exit 2', async (value) => {
    const r = await svcaudit(['score', SELF_AUDIT, '--fail-under', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-under');
    expect(r.stdout).toBe('');
  });

  it('--strict exits 1 when a file leaves an item unanswered, and says how many', async () => {
    const file = join(tmp, 'incomplete.yaml');
    writeFileSync(file, read(SELF_AUDIT).replace(/^ {2}smile: 4\n/m, ''));
    const r = await svcaudit(['score', file, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict: 1 answer is missing/);
    // Without --strict the same file scores.
    expect((await svcaudit(['score', file])).code).toBe(0);
  });

  it('--strict counts blank cells of a CSV too', async () => {
    const r = await svcaudit(['score', INTERVIEWS_CSV, '--strict', '--format', 'json']);
    expect(r.code).toBe(1);
    // Two blank cells, and the five customers' two items for staff and managers.
    expect(r.stderr).toMatch(/--strict: 12 answers are missing/);
    expect(JSON.parse(r.stdout).respondents).toBe(10);
  });

  it('--strict exits 0 on a complete file (na counts as an answer)', async () => {
    const file = join(tmp, 'complete-with-na.yaml');
    writeFileSync(file, read(SELF_AUDIT).replace(/^ {2}smile: 4$/m, '  smile: na'));
    expect((await svcaudit(['score', SELF_AUDIT, '--strict'])).code).toBe(0);
    const r = await svcaudit(['score', file, '--strict']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('applies both gates and reports both reasons', async () => {
    const r = await svcaudit(['score', INTERVIEWS, '--strict', '--fail-under', '80']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--strict');
    expect(r.stderr).toContain('--fail-under 80');
  });
});

describe('bad answers files', () => {
  let bad: string;
  const BASE = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 4\n';
  beforeAll(() => {
    bad = join(tmp, 'bad');
    mkdirSync(bad);
    mkdirSync(join(bad, 'empty-folder'));
    writeFileSync(join(bad, 'syntax.yaml'), `${BASE}  listen: [3\n  smile: 4\n`);
    writeFileSync(join(bad, 'tab.yaml'), `${BASE}\tlisten: 3\n`);
    writeFileSync(join(bad, 'out-of-scale.yaml'), `${BASE}  listen: 7\n`);
    writeFileSync(join(bad, 'not-integer.yaml'), `${BASE}  listen:\n    score: 3.5\n`);
    writeFileSync(join(bad, 'unknown-item.yaml'), `${BASE}  be-nise: 3\n`);
    writeFileSync(join(bad, 'other-rubric.yaml'), BASE.replace('rubric: service-commitments', 'rubric: complaints-handling'));
    writeFileSync(join(bad, 'out-of-scale.csv'), 'name,role,be-nice,listen\nDana,staff,4,3\nEli,customer,2,9\n');
    writeFileSync(join(bad, 'misspelt.csv'), 'name,role,be-nise,listen\nDana,staff,4,3\n');
    writeFileSync(join(bad, 'syntax.csv'), 'name,be-nice\nDana,4\nEli,"3"x\n');
    writeFileSync(join(bad, 'good.yaml'), `${BASE}  listen: 3\n`);
  });
  const inBad = (args: string[], options: RunOptions = {}) => svcaudit(['score', ...args], { cwd: bad, ...options });

  it('a YAML syntax error: exit 2, file:line:col on stderr, nothing on stdout', async () => {
    const r = await inBad(['syntax.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svcaudit: syntax\.yaml:\d+:\d+: /m);
    expect(r.stderr).toContain('nothing was scored');
    expect(r.stdout).toBe('');
  });

  it('a tab in the indentation: exit 2 with its line and column', async () => {
    const r = await inBad(['tab.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tab\.yaml:6:\d+/);
  });

  it('a YAML syntax error on stdin names <stdin>', async () => {
    const r = await inBad(['-'], { input: `${BASE}  listen: [3\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:\d+:\d+: /);
  });

  it.each<[string, string, RegExp]>([
    ['out-of-scale.yaml', 'out-of-scale.yaml:6:11', /must be a level from 1 to 5; found 7/],
    ['not-integer.yaml', 'not-integer.yaml:7:12', /must be a whole level from 1 to 5; found 3\.5/],
    ['unknown-item.yaml', 'unknown-item.yaml:6:3', /no item `be-nise`\. Did you mean `be-nice`\?/],
    ['other-rubric.yaml', 'other-rubric.yaml:3:9', /for rubric `complaints-handling`, but the rubric in use is `service-commitments`/],
    ['out-of-scale.csv', 'out-of-scale.csv:3:16', /`listen` must be a level from 1 to 5, `na`, or empty; found `9`/],
    ['misspelt.csv', 'misspelt.csv:1:11', /Column `be-nise` is not an item of the rubric\. Did you mean `be-nice`\?/],
  ])('%s: exit 1, the message names the file, line and column', async (file, where, message) => {
    const r = await inBad([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`svcaudit: ${where}: `);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a rubric file given to score: exit 2 (a file of the wrong kind), said once, at its `kind:` line', async () => {
    const r = await svcaudit(['score', 'rubrics/service-commitments.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svcaudit: rubrics/service-commitments.yaml:3:7: This is a rubric file (`kind: rubric`), not answers; pass a rubric with --rubric.\n');
    expect(r.stderr).not.toContain('unknown-kind');
    expect(r.stdout).toBe('');
  });

  it('a rubric file as a side of compare: exit 2, said once', async () => {
    const r = await svcaudit(['compare', 'examples/interviews', 'rubrics/service-commitments.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['svcaudit: rubrics/service-commitments.yaml:3:7: This is a rubric file (`kind: rubric`), not answers; pass a rubric with --rubric.']);
  });

  it('an answers file given as --rubric: exit 2, said once', async () => {
    const r = await svcaudit(['score', 'examples/interviews', '--rubric', 'examples/self-audit.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svcaudit: examples\/self-audit\.yaml:\d+:\d+: This is an answers file \(`kind: answers`\), not a rubric; .*\n$/);
    expect(r.stderr).not.toContain('unknown-kind');
  });

  it('a CSV syntax error: exit 2 with the line and column', async () => {
    const r = await inBad(['syntax.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('svcaudit: syntax.csv:3:8: Text after the closing quote');
  });

  it('one bad file among good ones stops the job and names the bad one', async () => {
    const r = await inBad(['good.yaml', 'out-of-scale.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('out-of-scale.yaml:6:11');
    expect(r.stderr).not.toMatch(/good\.yaml:\d/);
    expect(r.stdout).toBe('');
  });

  it('a missing file: exit 2, naming it', async () => {
    const r = await inBad(['no-such-file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-file.yaml');
    expect(r.stdout).toBe('');
  });

  it('a glob that matches nothing: exit 2', async () => {
    const r = await inBad(['nothing-*.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing-*.yaml');
  });

  it('an empty folder: exit 2, naming it and what was looked for', async () => {
    const r = await inBad(['empty-folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty-folder');
    expect(r.stderr).toMatch(/No file to read: folders and globs yield \.yaml\/\.yml files with a top-level `svcaudit:` key/);
    expect(r.stdout).toBe('');
  });

  it('a bad flag or a missing input: exit 2', async () => {
    expect((await svcaudit(['score', SELF_AUDIT, '--no-such-flag'])).code).toBe(2);
    expect((await svcaudit(['score'])).code).toBe(2);
    expect((await svcaudit(['score', SELF_AUDIT, '--format', 'pdf'])).code).toBe(2);
  });
});

describe('the `report` alias', () => {
  it('prints the same report as `score`', async () => {
    const score = await svcaudit(['score', INTERVIEWS_CSV, '--format', 'json']);
    const report = await svcaudit(['report', INTERVIEWS_CSV, '--format', 'json']);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe(score.stdout);
    expect(JSON.parse(report.stdout).respondents).toBe(10);
  });
});

describe('colour', () => {
  it('--color puts ANSI codes into the text report', async () => {
    const r = await svcaudit(['score', SELF_AUDIT, '--color']);
    expect(r.code).toBe(0);
    expect(r.rawStdout).toMatch(COLOR_CODE);
    expect(r.stdout).toContain('Improvement plan'); // the same report, once stripped
  });

  it('NO_COLOR (set by the test runner) turns colour off; --no-color beats FORCE_COLOR', async () => {
    expect((await svcaudit(['score', SELF_AUDIT])).rawStdout).not.toMatch(COLOR_CODE);
    expect((await svcaudit(['score', SELF_AUDIT], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).rawStdout).not.toMatch(COLOR_CODE);
    expect((await svcaudit(['score', SELF_AUDIT, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).rawStdout).not.toMatch(COLOR_CODE);
    expect((await svcaudit(['score', SELF_AUDIT], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).rawStdout).toMatch(COLOR_CODE);
  });

  it.each(['json', 'csv', 'markdown'])('keeps %s free of colour codes even with --color', async (format) => {
    const r = await svcaudit(['score', SELF_AUDIT, '--format', format, '--color']);
    expect(r.code).toBe(0);
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
  });
});

describe('svcaudit template', () => {
  it('prints a YAML answers file with every item, which validates as is', async () => {
    const t = await svcaudit(['template']);
    expect(t.code).toBe(0);
    expect(t.stderr).toBe('');
    for (const id of ITEM_IDS) expect(t.stdout).toMatch(new RegExp(`^ {2}${id}:$`, 'm'));
    expect(t.stdout).toMatch(/^rubric: service-commitments(@2\.0\.0)?$/m);
    expect(t.stdout).toContain('# Be nice: ');
    const v = await svcaudit(['validate', '-'], { input: t.stdout });
    expect(v.stdout + v.stderr).not.toMatch(/error/);
    expect(v.code).toBe(0);
  });

  it('prints a CSV header with the 13 item ids', async () => {
    const t = await svcaudit(['template', '--format', 'csv']);
    expect(t.code).toBe(0);
    const rows = await parseCsv(t.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.filter((c) => ITEM_IDS.includes(c))).toEqual(ITEM_IDS);
    expect(rows[0]).toContain('role');
  });

  it('a filled-in copy of the YAML template scores', async () => {
    const t = await svcaudit(['template']);
    const filled = t.stdout
      .replace(/^ {2}name:$/m, '  name: Dana')
      .replace(/^ {2}role:$/m, '  role: customer')
      .replace(/^ {2}be-nice:$/m, '  be-nice: 4')
      .replace(/^ {2}listen:$/m, '  listen: na')
      .replace(/^ {2}smile:$/m, '  smile: 2')
      .replace(/^ {2}one-touch:$/m, '  one-touch: 1');
    const file = join(tmp, 'filled.yaml');
    writeFileSync(file, filled);
    const r = await svcaudit(['score', file, '--format', 'json', '--by', 'role']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const item = (id: string) => report.items.find((i: any) => i.id === id);
    expect(report.respondents).toBe(1);
    // One customer: a group below --min-group 3, counted but not shown.
    expect(item('be-nice')).toMatchObject({ score: 4, n: 1, groups: {} });
    expect(report.groups).toEqual([{ value: 'customer', n: 1, shown: false, overall: null }]);
    expect(item('listen')).toMatchObject({ score: null, n: 0, na: 1 });
    expect(item('respond-quickly')).toMatchObject({ score: null, n: 0, na: 0 });
    // Commitments: be-nice 4 and smile 2 → 3; three keys: one-touch 1; sections weighted 2:1.
    expect(report.overall.score).toBeCloseTo((2 / 3) * 3 + (1 / 3) * 1, 12);
    // Nine items are still blank (four answered, `na` included): --strict says so.
    const strict = await svcaudit(['score', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('9 answers are missing');
  });

  it('a filled-in copy of the CSV template scores', async () => {
    const t = await svcaudit(['template', '--format', 'csv']);
    const header = (await parseCsv(t.stdout))[0]!;
    const row = header.map((column) => ({ name: '"Okafor, Tom"', role: 'staff', 'be-nice': '5', 'one-touch': 'n/a', smile: '3' })[column] ?? '');
    const r = await svcaudit(['score', '-', '--format', 'json'], { input: `${t.stdout}${row.join(',')}\n` });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.respondents).toBe(1);
    expect(report.items.find((i: any) => i.id === 'be-nice')).toMatchObject({ score: 5, n: 1 });
    expect(report.items.find((i: any) => i.id === 'one-touch')).toMatchObject({ score: null, na: 1 });
  });
});

describe('--by with a field the respondents lack', () => {
  it('exits 2 naming the field and the fields that exist when no respondent has it', async () => {
    const r = await runCli(['score', 'examples/interviews', '--by', 'rol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by rol: no respondent has a `rol` field (respondent fields found: name, role)');
    expect(r.stdout).toBe('');
  });

  it('groups respondents without the field as (none) and says how many', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svcaudit-by-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nrespondent: {role: staff}\nanswers: {be-nice: 4}\n');
      writeFileSync(join(dir, 'b.yaml'), 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers: {be-nice: 2}\n');
      const r = await runCli(['score', dir, '--by', 'role', '--min-group', '1', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('1 respondent has no `role`; they are grouped as (none)');
      expect(JSON.parse(r.stdout).items[0].groups).toEqual({ '(none)': { score: 2, n: 1, ci: null }, staff: { score: 4, n: 1, ci: null } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('output that cannot be written', () => {
  it('stops quietly with exit 0 when the reader of a pipe goes away (| head)', () => {
    // The HTML report is larger than a pipe's buffer, so the writer is still writing when head exits.
    const r = spawnSync('bash', ['-c', `node ${shellQuote(BIN)} score examples/interviews --by role --format html | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toContain('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('writes every byte, in order, into a non-blocking pipe with a tiny buffer (a slow reader)', () => {
    // Output into pipes is written directly (src/cli/stdout.ts); a pipe set non-blocking by someone else
    // refuses writes (EAGAIN) once its buffer is full, and the rest must go out whole through Node's stream.
    const reader = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ: the smallest pipe buffer',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)  # let the writer fill the buffer first',
      'out = b""',
      'while chunk := os.read(r, 1024):',
      '    out += chunk',
      '    time.sleep(0.001)',
      'sys.stdout.buffer.write(out)',
      'sys.exit(p.wait())',
    ].join('\n');
    const args = [BIN, 'score', 'examples/interviews', '--by', 'role', '--format', 'html'];
    const viaPipe = spawnSync('python3', ['-c', reader, process.execPath, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const direct = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(viaPipe.stderr).toBe('');
    expect(viaPipe.status).toBe(0);
    expect(direct.stdout.length).toBeGreaterThan(10 * 4096);
    expect(viaPipe.stdout).toBe(direct.stdout);
  });

  it('names a missing output folder as a user error (exit 2), not an internal one', async () => {
    const r = await runCli(['score', 'examples/self-audit.yaml', '--format', 'json', '--output', 'no-such-folder/report.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svcaudit: no-such-folder/report.json: Cannot write the output file: the folder no-such-folder does not exist; an earlier file of that name is unchanged.\n');
  });
});

describe('a rubric kept beside the interviews', () => {
  it('is skipped with a note when found in a folder, and scores the answers against it with --rubric', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svcaudit-beside-'));
    try {
      for (const name of readdirSync(join(REPO, 'examples/interviews'))) {
        writeFileSync(join(dir, name), readFileSync(join(REPO, 'examples/interviews', name)));
      }
      writeFileSync(join(dir, 'rubric.yaml'), readFileSync(join(REPO, 'rubrics/service-commitments.yaml')));
      const r = await runCli(['score', dir, '--rubric', join(dir, 'rubric.yaml'), '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('rubric.yaml: skipped: a rubric file, not answers (use it with --rubric).');
      expect(JSON.parse(r.stdout).respondents).toBe(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
