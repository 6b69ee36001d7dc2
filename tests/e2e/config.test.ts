/**
 * The configuration file (docs/configuration.md), run as a user runs svcaudit: found in the working
 * folder or above it up to the top of the repository, paths relative to it, flags winning over it,
 * and checked like any other file.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, requireBuild, svcaudit } from '../helpers/run-cli.js';

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-config-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let projects = 0;
/** A repository (a folder holding `.git`) with the example interviews in audits/ and the given files. */
function project(files: Record<string, string>): string {
  const dir = join(tmp, `project-${++projects}`);
  mkdirSync(join(dir, '.git'), { recursive: true });
  cpSync(join(REPO, 'examples/interviews'), join(dir, 'audits'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const IN_HOUSE = readFileSync(join(REPO, 'tests/fixtures/rules/answers-unknown-rubric/in-house-rubric.yaml'), 'utf8');

describe('settings', () => {
  it('score takes its format, fail-under and by from the file', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'score:\n  format: json\n  fail-under: 99\n  by: role\n' });
    const r = await svcaudit(['score', 'audits'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).by).toBe('role');
    expect(r.stderr).toContain('--fail-under 99');
  });

  it('score takes organisation, min-group, attribution and capacity from the file', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'organisation: Northwind Insurance\nscore:\n  format: json\n  by: role\n  min-group: 1\n  attribution: none\n  capacity: 3\n' });
    const report = JSON.parse((await svcaudit(['score', 'audits'], { cwd: dir })).stdout);
    expect(report.organisation).toBe('Northwind Insurance');
    expect(report.minGroup).toBe(1);
    // The one manager shows as a group with --min-group 1.
    expect(report.groups.map((g: { value: string; shown: boolean }) => [g.value, g.shown])).toEqual([['customer', true], ['manager', true], ['staff', true]]);
    expect(report.attribution).toBe('none');
    expect(report.sources.map((s: { source: string }) => s.source)).toEqual(report.sources.map((_: unknown, i: number) => `input ${i + 1}`));
    // Capacity 3: no 30-day phase holds more than 3 effort points (low 1, medium 2, high 3).
    const points: Record<string, number> = { low: 1, medium: 2, high: 3 };
    for (const phase of [1, 2, 3]) {
      const used = report.plan.filter((p: { phase: number }) => p.phase === phase).reduce((n: number, p: { effort: string }) => n + points[p.effort]!, 0);
      expect(used, `phase ${phase}`).toBeLessThanOrEqual(3);
    }
    const text = await svcaudit(['score', 'audits', '--format', 'markdown'], { cwd: dir });
    expect(text.stdout).toContain('Northwind Insurance');
  });

  it("puts the file's organisation in the header of every human format, compare's too", async () => {
    const dir = project({ 'svcaudit.config.yaml': 'organisation: Northwind Insurance\n' });
    for (const args of [['score', 'audits'], ['compare', 'audits', 'audits']]) {
      for (const format of ['text', 'markdown', 'html']) {
        const r = await svcaudit([...args, '--format', format], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        // Within the first lines: the header, not a footer.
        expect(r.stdout.split('\n').slice(0, format === 'html' ? 400 : 4).join('\n'), `${args[0]} ${format}`).toContain('Northwind Insurance');
      }
    }
  });

  it('compare takes its format, by and min-group from the file, and its flags win', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'compare:\n  format: json\n  by: role\n  min-group: 1\n' });
    const r = await svcaudit(['compare', 'audits', 'audits'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const groups = (JSON.parse(r.stdout) as { groups: { value: string; overall: unknown }[] }).groups;
    // The one manager is compared: min-group 1.
    expect(groups.map((g) => [g.value, g.overall !== null])).toEqual([['customer', true], ['manager', true], ['staff', true]]);
    const flags = await svcaudit(['compare', 'audits', 'audits', '--min-group', '3'], { cwd: dir });
    expect(JSON.parse(flags.stdout).groups.find((g: { value: string }) => g.value === 'manager').overall).toBeNull();
  });

  it('flags win over the file', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'score:\n  format: json\n  fail-under: 99\n' });
    const r = await svcaudit(['score', 'audits', '--format', 'csv', '--fail-under', '0'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^section,item,/);
  });

  it('is found from a subfolder, and its paths are relative to it', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'rubric: rubrics/in-house.yaml\n', 'rubrics/in-house.yaml': IN_HOUSE, 'audits/sub/.keep': '' });
    writeFileSync(join(dir, 'audits/sub/in-house-answers.yaml'), readFileSync(join(REPO, 'tests/fixtures/rules/answers-unknown-rubric/pass.yaml')));
    const checked = await svcaudit(['validate', 'in-house-answers.yaml', '--format', 'json'], { cwd: join(dir, 'audits', 'sub') });
    expect(checked.code).toBe(0);
    // The in-house rubric (../../rubrics/in-house.yaml from here) was used: without it the answers name an unknown rubric.
    expect(JSON.parse(checked.stdout).errorCount).toBe(0);
    const without = await svcaudit(['validate', join(dir, 'audits/sub/in-house-answers.yaml')], { cwd: tmp });
    expect(without.code).toBe(1);
  });

  it('validate takes max-warnings from the file', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'validate:\n  max-warnings: 0\n', 'rubric.yaml': readFileSync(join(REPO, 'tests/fixtures/rules/item-without-levels/fail.yaml'), 'utf8') });
    expect((await svcaudit(['validate', 'rubric.yaml'], { cwd: dir })).code).toBe(1);
    expect((await svcaudit(['validate', 'rubric.yaml', '--max-warnings', '5'], { cwd: dir })).code).toBe(0);
  });

  it('ignore leaves its patterns out of folders and globs, never out of a file named outright', async () => {
    const dir = project({
      'svcaudit.config.yaml': 'ignore: [drafts/, "**/*.draft.yaml"]\n',
      'drafts/broken.yaml': 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers: {be-nise: 9}\n',
      'audits/late.draft.yaml': 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers: {be-nise: 9}\n',
    });
    const all = await svcaudit(['validate', '.', '--format', 'json'], { cwd: dir });
    expect(all.code).toBe(0);
    const files = (JSON.parse(all.stdout).files as Array<{ file: string }>).map((f) => f.file);
    expect(files).toContain('svcaudit.config.yaml');
    expect(files.filter((f) => f.includes('draft'))).toEqual([]);
    expect((await svcaudit(['validate', 'drafts/broken.yaml'], { cwd: dir })).code).toBe(1);
    expect((await svcaudit(['validate', 'audits/*.yaml'], { cwd: dir })).code).toBe(0);
  });
});

