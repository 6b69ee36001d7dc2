/**
 * One assess session per answers file (src/cli/assess/lock.ts): a second session is told who
 * holds the file (pid, host, start time); a stale lock (its process gone) is taken over only with
 * --force or --resume; the lock goes when the session ends, and through links two names of one
 * file share one lock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, lockPathFor } from '../../src/cli/assess/lock.js';
import { resolveOutFile } from '../../src/cli/assess/out-file.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A process stand-in: its own pid and 'exit' listeners, so tests can end "sessions". */
function fakeProcess(pid = process.pid): NodeJS.Process {
  return Object.assign(new EventEmitter(), { pid }) as unknown as NodeJS.Process;
}

/** A pid no process has: far above any pid_max. */
const DEAD_PID = 2 ** 22 + 12345;

describe('the assess lock', () => {
  it('refuses a second session and names the holder: pid, host, start time', () => {
    const out = resolveOutFile(join(dir, 'a.yaml'), dir, '2026-11-20');
    const first = acquireLock(out, {}, fakeProcess());
    expect(() => acquireLock(out, { force: true }, fakeProcess())).toThrow(
      new RegExp(`Another assess session is answering into this file \\(process ${process.pid} on ${hostname()}, since \\d{4}-\\d\\d-\\d\\dT`),
    );
    first.release();
    expect(existsSync(lockPathFor(out))).toBe(false);
    acquireLock(out, {}, fakeProcess()).release();
  });

  it('a stale lock is refused without --force, and taken over with --force or --resume', () => {
    const out = resolveOutFile(join(dir, 'b.yaml'), dir, '2026-11-20');
    const stale = () => writeFileSync(lockPathFor(out), JSON.stringify({ pid: DEAD_PID, host: hostname(), started: '2026-11-19T10:00:00.000Z', token: 'old' }));
    stale();
    expect(() => acquireLock(out, {}, fakeProcess())).toThrow(/no longer running\. Add --force/);
    acquireLock(out, { force: true }, fakeProcess()).release();
    stale();
    const taken = acquireLock(out, { resume: true }, fakeProcess());
    expect(JSON.parse(readFileSync(lockPathFor(out), 'utf8')).pid).toBe(process.pid);
    taken.release();
  });

  it('goes when the process exits, also when the session code never reached its end', () => {
    const out = resolveOutFile(join(dir, 'c.yaml'), dir, '2026-11-20');
    const proc = fakeProcess();
    acquireLock(out, {}, proc);
    expect(existsSync(lockPathFor(out))).toBe(true);
    proc.emit('exit', 130);
    expect(existsSync(lockPathFor(out))).toBe(false);
  });

  it('two names of one file (a symbolic link) share one lock', () => {
    const real = join(dir, 'real.yaml');
    writeFileSync(real, '');
    const link = join(dir, 'link.yaml');
    symlinkSync(real, link);
    const held = acquireLock(resolveOutFile(real, dir, '2026-11-20'), {}, fakeProcess());
    expect(() => acquireLock(resolveOutFile(link, dir, '2026-11-20'), {}, fakeProcess())).toThrow(/Another assess session/);
    held.release();
  });
});
