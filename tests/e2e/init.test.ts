/**
 * `svcaudit init`: the files a project starts with, each one svcaudit itself accepts, and nothing
 * overwritten without --force (docs/exit-codes.md: exit 2).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, requireBuild, svcaudit } from '../helpers/run-cli.js';

const FILES = ['svcaudit.config.yaml', 'audits/self-audit.yaml', '.github/workflows/svcaudit.yml'];

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-init-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let count = 0;
function repository(): string {
  const dir = join(tmp, `repo-${++count}`);
  mkdirSync(join(dir, '.git'), { recursive: true });
  return dir;
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('svcaudit init', () => {
  it('writes the configuration, a blank answers file and the workflow, and exits 0', async () => {
    const dir = repository();
    const r = await svcaudit(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Wrote svcaudit.config.yaml, audits/self-audit.yaml, .github/workflows/svcaudit.yml.');
    for (const file of FILES) expect(statSync(join(dir, file)).size).toBeGreaterThan(0);
  });

  it('the answers file is the one `svcaudit template` prints', async () => {
    const dir = repository();
    await svcaudit(['init'], { cwd: dir });
    expect(readFileSync(join(dir, 'audits/self-audit.yaml'), 'utf8')).toBe((await svcaudit(['template'])).stdout);
  });

  it('every file it writes passes validate, the configuration file with its comments included', async () => {
    const dir = repository();
    await svcaudit(['init'], { cwd: dir });
    const r = await svcaudit(['validate', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).files as Array<{ file: string; kind: string }>;
    expect(files.map((f) => [f.file, f.kind])).toEqual([['audits/self-audit.yaml', 'answers'], ['svcaudit.config.yaml', 'config']]);
  });

  it('the workflow validates, uploads SARIF even when validation fails, scores with --fail-under, and writes the job summary', async () => {
    const dir = repository();
    await svcaudit(['init'], { cwd: dir });
    const workflow = parse(readFileSync(join(dir, '.github/workflows/svcaudit.yml'), 'utf8')) as { jobs: { audit: { steps: Step[] } }; permissions: Record<string, string> };
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = workflow.jobs.audit.steps;
    const at = (test: (s: Step) => boolean) => steps.findIndex(test);
    const validate = at((s) => s.run?.startsWith('svcaudit validate') === true);
    const upload = at((s) => s.uses?.startsWith('github/codeql-action/upload-sarif') === true);
    const score = at((s) => s.run?.startsWith('svcaudit score') === true);
    const summary = at((s) => s.run?.includes('$GITHUB_STEP_SUMMARY') === true);
    expect([validate, upload, score, summary].every((i) => i >= 0)).toBe(true);
    expect(validate < upload && upload < score && score < summary).toBe(true);
    expect(steps[validate]!.run).toContain('--format sarif --output sarif=svcaudit.sarif');
    expect(steps[upload]!.if).toMatch(/^always\(\)/);
    expect(steps[upload]!.with!.sarif_file).toBe('svcaudit.sarif');
    expect(steps[score]!.run).toMatch(/--fail-under \d+/);
    expect(steps[summary]!.if).toMatch(/^always\(\)/);
  });

  it('the commands of the workflow do what it expects, run in the new project', async () => {
    const dir = repository();
    await svcaudit(['init'], { cwd: dir });
    const steps = (parse(readFileSync(join(dir, '.github/workflows/svcaudit.yml'), 'utf8')) as { jobs: { audit: { steps: Step[] } } }).jobs.audit.steps;
    const command = (prefix: string) => steps.find((s) => s.run?.startsWith(prefix))!.run!.split(' ').slice(1);
    const validate = await svcaudit(command('svcaudit validate'), { cwd: dir });
    expect(validate.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'svcaudit.sarif'), 'utf8')).version).toBe('2.1.0');
    // The blank answers file scores nothing, so the gate fails until the audit is filled in.
    expect((await svcaudit(command('svcaudit score'), { cwd: dir })).code).toBe(1);
    cpSync(join(REPO, 'examples/self-audit.yaml'), join(dir, 'audits/self-audit.yaml'));
    const scored = await svcaudit(command('svcaudit score'), { cwd: dir });
    expect(readFileSync(join(dir, 'svcaudit-report.md'), 'utf8')).toMatch(/^# /);
    expect([0, 1]).toContain(scored.code);
  });

  it('refuses to overwrite a file that exists (exit 2), naming it, and writes none of them', async () => {
    const dir = repository();
    writeFileSync(join(dir, 'svcaudit.config.yaml'), 'rubric: ours.yaml\n');
    const r = await svcaudit(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svcaudit: svcaudit.config.yaml: It exists already; nothing was written. Add --force to overwrite it.\n');
    expect(readFileSync(join(dir, 'svcaudit.config.yaml'), 'utf8')).toBe('rubric: ours.yaml\n');
    expect(() => statSync(join(dir, 'audits'))).toThrow();
  });

  it('--force overwrites them', async () => {
    const dir = repository();
    writeFileSync(join(dir, 'svcaudit.config.yaml'), 'rubric: ours.yaml\n');
    const r = await svcaudit(['init', '--force'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'svcaudit.config.yaml'), 'utf8')).toContain('rubric: service-commitments');
  });
});
