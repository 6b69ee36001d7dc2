/** Reading the files users name, with errors that say which file and why (exit code 2). */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { SvcauditError } from '../errors.js';

export const STDIN = '-';
const STDIN_NAME = '<stdin>';

/** How an input is named in messages: `-` is `<stdin>`. */
export function displayName(path: string): string {
  return path === STDIN ? STDIN_NAME : path;
}

export async function readBytes(path: string, stdin: () => Promise<Uint8Array> = () => readStream(process.stdin)): Promise<Uint8Array> {
  if (path === STDIN) return stdin();
  try {
    // Synchronous on purpose: a CLI reads one file at a time, and the first
    // asynchronous read pays for starting libuv's thread pool.
    return readFileSync(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

/** The first `length` bytes of a file (fewer when it is shorter), to tell its kind before streaming it. */
export function readHead(path: string, length: number): Uint8Array {
  try {
    const buffer = Buffer.alloc(length);
    const fd = openSync(path, 'r');
    try {
      return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw fileError(path, error);
  }
}

function fileError(path: string, error: unknown): SvcauditError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new SvcauditError('file-not-found', 'No such file.', { file: path }, { cause: error });
  if (code === 'EISDIR') return new SvcauditError('file-unreadable', 'This is a folder, not a file.', { file: path }, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new SvcauditError('file-unreadable', 'Permission denied: the file cannot be read.', { file: path }, { cause: error });
  return new SvcauditError('file-unreadable', `The file cannot be read (${code ?? 'unknown error'}).`, { file: path }, { cause: error });
}

/** Reads all of a stream (stdin for `-`). */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
