/**
 * A full stdout or stderr (`> /dev/full`): exit 2 with one line on stderr (when stderr can take
 * it), never an internal error, a stack trace or Node's exit code for an uncaught error.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, requireBuild } from '../helpers/run-cli.js';

let full: number;
beforeAll(() => {
  requireBuild();
  full = openSync('/dev/full', 'w');
});
afterAll(() => closeSync(full));

function run(args: readonly string[], stdout: 'full' | 'pipe', stderr: 'full' | 'pipe') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', stdout === 'full' ? full : 'pipe', stderr === 'full' ? full : 'pipe'],
    encoding: 'utf8',
  });
  return { code: result.status, stderr: result.stderr ?? '' };
}

describe('a full device', () => {
  it.each([
    ['score', ['score', 'examples/self-audit.yaml']],
    ['validate --format json', ['validate', 'rubrics/service-commitments.yaml', '--format', 'json']],
    ['rubric show', ['rubric', 'show', 'service-commitments']],
    ['template', ['template']],
  ])('as stdout of %s: exit 2, one line', (_, args) => {
    const { code, stderr } = run(args, 'full', 'pipe');
    expect(code).toBe(2);
    expect(stderr).toBe('svcaudit: <stdout>: Cannot write to standard output: the disk or device is full.\n');
  });

  it.each([
    ['a missing file', ['validate', 'no-such-file.yaml']],
    ['a written report that notes its file', ['score', 'examples/self-audit.yaml', '--output', '/dev/null']],
  ])('as stderr, with %s: exit 2', (_, args) => {
    expect(run(args, 'pipe', 'full').code).toBe(2);
  });
});
