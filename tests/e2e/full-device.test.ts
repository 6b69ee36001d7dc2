/**
 * A full stdout or stderr (`> /dev/full`): exit 2 with one line on stderr (when stderr can take
 * it), never an internal error, a stack trace or Node's exit code for an uncaught error. And
 * `> /dev/null`, written straight to the descriptor like a file, without building Node's stream
 * for it (src/cli/stdout.ts).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('/dev/null', () => {
  it('is written like a file: process.stdout (Node\'s stream modules, here a SyncWriteStream) is never built', () => {
    const probe = join(mkdtempSync(join(tmpdir(), 'svcaudit-null-')), 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, `stdout built: ${process.moduleLoadList.includes('NativeModule internal/fs/sync_write_stream')}\\n`));\n");
    const nul = openSync('/dev/null', 'w');
    try {
      const run = (stdout: number | 'pipe') => spawnSync(process.execPath, ['-r', probe, BIN, 'score', 'examples/self-audit.yaml'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
      const quiet = run(nul);
      expect(quiet.status).toBe(0);
      expect(quiet.stderr).toBe('stdout built: false\n');
      // The probe can tell: asked whether /dev/null is a terminal, Node builds it.
      const asked = spawnSync(process.execPath, ['-r', probe, '-e', 'process.stdout.isTTY'], { stdio: ['ignore', nul, 'pipe'], encoding: 'utf8' });
      expect(asked.stderr).toBe('stdout built: true\n');
    } finally {
      closeSync(nul);
    }
  });
});
