/**
 * A rubric given with `--rubric` to the commands that need a usable one (score, compare, assess),
 * through the built binary. The exit codes of docs/exit-codes.md: a rubric that parses but is found wanting
 * (a schema error) exits 1; one that cannot be read as data (YAML syntax, an empty file) exits 2
 * (src/core/finding.ts `findingsErrorCode`). Either way one message names file:line:col, nothing
 * reaches stdout, and no stack trace is shown. A rubric with only warnings is used: the warnings
 * go to stderr as `svcaudit: file:line:col: warning: …`, and the report is printed as usual.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessHarness } from '../helpers/assess-harness.js';
import { REPO, requireBuild, STACK, svcaudit } from '../helpers/run-cli.js';
import { SKIP_TMUX } from '../helpers/tmux.js';

const FIXTURES = 'tests/fixtures/cli-rubrics';
const SCHEMA_ERROR = `${FIXTURES}/schema-error.yaml`;
const UNPARSEABLE = `${FIXTURES}/unparseable.yaml`;
const NO_LEVELS = `${FIXTURES}/no-levels.yaml`;

const SCHEMA_MESSAGE = (file: string) => `svcaudit: ${file}:9:13: \`weight\` in section \`main\` must be a number; found \`heavy\`.`;
const SYNTAX_MESSAGE = (file: string) => `svcaudit: ${file}:12:17: Nested mappings are not allowed in compact mappings.`;
const WARNING = (file: string) => `svcaudit: ${file}:15:13: warning: Item \`listen\` has no level descriptors, so people will read its levels differently.`;

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-broken-rubric-'));
  writeFileSync(join(tmp, 'empty.yaml'), '');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The lines svcaudit itself writes to stderr (its own messages all start so). */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('svcaudit:'));
}

const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  score: ['score', 'examples/self-audit.yaml'],
  'score --format json': ['score', 'examples/interviews', '--format', 'json'],
  compare: ['compare', 'examples/interviews', 'examples/follow-up'],
  'compare --format json': ['compare', 'examples/interviews', 'examples/follow-up', '--format', 'json'],
};

describe.each(Object.entries(COMMANDS))('a broken rubric given to %s', (_name, args) => {
  it('a schema error (found wanting): exit 1, one message naming file:line:col, nothing on stdout', async () => {
    const r = await svcaudit([...args, '--rubric', SCHEMA_ERROR]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(messages(r.stderr)).toEqual([SCHEMA_MESSAGE(SCHEMA_ERROR)]);
  });

  it('a YAML syntax error (unparseable): exit 2, one message naming file:line:col, nothing on stdout', async () => {
    const r = await svcaudit([...args, '--rubric', UNPARSEABLE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(messages(r.stderr)).toEqual([SYNTAX_MESSAGE(UNPARSEABLE)]);
  });

  it('an empty rubric file (unparseable): exit 2, naming the file', async () => {
    const file = join(tmp, 'empty.yaml');
    const r = await svcaudit([...args, '--rubric', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(messages(r.stderr)).toEqual([`svcaudit: ${file}:1:1: The file is empty.`]);
  });

  it('with --debug still no stack trace for a rubric found wanting (it is no internal error)', async () => {
    const r = await svcaudit([...args, '--rubric', SCHEMA_ERROR, '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('a rubric with a warning', () => {
  const ANSWERS = `${FIXTURES}/no-levels-answers.yaml`;

  it('score: the warning on stderr with file:line:col, the report printed, exit 0', async () => {
    const r = await svcaudit(['score', ANSWERS, '--rubric', NO_LEVELS]);
    expect(r.code).toBe(0);
    expect(messages(r.stderr)).toEqual([WARNING(NO_LEVELS)]);
    expect(r.stdout.split('\n')[0]).toBe('An item without level descriptors');
    expect(r.stdout).toMatch(/│ Listen\s+│\s+2\.00 │\s+4\.00 │\s+✗ 2\.00 │/);
    expect(r.stdout).toContain('Improvement plan');
    expect(r.stdout).not.toContain('warning');
  });

  it('score --format json: the warning stays on stderr, stdout is the JSON report alone', async () => {
    const r = await svcaudit(['score', ANSWERS, '--rubric', NO_LEVELS, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(messages(r.stderr)).toEqual([WARNING(NO_LEVELS)]);
    const report = JSON.parse(r.stdout) as { rubric: { id: string }; items: { id: string; score: number }[] };
    expect(report.rubric.id).toBe('no-levels');
    expect(report.items.map((i) => [i.id, i.score])).toEqual([['be-nice', 4], ['listen', 2]]);
  });

  it('compare: the warning once for both sides scored against the rubric, the comparison printed, exit 0', async () => {
    const r = await svcaudit(['compare', ANSWERS, ANSWERS, '--rubric', NO_LEVELS, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(messages(r.stderr)).toEqual([WARNING(NO_LEVELS)]);
    const comparison = JSON.parse(r.stdout) as { items: { id: string; change: number | null }[] };
    expect(comparison.items.map((i) => [i.id, i.change])).toEqual([['be-nice', 0], ['listen', 0]]);
  });

  it('with --fail-under the warning does not change the exit code: the score does', async () => {
    const pass = await svcaudit(['score', ANSWERS, '--rubric', NO_LEVELS, '--fail-under', '50']);
    expect(pass.code).toBe(0);
    const fail = await svcaudit(['score', ANSWERS, '--rubric', NO_LEVELS, '--fail-under', '51']);
    expect(fail.code).toBe(1);
    expect(messages(fail.stderr)[0]).toBe(WARNING(NO_LEVELS));
  });
});

describe.skipIf(SKIP_TMUX)('a broken rubric given to assess, in a terminal', () => {
  const { start, fresh } = assessHarness('svcaudit-broken-rubric-assess-');

  let folder = '';
  /** Copies a fixture rubric into the test's folder, so the message names a short path. */
  function rubricInFolder(fixture: string): string {
    folder = dirname(fresh());
    const name = fixture.split('/').pop()!;
    copyFileSync(join(REPO, fixture), join(folder, name));
    return name;
  }

  it('a schema error: exit 1 before any question, the message names file:line:col, no answers file', async () => {
    const rubric = rubricInFolder(SCHEMA_ERROR);
    const pane = start(['--rubric', rubric, '--out', 'answers.yaml']);
    expect(await pane.exitCode()).toBe(1);
    const screen = pane.screen(true);
    expect(screen).toContain(SCHEMA_MESSAGE(rubric));
    expect(screen).not.toContain('1/1 · ');
    expect(screen).not.toMatch(STACK);
    expect(readdirSync(folder).filter((f) => !f.startsWith('.'))).toEqual([rubric]); // no answers file
  });

  it('a YAML syntax error: exit 2 before any question, the message names file:line:col, no answers file', async () => {
    const rubric = rubricInFolder(UNPARSEABLE);
    const pane = start(['--rubric', rubric, '--out', 'answers.yaml']);
    expect(await pane.exitCode()).toBe(2);
    const screen = pane.screen(true);
    expect(screen).toContain(SYNTAX_MESSAGE(rubric));
    expect(screen).not.toMatch(STACK);
  });

  it('a warning: shown on the screen, then the questions are asked as usual', async () => {
    const rubric = rubricInFolder(NO_LEVELS);
    const pane = start(['--rubric', rubric, '--out', 'answers.yaml']);
    expect(await pane.waitFor('⏎ start')).toContain(WARNING(rubric));
    pane.keys('Enter');
    await pane.waitFor('  1/2 · ');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
  });
});