describe('where it is found', () => {
  it('.svcauditrc.yaml when there is no svcaudit.config.yaml; svcaudit.config.yaml first when both are there', async () => {
    const rc = project({ '.svcauditrc.yaml': 'score: {format: json}\n' });
    const fromRc = await svcauditSync(['score', 'audits'], rc);
    expect(() => JSON.parse(fromRc.stdout)).not.toThrow();
    const both = project({ '.svcauditrc.yaml': 'score: {format: json}\n', 'svcaudit.config.yaml': 'score: {format: csv}\n' });
    expect((await svcauditSync(['score', 'audits'], both)).stdout).toMatch(/^section,item,/);
  });

  it('the svcaudit key of package.json, after the two files', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'team', svcaudit: { score: { format: 'json' } } }) });
    expect(JSON.parse((await svcauditSync(['score', 'audits'], dir)).stdout).svcaudit).toBeDefined();
  });

  it('a package.json without the key is passed by, and the search goes on up', async () => {
    const dir = project({ 'svcaudit.config.yaml': 'score: {format: json}\n', 'audits/package.json': '{"name": "audits"}' });
    const r = await svcauditSync(['score', '.'], join(dir, 'audits'));
    expect(JSON.parse(r.stdout).respondents).toBe(10);
  });

  it('the search stops at the top of the repository (a folder holding .git)', async () => {
    const outer = join(tmp, 'outer');
    mkdirSync(outer, { recursive: true });
    writeFileSync(join(outer, 'svcaudit.config.yaml'), 'score: {format: json}\n');
    const inner = join(outer, 'repository');
    mkdirSync(join(inner, '.git'), { recursive: true });
    cpSync(join(REPO, 'examples/interviews'), join(inner, 'audits'), { recursive: true });
    const r = await svcauditSync(['score', 'audits'], inner);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^\{/);
  });
});

describe('a configuration file with errors', () => {
  const BROKEN = 'score:\n  fail_under: 60\n';

  it('stops score with its findings, file, line and column (exit 2)', async () => {
    const dir = project({ 'svcaudit.config.yaml': BROKEN });
    const r = await svcaudit(['score', 'audits'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown key `fail_under` in `score`. Did you mean `fail-under`?');
    expect(r.stderr).toContain('svcaudit: svcaudit.config.yaml:2:3: The configuration file cannot be used: ');
  });

  it('is reported by validate among the files it checks (exit 1), in the format asked for', async () => {
    const dir = project({ 'svcaudit.config.yaml': BROKEN });
    const r = await svcaudit(['validate', 'audits', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ file: string; kind: string; findings: Array<{ rule: string; line: number; column: number }> }>;
    expect(files[0]).toMatchObject({ file: 'svcaudit.config.yaml', kind: 'config' });
    expect(files[0]!.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema-unknown-key', 2, 3]]);
    expect(files.filter((f) => f.file.endsWith('svcaudit.config.yaml'))).toHaveLength(1);
  });

  it('validate svcaudit.config.yaml checks it, once', async () => {
    const dir = project({ 'svcaudit.config.yaml': BROKEN });
    const r = await svcaudit(['validate', './svcaudit.config.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
    const clean = project({ 'svcaudit.config.yaml': 'score: {fail-under: 60}\n' });
    expect((await svcaudit(['validate', 'svcaudit.config.yaml'], { cwd: clean })).code).toBe(0);
  });

  it('in package.json points into package.json', async () => {
    const dir = project({ 'package.json': '{\n  "name": "team",\n  "svcaudit": {\n    "scroe": {}\n  }\n}\n' });
    const r = await svcaudit(['score', 'audits'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('package.json:4:5: The configuration file cannot be used: Unknown key `scroe`. Did you mean `score`?');
  });
});

function svcauditSync(args: string[], cwd: string) {
  return svcaudit(args, { cwd });
}
