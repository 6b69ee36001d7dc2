/**
 * `svcaudit validate` as a CI job runs it (docs/exit-codes.md): what each machine format says
 * about a run, what is looked for in folders and globs, and what happens when nothing is found.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, svcaudit } from '../helpers/run-cli.js';

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
