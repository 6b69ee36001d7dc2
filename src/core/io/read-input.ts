/**
 * Reading the files users name, with errors that say which file and why (exit code 2), and with
 * every read bounded while it runs (docs/file-formats.md, "Limits"): a file is never read past
 * its limit, stdin stops once it passes its own, and a named pipe or a device (`/dev/zero`,
 * `/dev/urandom`, a FIFO that no one writes to) is refused before it is opened, since reading it
 * could block forever or never end.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { SvcauditError } from '../errors.js';

export const STDIN = '-';
const STDIN_NAME = '<stdin>';

/**
 * stdin is read whole before its kind is known: far more than any YAML or JSON file may hold
 * (2 MB), room for a large CSV export; beyond it, save the data to a file, which is streamed.
 */
const STDIN_LIMIT = 64 * 1024 * 1024;

/** How an input is named in messages: `-` is `<stdin>`. */
export function displayName(path: string): string {
  return path === STDIN ? STDIN_NAME : path;
}

/**
 * The bytes of a file, or of stdin for `-`. At most `limit + 1` bytes are read, so a caller that
 * finds more than `limit` knows the file is over its limit without it having been read whole.
 */
export async function readBytes(path: string, stdin: () => Promise<Uint8Array> = () => readStream(process.stdin), limit = Infinity): Promise<Uint8Array> {
  if (path === STDIN) return stdin();
  assertRegularFile(path);
  let fd: number | undefined;
  try {
    // Synchronous on purpose: a CLI reads one file at a time, and the first
    // asynchronous read pays for starting libuv's thread pool.
    fd = openSync(path, 'r');
    return readUpTo(fd, limit);
  } catch (error) {
    throw fileError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readUpTo(fd: number, limit: number): Uint8Array {
  const most = limit === Infinity ? Infinity : limit + 1;
  // As much room as the file holds, and one byte more to see that it grew: a folder of a hundred
  // thousand small files then allocates a few hundred bytes each, not a megabyte.
  let buffer = Buffer.allocUnsafe(Math.min(most, fstatSync(fd).size + 1));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total >= most) break;
      const grown = Buffer.allocUnsafe(Math.min(most, Math.max(2 * buffer.length, 1 << 16)));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const n = readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buffer.subarray(0, total);
}

/** The first `length` bytes of a file (fewer when it is shorter), to tell its kind before streaming it. */
export function readHead(path: string, length: number): Uint8Array {
  assertRegularFile(path);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(length);
    let total = 0;
    // A read may return less than asked before the end of the file.
    for (let n = -1; n !== 0 && total < length; total += n) n = readSync(fd, buffer, total, length - total, total);
    return buffer.subarray(0, total);
  } catch (error) {
    throw fileError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Only regular files (and the links that lead to one) are read by name: a FIFO would block the
 * open until someone writes to it, and a character device such as /dev/zero never ends.
 */
export function assertRegularFile(path: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (stat.isFile()) return;
  if (stat.isDirectory()) throw new SvcauditError('file-unreadable', 'This is a folder, not a file.', { file: path });
  const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a regular file';
  throw new SvcauditError('file-unreadable', `This is ${what}, not a file; to read a stream, pass \`-\` and send it to stdin.`, { file: path });
}

/** Why a file cannot be read, in words: never a bare errno code. */
export function fileError(path: string, error: unknown): SvcauditError {
  if (error instanceof SvcauditError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: 'No such file.',
    EISDIR: 'This is a folder, not a file.',
    EACCES: 'Permission denied: the file cannot be read.',
    EPERM: 'Permission denied: the file cannot be read.',
    ELOOP: 'The path goes through symbolic links that loop back on themselves.',
    ENOTDIR: 'A part of the path is a file, not a folder.',
    ENAMETOOLONG: 'The path is too long.',
    EMFILE: 'Too many files are open at once; try again with fewer inputs.',
    ENFILE: 'Too many files are open at once; try again with fewer inputs.',
    EIO: 'The disk reported an error while reading the file.',
  };
  const message = (code !== undefined ? why[code] : undefined) ?? `The file cannot be read (${code ?? 'unknown error'}).`;
  return new SvcauditError(code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', message, { file: path }, { cause: error });
}

/** Reads a stream (stdin for `-`), stopping with an error once it holds more than `limit` bytes. */
export async function readStream(stream: NodeJS.ReadableStream, limit = STDIN_LIMIT): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > limit) {
      // Leaving the loop ends the stream: an endless one (`yes | svcaudit score -`) is read no further.
      throw new SvcauditError('file-unreadable', `stdin holds more than ${Math.round(limit / 1024 / 1024)} MB; save it to a file and name the file instead.`, { file: STDIN_NAME });
    }
  }
  return Buffer.concat(chunks, total);
}
