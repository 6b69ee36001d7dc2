/**
 * One `assess` session per answers file. Two sessions on one file would each autosave their own
 * answers over the other's; the second is told who holds the file instead (pid, host, since
 * when). The lock is a file beside the answers file, made with O_EXCL so only one session can
 * make it, and removed when the session ends, also on Ctrl-C, SIGTERM or a closed terminal.
 * A lock whose process is gone (killed with SIGKILL, a crash, a power cut) is stale: `--force`
 * or `--resume` takes it over; a live session's lock is never taken.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SvcauditError } from '../../core/errors.js';
import { excerpt } from '../../core/inert-text.js';
import { throughLinks } from '../../core/io/atomic-write.js';
import type { OutFile } from './out-file.js';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly token: string;
}

interface SessionLock {
  readonly release: () => void;
}

/** `.<name>.lock` beside the file a link leads to: two links to one file share one lock. */
export function lockPathFor(out: OutFile): string {
  const real = throughLinks(out.path);
  return join(dirname(real), `.${basename(real)}.lock`);
}

export function acquireLock(out: OutFile, flags: { readonly force?: boolean | undefined; readonly resume?: boolean | undefined }, proc: NodeJS.Process = process): SessionLock {
  const path = lockPathFor(out);
  const me: Holder = { pid: proc.pid, host: hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  if (!tryCreate(path, me)) {
    const holder = readHolder(path);
    const stale = holder !== undefined && holder.host === me.host && !isRunning(holder.pid);
    const mayTake = holder === undefined || (stale && (flags.force === true || flags.resume === true)) || (holder.host !== me.host && flags.force === true);
    if (!mayTake) throw heldError(out, holder!, stale);
    removeQuietly(path);
    if (!tryCreate(path, me)) throw heldError(out, readHolder(path) ?? holder!, false);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    proc.off('exit', release);
    // Only our own lock: a session that took over a lock it found stale must keep it.
    if (readHolder(path)?.token === me.token) removeQuietly(path);
  };
  // The last resort for a stop the session's own code does not see through to its end.
  proc.on('exit', release);
  return { release };
}

function heldError(out: OutFile, holder: Holder, stale: boolean): SvcauditError {
  // The host and the time are as the lock file says: quoted as short inert excerpts.
  const who = `process ${holder.pid} on ${excerpt(holder.host)}, since ${excerpt(holder.started)}`;
  const message = stale
    ? `Another assess session held this file (${who}), and that process is no longer running. Add --force (or --resume) to take the file over.`
    : `Another assess session is answering into this file (${who}). Finish or stop that session first, or choose another file with --out.`;
  return new SvcauditError('would-overwrite', message, { file: out.shown });
}

function tryCreate(path: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new SvcauditError('file-unwritable', `Cannot lock the answers file: ${lockFailure((error as NodeJS.ErrnoException).code)}.`, { file: path }, { cause: error });
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A lock is one short line; anything else at its name (a FIFO, a device, a large file) is read no further. */
const MAX_LOCK_BYTES = 4096;

function readHolder(path: string): Holder | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_LOCK_BYTES) return undefined;
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.started !== 'string' || typeof data.token !== 'string') return undefined;
    return data as Holder;
  } catch {
    return undefined; // gone, or not a lock of ours: taken as no holder
  }
}

/** Why the lock file could not be made, in words. */
function lockFailure(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied in its folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ELOOP':
      return 'the path goes through symbolic links that loop back on themselves';
    default:
      return code ?? 'unknown error';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
