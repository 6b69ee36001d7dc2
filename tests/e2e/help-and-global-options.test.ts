/**
 * `svcaudit help [command]`, the global options before or after the command, and Node's own
 * warnings, as docs/exit-codes.md states them: help that is asked for exits 0, a mistake exits 2
 * and says what was wrong, and no Node warning reaches the user unless --debug asks for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLOR_CODE, requireBuild, svcaudit } from '../helpers/run-cli.js';

const DUPLICATE_ID = 'tests/fixtures/rules/duplicate-id/fail.yaml';

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-help-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('svcaudit help', () => {
  it('prints the program help and exits 0', async () => {
    const r = await svcaudit(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: svcaudit [options] [command]');
    expect(r.stderr).toBe('');
  });

  it.each([
    [['help', 'score'], 'Usage: svcaudit score|report [options] <inputs...>'],
    [['help', 'report'], 'Usage: svcaudit score|report [options] <inputs...>'],
    [['help', 'rubric', 'show'], 'Usage: svcaudit rubric show [options] <rubric>'],
  ])('%j prints that command\'s help and exits 0', async (args, usage) => {
    const r = await svcaudit(args);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(usage);
  });

  it("gives the manager's command, assess, as the first example of the program help", async () => {
    const r = await svcaudit(['--help']);
    expect(r.code).toBe(0);
    const examples = r.stdout.slice(r.stdout.indexOf('Examples:\n'));
    const first = examples.split('\n')[1]!;
    expect(first).toMatch(/^ {2}\$ svcaudit assess --name \S+ --role manager +# a manager's self-audit$/);
    expect(first.length).toBeLessThan(80);
  });

  it('is the same text as --help', async () => {
    const [viaHelp, viaFlag] = await Promise.all([svcaudit(['help', 'validate']), svcaudit(['validate', '--help'])]);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('exits 2 on an unknown command, naming it, with no help text', async () => {
    const r = await svcaudit(['help', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command 'nosuch'\. The commands are validate, score, .*\n$/);
  });

  it('suggests the command meant', async () => {
    const r = await svcaudit(['help', 'scor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'scor'. Did you mean `score`?\n");
  });

  it('svcaudit with no command still shows the help as a mistake (exit 2)', async () => {
    const r = await svcaudit([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: svcaudit');
  });
});

describe('global options before the command', () => {
  it('--no-color before the command wins over FORCE_COLOR', async () => {
    const r = await svcaudit(['--no-color', 'validate', DUPLICATE_ID], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
  });

  it('--color before the command colours, as after it', async () => {
    const [before, after] = await Promise.all([svcaudit(['--color', 'validate', DUPLICATE_ID]), svcaudit(['validate', DUPLICATE_ID, '--color'])]);
    expect(before.code).toBe(1);
    expect(before.rawStdout).toMatch(COLOR_CODE);
    expect(before.rawStdout).toBe(after.rawStdout);
  });

  it('the option after the command wins over the one before it', async () => {
    const r = await svcaudit(['--color', 'validate', DUPLICATE_ID, '--no-color']);
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
  });

  it('--debug before the command is accepted', async () => {
    const r = await svcaudit(['--debug', 'rubrics']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a global option before a command of the rubric group is accepted', async () => {
    const r = await svcaudit(['--no-color', 'rubric', 'show', 'service-commitments']);
    expect(r.code).toBe(0);
  });
});

describe('Node warnings', () => {
  // yaml warns (through process.emitWarning) when it turns a key that is a mapping into text.
  const COLLECTION_KEY = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  ? {smile: na}\n  : 3\n';

  it('a key that is a mapping gets its finding, and Node prints no warning', async () => {
    const file = join(tmp, 'collection-key.yaml');
    writeFileSync(file, COLLECTION_KEY);
    const r = await svcaudit(['validate', file]);
    expect(r.code).toBe(1);
    // The YAML reader refuses it: no svcaudit file has a key that is not text or a number.
    expect(r.stdout).toContain('yaml-syntax');
    expect(r.stderr).toBe('');
  });

  it('the same from stdin, in score', async () => {
    const r = await svcaudit(['score', '-'], { input: COLLECTION_KEY });
    // A file that cannot be read as data (docs/exit-codes.md).
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/Warning|--trace-warnings/);
  });
});
