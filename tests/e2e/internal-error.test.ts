/**
 * An internal error through the built binary, with no test-only hook in src: standard output is
 * /dev/full, where every write fails with ENOSPC (a plain Node error, not a SvcauditError).
 * docs/exit-codes.md: exit 2, one line naming the error, no stack trace unless --debug or DEBUG=svcaudit.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, requireBuild, STACK } from '../helpers/run-cli.js';

const LINE = 'svcaudit: internal error: ENOSPC: no space left on device, write\n';
const HINT = 'Run again with --debug to see the details, and please report it.\n';

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

describe.skipIf(!existsSync('/dev/full'))('an internal error in the built binary (stdout is /dev/full)', () => {
  for (const args of [['rubrics'], ['score', 'examples/self-audit.yaml'], ['compare', 'examples/interviews', 'examples/follow-up', '--format', 'html']]) {
    it(`svcaudit ${args.join(' ')}: exit 2, the one-line message and the hint, no stack trace`, async () => {
      const r = await runIntoFullDevice(args);
      expect(r.stderr).toBe(`${LINE}${HINT}`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(2);
    });
  }

  it('with --debug: the same line, then the stack trace', async () => {
    const r = await runIntoFullDevice(['rubrics', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(LINE)).toBe(true);
    expect(r.stderr).toMatch(STACK);
    expect(r.stderr).not.toContain('Run again with --debug');
  });

  it('with DEBUG=svcaudit: the stack trace as with --debug', async () => {
    const r = await runIntoFullDevice(['rubrics'], { DEBUG: 'svcaudit' });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(LINE)).toBe(true);
    expect(r.stderr).toMatch(STACK);
  });
});
