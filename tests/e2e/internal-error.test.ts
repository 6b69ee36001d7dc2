/**
 * A standard output that cannot be written, through the built binary: /dev/full, where every write
 * fails with ENOSPC. docs/exit-codes.md: exit 2, one line saying so (not an internal error), no
 * stack trace unless --debug or DEBUG=svcaudit. Errors svcaudit did not foresee are tested in
 * process, in tests/unit/cli-internal-error.test.ts.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, requireBuild, STACK } from '../helpers/run-cli.js';

const LINE = 'svcaudit: <stdout>: Cannot write to standard output: the disk or device is full.\n';

beforeAll(() => requireBuild());

/** The binary with stdout on /dev/full; stderr collected. */
function runIntoFullDevice(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DEBUG: undefined, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(!existsSync('/dev/full'))('a full standard output in the built binary (stdout is /dev/full)', () => {
  for (const args of [['rubrics'], ['score', 'examples/self-audit.yaml'], ['compare', 'examples/interviews', 'examples/follow-up', '--format', 'html']]) {
    it(`svcaudit ${args.join(' ')}: exit 2, one line, no stack trace`, async () => {
      const r = await runIntoFullDevice(args);
      expect(r.stderr).toBe(LINE);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(2);
    });
  }

  it('with --debug: the same line, then the stack trace', async () => {
    const r = await runIntoFullDevice(['rubrics', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(LINE)).toBe(true);
    expect(r.stderr).toMatch(STACK);
  });

  it('with DEBUG=svcaudit: the stack trace as with --debug', async () => {
    const r = await runIntoFullDevice(['rubrics'], { DEBUG: 'svcaudit' });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(LINE)).toBe(true);
    expect(r.stderr).toMatch(STACK);
  });
});
