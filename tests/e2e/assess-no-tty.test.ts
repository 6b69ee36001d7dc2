/**
 * `svcaudit assess` without a terminal (CI, piped input): exit 2 at once,
 * with the way to answer without one, before inquirer could half-draw a
 * prompt or read the piped input as keystrokes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, requireBuild, STACK } from '../helpers/run-cli.js';

let dir: string;

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-notty-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const assess = (args: string[], input = '') => runCli(['assess', ...args], { cwd: dir, input });

describe('svcaudit assess without a terminal', () => {
  it('exits 2 at once, pointing to `template` and `score` started the way it was, with no stack trace', async () => {
    const started = Date.now();
    const r = await assess([], '4\n4\n4\n');
    const elapsed = Date.now() - started;
    expect(r.code).toBe(2);
    // Started as `node <repo>/bin/svcaudit.cjs`: the commands it prints start the same way.
    expect(r.stderr).toContain('\n  node <repo>/bin/svcaudit.cjs template > answers.yaml\n');
    expect(r.stderr).toContain('\n  node <repo>/bin/svcaudit.cjs score answers.yaml');
    expect(r.stderr).toMatch(/^svcaudit: `svcaudit assess` asks its questions in a terminal/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe(''); // no half-drawn prompt
    // No prompt was waiting for input: the whole run is a start-up and an exit.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('writes no answers file, even with --force', async () => {
    const r = await assess(['--out', 'a.yaml', '--force', '--name', 'Dana']);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing file alone', async () => {
    const file = join(dir, 'existing.yaml');
    writeFileSync(file, 'not even yaml: [');
    for (const flags of [[], ['--resume'], ['--force']]) {
      const r = await assess(['--out', 'existing.yaml', ...flags]);
      expect(r.code).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe('not even yaml: [');
    }
  });

  it('says what to do in --help', async () => {
    const r = await runCli(['assess', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--resume');
    expect(r.stdout).toContain('Ctrl-C');
  });
});
