/**
 * Terminal escape sequences in user text never reach a terminal through the CLI: the one-line
 * error summary, `--by` messages, `rubric show`, `template`, `--format csv` and
 * `validate --format github` all show them inert (␛) instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../helpers/in-memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-escapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ESC = '\u001b';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const rubric = join(dir, 'rubric.yaml');
writeFileSync(rubric, `svcaudit: 1
kind: rubric
id: evil
title: "Evil \\e]0;pwned\\a rubric"
scale: {labels: {1: "Absent\\e[2J", 5: "Top"}}
sections:
  - id: s
    title: "Section \\e[31mred"
    items:
      - id: be-nice
        title: "Be \\e[5mnice"
        prompt: "Prompt \\e[8mhidden"
        levels: {1: "low \\x9b1m", 5: "high"}
        actions: [{to: 4, text: "Act \\e[2K"}]
`);
const answers = join(dir, 'a.yaml');
writeFileSync(answers, `svcaudit: 1\nkind: answers\nrubric: evil\nrespondent: {role: "staff\\e[2J"}\nanswers:\n  be-nice: {score: 2, note: "note \\e]8;;http://x\\e\\\\link"}\n`);
const csv = join(dir, 'a.csv');
writeFileSync(csv, `name,role,be-nice\n"Dana\u001b[2J",staff,2\n`);
const bad = join(dir, `bad-${ESC}[2J.yaml`);
writeFileSync(bad, `svcaudit: 1\nkind: answers\nrubric: evil\nanswers:\n  "be-${ESC}[31m": 3\n`);

describe('escape sequences from files and flags', () => {
  it.each([
    ['rubric show', ['rubric', 'show', rubric]],
    ['template', ['template', '--rubric', rubric]],
    ['score (text)', ['score', answers, '--rubric', rubric, '--by', 'role']],
    ['score --format csv', ['score', answers, '--rubric', rubric, '--format', 'csv']],
    ['score of a CSV --format csv', ['score', csv, '--rubric', rubric, '--format', 'csv']],
    ['validate --format github', ['validate', bad, '--rubric', rubric, '--format', 'github']],
    ['the one-line error summary of score', ['score', bad, '--rubric', rubric]],
    ['a --by message', ['score', answers, '--rubric', rubric, '--by', `r${ESC}[2J\nfake line`]],
  ])('%s: nothing raw on stdout or stderr of a terminal', async (_, args) => {
    const run = await runInMemory(args, { tty: true });
    expect(run.stdout + run.stderr).toMatch(/␛|\\u009b/);
    // Only the format's own line breaks: strip the CSV's quoted cells' breaks, which are data.
    expect(run.stdout).not.toMatch(RAW);
    expect(run.stderr).not.toMatch(RAW);
  });
});

describe('messages on stderr', () => {
  it('keep the colour codes of the style and show every other control character', async () => {
    const { note } = await import('../../src/cli/context.js');
    let stderr = '';
    const ctx = { stderr: { isTTY: false, write: (s: string) => (stderr += s) } } as unknown as Parameters<typeof note>[0];
    note(ctx, `\u001b[33mStopped.\u001b[39m file \u001b]0;x\u0007 \r over`);
    expect(stderr).toBe('\u001b[33mStopped.\u001b[39m file ␛]0;x␇ ␍ over\n');
  });
});
