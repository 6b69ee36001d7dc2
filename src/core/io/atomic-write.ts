/**
 * Replaces a file so that readers (and a process killed half-way) only ever
 * see the old content or the new content, never a mix: write a temporary
 * file in the same folder, flush it to disk, then rename it over the target.
 * rename(2) within one file system is atomic on POSIX; the same folder keeps
 * it on one file system. The temporary file is removed on any error, so a
 * full disk leaves the target as it was and no litter behind.
 *
 * Synchronous on purpose: the whole replace runs in one turn of the event
 * loop, so a signal handler (Ctrl-C, SIGTERM) can never run between the
 * write and the rename, and the first write does not pay for starting
 * libuv's thread pool.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The fs calls used, injectable so tests can make any of them fail. */
export type AtomicFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'fchmodSync'> & Partial<Pick<typeof nodeFs, 'linkSync'>>;

interface AtomicOptions {
  /**
   * Never replace a file: the new one takes its name only if none has it (link(2) fails with EEXIST
   * otherwise), so a file that appeared since the caller looked is left alone (`init` without --force).
   */
  readonly exclusive?: boolean;
}

/**
 * `.<name>.<pid>.<random>.tmp`: hidden, unique per process and call, recognisable if a SIGKILL leaves
 * one behind. TEMP_SUFFIX reads back what follows `.<name>.`, for removeStaleTemporaries.
 */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomHex()}.tmp`);
}
/**
 * Eight random hex digits. node:crypto is required here, on the first write, rather than imported:
 * every command loads this module (the CLI's output goes through it), and few write a file.
 */
function randomHex(): string {
  return (require('node:crypto') as typeof import('node:crypto')).randomBytes(4).toString('hex');
}
const TEMP_SUFFIX = /^(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * `data` may come in pieces (a report written out as it is made, cli/context.ts): each is written
 * as it comes, and the file takes the target's place only once all of them are written.
 */
export function writeFileAtomic(given: string, data: string | Uint8Array | Iterable<string>, fs: AtomicFs = nodeFs, options: AtomicOptions = {}): void {
  // Through a symbolic link to the file it names: renaming over the link itself would replace the
  // link with a file and leave the real file behind unchanged (`assess --resume` on a linked file).
  const target = throughLinks(given);
  const chunks: Iterable<Uint8Array> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : encoded(data);
  if (!options.exclusive && !isRegularOrAbsent(target)) {
    // A device or a pipe (`--output /dev/stdout`, a shell's `>(…)`) is written into: renaming a file
    // over it would replace the device itself, and it has no old content to keep.
    const fd = nodeFs.openSync(target, 'w');
    try {
      for (const bytes of chunks) for (let offset = 0; offset < bytes.length; ) offset += nodeFs.writeSync(fd, bytes, offset, bytes.length - offset);
    } finally {
      nodeFs.closeSync(fd);
    }
    return;
  }
  const temp = tempPathFor(target);
  // 'wx': never follow or reuse a file someone else put at the temporary name.
  const fd = fs.openSync(temp, 'wx', 0o666);
  let renamed = false;
  try {
    try {
      keepMode(fs, fd, target);
      for (const bytes of chunks) for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      // Without the fsync, a power cut after the rename could leave an empty file under the target's name.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.exclusive) {
      (fs.linkSync ?? nodeFs.linkSync)(temp, target);
      removeQuietly(fs, temp);
    } else fs.renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) removeQuietly(fs, temp);
  }
  syncFolder(fs, dirname(target));
}

function* encoded(pieces: Iterable<string>): Generator<Uint8Array> {
  for (const piece of pieces) yield Buffer.from(piece, 'utf8');
}

function isRegularOrAbsent(path: string): boolean {
  try {
    return nodeFs.statSync(path).isFile();
  } catch {
    return true;
  }
}

/** The file a path names once every symbolic link is followed; the path itself when there is no such file yet. */
export function throughLinks(path: string): string {
  try {
    return nodeFs.realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Temporary files of `target` left by writers killed half-way (SIGKILL, a power cut) are removed
 * once no process with their pid runs; the file of a live process is never touched.
 */
export function removeStaleTemporaries(target: string): void {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = nodeFs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? TEMP_SUFFIX.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && !isRunning(Number(pid))) removeQuietly(nodeFs, join(folder, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, and belongs to someone else
  }
}

/** An existing target keeps its permissions (a file made private stays private). */
function keepMode(fs: AtomicFs, fd: number, target: string): void {
  let mode: number;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    return; // no target yet: the umask decides, as for any new file
  }
  fs.fchmodSync(fd, mode);
}

/** Makes the rename itself durable; not every platform can fsync a folder, and the data is safe either way. */
function syncFolder(fs: AtomicFs, folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function removeQuietly(fs: AtomicFs, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // already gone, or the folder forbids it: nothing more can be done
  }
}
