/**
 * Standard output for one run of the CLI.
 *
 * On a terminal (or anything else that is not a pipe, a file or a device) it
 * is Node's own `process.stdout`, which knows the width and colour depth.
 * Into a pipe or a file, where CI runs and scripts read it, output goes out
 * with plain synchronous writes to descriptor 1: building `process.stdout`
 * loads some twenty of Node's stream modules, about a tenth of a short
 * `validate` run, and synchronous writes are all out before the process ends.
 * A device that is not a terminal (/dev/null, /dev/full) is written the same
 * way: Node's stream would report a failed write (ENOSPC) only later, as an
 * 'error' event outside every handler, with a stack trace and the wrong exit
 * code; a direct write throws where the CLI reports it (exit 2, main.ts).
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { TextOutput } from './context.js';
import { SvcauditError } from '../core/errors.js';

const STDOUT = 1;

export function openStdout(): TextOutput {
  if (!writtenLikeAFile(STDOUT)) return quietWhenReaderGone(process.stdout);
  // Once a write would block (a pipe someone else set non-blocking), everything after it goes
  // through Node's stream, which waits for the reader, so the order of the output is kept.
  let stream: TextOutput | undefined;
  return {
    isTTY: false,
    write(text: string): boolean {
      if (stream) return Boolean(stream.write(text));
      let bytes = Buffer.from(text);
      while (bytes.length > 0) {
        try {
          bytes = bytes.subarray(writeSync(STDOUT, bytes));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') readerGone();
          if (code !== 'EAGAIN') throw stdoutError(error);
          stream = quietWhenReaderGone(process.stdout);
          return Boolean(stream.write(bytes.toString()));
        }
      }
      return true;
    },
  };
}

/** A write that failed (`> /dev/full`, a full disk, an I/O error): one line from main.ts, exit 2, no stack trace. */
function stdoutError(error: unknown): SvcauditError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk or device is full' : code === 'EIO' ? 'the device reported an error' : code === 'EBADF' ? 'it is closed' : `${code ?? 'unknown error'}`;
  return new SvcauditError('file-unwritable', `Cannot write to standard output: ${why}.`, { file: '<stdout>' }, { cause: error });
}

/**
 * A pipe, a file, or a device that is not a terminal. /dev/null itself (a cron job's `> /dev/null`,
 * output a script ignores) is known by its device number; for any other device `process.stdout`
 * is built to ask whether it is a terminal, which loads Node's tty and net modules (some 3-5 ms).
 */
function writtenLikeAFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (stat.isFIFO() || stat.isFile()) return true;
    if (!stat.isCharacterDevice()) return false;
    const nul = statSync('/dev/null', { throwIfNoEntry: false });
    if (nul?.isCharacterDevice() === true && nul.rdev === stat.rdev) return true;
    return process.stdout.isTTY !== true;
  } catch {
    return false; // closed or unusual: Node's stream knows how to deal with it
  }
}

function quietWhenReaderGone(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone();
  });
  return stream;
}

/**
 * `svcaudit … | head`: once the reader is gone there is no one left to tell; stop quietly, as
 * other command-line tools do, instead of failing on a write to a closed pipe.
 */
function readerGone(): never {
  process.exit(process.exitCode ?? 0);
}
