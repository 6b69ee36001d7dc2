/**
 * `svcaudit validate` as a CI job runs it (docs/exit-codes.md): what each machine format says
 * about a run, what is looked for in folders and globs, and what happens when nothing is found.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, requireBuild, svcaudit } from '../helpers/run-cli.js';

const RULES_DIR = 'tests/fixtures/rules';
const WARNINGS_ONLY = `${RULES_DIR}/item-without-levels/fail.yaml`;

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-validate-ci-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh folder under the test's temporary one, with the given files. */
function folder(name: string, files: Record<string, string> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('a run with warnings only exits 0, and no format calls it a failure', () => {
  it('junit: the warnings are passing test cases', async () => {
    const r = await svcaudit(['validate', WARNINGS_ONLY, '--format', 'junit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<testsuites name="svcaudit" tests="\d+" failures="0">/);
    expect(r.stdout).not.toContain('<failure');
    expect(r.stdout).toContain('<system-out>warning at');
  });

  it('junit: with --max-warnings exceeded, the run exits 1 and the warnings are failures', async () => {
    const r = await svcaudit(['validate', WARNINGS_ONLY, '--format', 'junit', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failures="[1-9]\d*"/);
  });

  it('sarif and github: warning level, no error', async () => {
    const sarif = await svcaudit(['validate', WARNINGS_ONLY, '--format', 'sarif']);
    expect(sarif.code).toBe(0);
    const results = JSON.parse(sarif.stdout).runs[0].results as Array<{ level: string }>;
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.level === 'warning')).toBe(true);
    const github = await svcaudit(['validate', WARNINGS_ONLY, '--format', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout).not.toContain('::error');
  });
});

describe('sarif', () => {
  it('links every rule to its section of docs/rules.md in the repository of package.json', async () => {
    const r = await svcaudit(['validate', WARNINGS_ONLY, '--format', 'sarif']);
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as Array<{ id: string; helpUri: string }>;
    for (const rule of rules) expect(rule.helpUri).toBe(`https://github.com/svcaudit/svcaudit/blob/main/docs/rules.md#${rule.id}`);
  });

  it('gives a file outside the working folder no %SRCROOT% base', async () => {
    const cwd = folder('sarif-cwd');
    const file = join(tmp, 'outside.yaml');
    writeFileSync(file, 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers: {be-nise: 3}\n');
    const run = await svcaudit(['validate', '../outside.yaml', '--format', 'sarif'], { cwd });
    expect(run.code).toBe(1);
    const location = JSON.parse(run.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: '../outside.yaml' });
  });
});

describe('json', () => {
  it('carries its format version, as every JSON output does', async () => {
    const r = await svcaudit(['validate', WARNINGS_ONLY, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)[0]).toBe('svcaudit');
    expect(report.svcaudit).toBe(1);
  });
});

describe('no file to use', () => {
  const SAYS = /No file to read: folders and globs yield \.yaml\/\.yml files with a top-level `svcaudit:` key.* and \.csv files whose header holds item ids; here they /;

  it.each([
    ['an empty folder', {}, 'found no file at all'],
    ['a folder holding only readme.txt', { 'readme.txt': 'Interviews go here.\n' }, 'passed over 1 file of another type (such as '],
    ['a folder of YAML that is not svcaudit\'s', { 'ci.yml': 'on: push\n', 'docker-compose.yml': 'services: {}\n' }, 'passed over 2 .yaml/.yml files without a top-level `svcaudit:` key'],
  ])('validate on %s exits 2 and says what it looked for', async (name, files, seen) => {
    const dir = folder(`none-${name.replace(/\W+/g, '-')}`, files);
    const r = await svcaudit(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(SAYS);
    expect(r.stderr).toContain(seen);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--format github says nothing on stdout, not "no problems in 0 files"', async () => {
    const r = await svcaudit(['validate', folder('none-github', { 'readme.txt': 'x\n' }), '--format', 'github']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.each([['score'], ['compare']])('%s on an empty folder exits 2 and says what it looked for', async (command) => {
    const dir = folder(`none-${command}`);
    const r = await svcaudit(command === 'score' ? ['score', dir] : ['compare', dir, 'examples/follow-up']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(SAYS);
  });

  it('a glob whose files are all passed over exits 2 too', async () => {
    const dir = folder('none-glob', { 'notes.yaml': 'title: notes\n' });
    const r = await svcaudit(['validate', `${dir}/*.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('passed over 1 .yaml/.yml file without a top-level `svcaudit:` key');
  });
});

describe('folders and globs in a real repository', () => {
  let repo: string;
  beforeAll(() => {
    repo = folder('repository', {
      '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs: {}\n',
      'docker-compose.yml': 'services:\n  db:\n    image: postgres\n',
      'README.md': '# A service team\n',
      'audits/dana.yaml': 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nrespondent: {name: Dana, role: staff}\nanswers:\n  be-nice: 4\n',
      'audits/survey.csv': 'name,role,be-nice,listen\nAli,customer,3,4\n',
      'data/sales.csv': 'month,total\n2026-01,12\n',
      // A flow mapping is YAML too, and its first key counts.
      'audits/flow.yaml': '{svcaudit: 1, kind: answers, rubric: service-commitments, answers: {smile: 5}}\n',
    });
  });

  it('validate . checks the svcaudit files, passes over the rest with one note, and exits 0', async () => {
    const r = await svcaudit(['validate', '.', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout).files as Array<{ file: string }>).map((f) => f.file)).toEqual(['audits/dana.yaml', 'audits/flow.yaml', 'audits/survey.csv']);
    expect(r.stderr).toBe('svcaudit: note: passed over 2 .yaml/.yml files without a top-level `svcaudit:` key, 1 .csv/.tsv file whose header holds no item id found in folders and globs; name a file to read it anyway (a survey export is read through --map).\n');
  });

  it('score . scores the same files', async () => {
    const r = await svcaudit(['score', '.', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).respondents).toBe(3);
  });

  it('a file named outright is always checked', async () => {
    const r = await svcaudit(['validate', 'docker-compose.yml', 'data/sales.csv', 'README.md', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ file: string; errorCount: number }>;
    expect(files.map((f) => [f.file, f.errorCount > 0])).toEqual([['docker-compose.yml', true], ['data/sales.csv', true], ['README.md', true]]);
    expect(r.stderr).toBe('');
  });
});

describe('several formats in one run', () => {
  const DUPLICATE_ID = `${RULES_DIR}/duplicate-id/fail.yaml`;

  it('-f stylish -f sarif -o sarif=FILE: stylish to the log, SARIF to the file, each as it would be alone', async () => {
    const out = join(tmp, 'findings.sarif');
    const [both, stylishAlone, sarifAlone] = await Promise.all([
      svcaudit(['validate', DUPLICATE_ID, '-f', 'stylish', '-f', 'sarif', '-o', `sarif=${out}`]),
      svcaudit(['validate', DUPLICATE_ID]),
      svcaudit(['validate', DUPLICATE_ID, '--format', 'sarif']),
    ]);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe(stylishAlone.stdout);
    expect(readFileSync(out, 'utf8')).toBe(sarifAlone.stdout);
  });

  it('a format named only in --output is added to the default one', async () => {
    const out = join(tmp, 'added.json');
    const r = await svcaudit(['validate', DUPLICATE_ID, '-o', `json=${out}`]);
    expect(r.stdout).toContain('✖ 2 problems');
    expect(JSON.parse(readFileSync(out, 'utf8')).errorCount).toBe(2);
  });

  it('two formats bound for stdout are bad usage (exit 2), before anything is read', async () => {
    const r = await svcaudit(['validate', 'no/such/file.yaml', '-f', 'json', '-f', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('svcaudit: --format json and --format sarif would both go to stdout; send all but one to a file with --output FORMAT=FILE (such as --output sarif=FILE).\n');
  });

  it('the configuration file may list several formats, and --output places them', async () => {
    const dir = folder('config-formats', { 'svcaudit.config.yaml': 'validate:\n  format: [github, junit]\n', 'rubric.yaml': readFileSync(join(REPO, DUPLICATE_ID), 'utf8') });
    mkdirSync(join(dir, '.git'), { recursive: true });
    const r = await svcaudit(['validate', 'rubric.yaml', '-o', 'junit=report.xml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=rubric\.yaml,line=19,col=9/);
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toContain('<testsuites name="svcaudit"');
  });
});

describe('--format github in a GitHub Actions job', () => {
  const DUPLICATE_ID = `${RULES_DIR}/duplicate-id/fail.yaml`;

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY, after what is there', async () => {
    const summary = join(tmp, 'step-summary.md');
    writeFileSync(summary, '## Earlier step\n\n');
    const r = await svcaudit(['validate', DUPLICATE_ID, WARNINGS_ONLY, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('## Earlier step\n\n### svcaudit validate\n\n❌ 4 problems (2 errors, 2 warnings) in 2 files.\n')).toBe(true);
    expect(text).toContain('| where | severity | rule | message |');
    expect(text).toContain('| tests/fixtures/rules/duplicate-id/fail.yaml:19:9 | error | [duplicate-id](https://github.com/svcaudit/svcaudit/blob/main/docs/rules.md#duplicate-id) | Section id \\`main\\` is already used by section \\#1. |');
    // The workflow commands on stdout are the same as without the summary.
    const plain = await svcaudit(['validate', DUPLICATE_ID, WARNINGS_ONLY, '--format', 'github']);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('says a clean run is clean', async () => {
    const summary = join(tmp, 'clean-summary.md');
    await svcaudit(['validate', 'rubrics/service-commitments.yaml', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('### svcaudit validate\n\nNo problems in 1 file.\n\n');
  });

  it('writes no summary for other formats, or when the variable is not set', async () => {
    const summary = join(tmp, 'untouched.md');
    await svcaudit(['validate', DUPLICATE_ID, '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(() => readFileSync(summary)).toThrow();
  });
});
