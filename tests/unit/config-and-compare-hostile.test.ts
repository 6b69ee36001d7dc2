/**
 * The defences of issue 10 on the configuration file, `compare`, `init`, `template --for` and the
 * report's new text: every read bounded while it runs, no input replaced by `--output`, files
 * written whole or not at all, and text from files quoted as short inert excerpts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { isSvcauditError } from '../../src/core/errors.js';
import { MAX_TEXT_BYTES } from '../../src/core/io/decode-text.js';
import { parseReportJson } from '../../src/inputs/saved-report/read-report.js';
import { audienceFinding } from '../../src/inputs/audience-finding.js';
import { fieldworkText } from '../../src/report/shared/intervals.js';
import { formatTemplate } from '../../src/report/rubric/template.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { runInMemory } from '../helpers/in-memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-merged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANSWERS = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 4\n';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

/** A project folder of its own (with `.git`, so the configuration search stops there). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(dir, 'project-'));
  mkdirSync(join(root, '.git'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

async function configError(cwd: string): Promise<unknown> {
  try {
    await loadConfig(cwd);
  } catch (error) {
    return error;
  }
  throw new Error('the configuration was accepted');
}

describe('the configuration file', () => {
  it('past 2 MB is one finding, without the file being read whole', async () => {
    const root = project({ 'svcaudit.config.yaml': `rubric: service-commitments\n# ${'x'.repeat(MAX_TEXT_BYTES)}\n` });
    const error = await configError(root);
    expect(isSvcauditError(error) && error.files[0]?.findings.map((f) => f.rule)).toEqual(['yaml-too-complex']);
  });

  it('that is a named pipe is refused in words, not waited on', async () => {
    const root = project({});
    execFileSync('mkfifo', [join(root, 'svcaudit.config.yaml')]);
    const error = await configError(root);
    expect(isSvcauditError(error) && error.message).toMatch(/named pipe \(FIFO\)/);
  });

  it('behind a looping symbolic link is said in words', async () => {
    const root = project({});
    symlinkSync(join(root, 'svcaudit.config.yaml'), join(root, 'svcaudit.config.yaml'));
    const error = await configError(root);
    expect(isSvcauditError(error) && error.message).toMatch(/symbolic links that loop back on themselves/);
  });

  it('points its findings at their line and column, quoting a hostile key as an inert excerpt', async () => {
    const key = `x\u001b[2J${'k'.repeat(500)}`;
    const root = project({ 'svcaudit.config.yaml': `rubric: service-commitments\n"${key.replace('\u001b', '\\e')}": 1\n` });
    const error = await configError(root);
    const [f] = isSvcauditError(error) ? error.files[0]!.findings : [];
    expect(f).toMatchObject({ rule: 'schema-unknown-key', line: 2, column: 1 });
    expect(f!.message.length).toBeLessThan(200);
    expect(f!.message).not.toMatch(RAW);
  });

  it('a package.json past the limit is passed over, read no further', async () => {
    const root = project({ 'package.json': `{"svcaudit": {"rubric": "nope"}, "x": "${'y'.repeat(MAX_TEXT_BYTES)}"}` });
    expect(await loadConfig(root)).toBeUndefined();
  });

  it('is never replaced by --output', async () => {
    const config = 'rubric: service-commitments\n';
    const root = project({ 'svcaudit.config.yaml': config, 'a.yaml': ANSWERS });
    const run = await runInMemory(['score', join(root, 'a.yaml'), '--format', 'json', '--output', join(root, 'svcaudit.config.yaml')], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output .+ is the input .+svcaudit\.config\.yaml of this run/);
    expect(readFileSync(join(root, 'svcaudit.config.yaml'), 'utf8')).toBe(config);
  });
});

describe('compare', () => {
  it('--output onto the other side, or the rubric, is refused and both are kept', async () => {
    const a = join(dir, 'before.yaml');
    const b = join(dir, 'after.yaml');
    writeFileSync(a, ANSWERS);
    writeFileSync(b, ANSWERS);
    const run = await runInMemory(['compare', a, b, '--format', 'json', '--output', b]);
    expect(run.code).toBe(2);
    expect(readFileSync(b, 'utf8')).toBe(ANSWERS);
  });

  it('a saved report of another rubric is named by a short inert excerpt of its id', async () => {
    const report = (id: string) => JSON.stringify({ svcaudit: 2, rubric: { id }, scale: { min: 1, max: 5 }, respondents: 1, overall: { score: 3, index: 50, gap: 1 }, sections: [], items: [] });
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, report('service-commitments'));
    writeFileSync(b, report(`evil\u001b]0;pwned\u0007${'z'.repeat(10_000)}`));
    const run = await runInMemory(['compare', a, b]);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(500);
    expect(run.stderr).not.toMatch(/\u001b|\u0007/);
  });

  it('a saved report that is not JSON quotes at most an inert excerpt of it', () => {
    let message = '';
    try {
      parseReportJson(`{"a": \u001b[2J${'x'.repeat(5000)}`, 'r.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Not valid JSON/);
    expect(message.length).toBeLessThan(300);
    expect(message).not.toMatch(RAW);
  });
});

describe('validate with several formats', () => {
  it('refuses two formats sent to one file (exit 2)', async () => {
    const a = join(dir, 'v.yaml');
    writeFileSync(a, ANSWERS);
    const out = join(dir, 'both.out');
    const run = await runInMemory(['validate', a, '-f', 'json', '-f', 'sarif', '-o', `json=${out}`, '-o', `sarif=${out}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/goes to that file already/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('init', () => {
  it('writes its files whole, and never over one that exists without --force', async () => {
    const root = project({});
    expect((await runInMemory(['init'], { cwd: root })).code).toBe(0);
    const config = readFileSync(join(root, 'svcaudit.config.yaml'), 'utf8');
    writeFileSync(join(root, 'svcaudit.config.yaml'), 'mine\n');
    const again = await runInMemory(['init'], { cwd: root });
    expect(again.code).toBe(2);
    expect(readFileSync(join(root, 'svcaudit.config.yaml'), 'utf8')).toBe('mine\n');
    expect((await runInMemory(['init', '--force'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'svcaudit.config.yaml'), 'utf8')).toBe(config);
  });
});

describe('text from files in the new report parts', () => {
  it('a respondent role outside an item audience is quoted as an inert excerpt', () => {
    const f = audienceFinding({ id: 'be-nice', audience: ['customer'] }, `staff\u001b[2J${'r'.repeat(100_000)}`, 'a.csv', { line: 2, column: 3 });
    expect(f!.message.length).toBeLessThan(300);
    expect(f!.message).not.toMatch(RAW);
  });

  it('fieldwork dates (CSV cells as written) are quoted as inert excerpts', () => {
    const text = fieldworkText({ from: `2026\u001b[2J${'1'.repeat(100_000)}`, to: '2026-10-09' })!;
    expect(text.length).toBeLessThan(200);
    expect(text).not.toMatch(RAW);
  });

  it('template --for writes the role as YAML that reads back as given, and shows nothing raw', async () => {
    const { rubric } = await loadRubric();
    const role = 'customer\u202e\u001b[2J\nkind: rubric';
    const out = formatTemplate(rubric, 'yaml', role);
    expect(out).not.toMatch(RAW);
    const read = parseYaml(out, 't.yaml').value as { kind: string; respondent: { role: string } };
    expect(read.kind).toBe('answers');
    expect(read.respondent.role).toBe(role);
  });
});
