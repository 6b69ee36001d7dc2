/**
 * What every command gets from the CLI layer: where to write, whether to use
 * colour. Commands write through these, never to `process` directly, so
 * tests can run them in memory.
 */
import { appendFileSync, mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, sep } from 'node:path';
import { writeFileAtomic } from '../core/io/atomic-write.js';
import { inert } from '../core/inert-text.js';
import { SvcauditError } from '../core/errors.js';
import type { Style } from '../report/shared/style.js';
import { colorEnabled, styleFor } from './color.js';
import { terminalColumns, wrapForTerminal } from './terminal-text.js';

/** Where a command's output goes: Node's stream on a terminal, a direct writer into pipes and files (stdout.ts). */
export interface TextOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

export interface CliContext {
  readonly stdout: TextOutput;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The script node ran (process.argv[1]), for commands that print how to run svcaudit again; absent in memory. */
  readonly script?: string | undefined;
}

/** The options every command has (command-kit.ts). */
interface CommonOptions {
  readonly color?: boolean | undefined;
  readonly debug?: boolean | undefined;
}

export function styleForStdout(ctx: CliContext, options: CommonOptions): Promise<Style> {
  return styleFor(colorEnabled(options.color, ctx.env, ctx.stdout.isTTY === true));
}

/** Whether `--output` names a file (rather than stdout, or `-`). */
export function writesToFile(output: string | undefined): output is string {
  return output !== undefined && output !== '-';
}

/** Colour for a report going to `--output` or stdout: a file is no terminal, so it gets colour only with --color. */
export function styleForOutput(ctx: CliContext, options: CommonOptions, output: string | undefined): Promise<Style> {
  return writesToFile(output) ? styleFor(options.color === true) : styleForStdout(ctx, options);
}

export function styleForStderr(ctx: CliContext, options: CommonOptions): Promise<Style> {
  return styleFor(colorEnabled(options.color, ctx.env, ctx.stderr.isTTY === true));
}

/**
 * Machine output goes to `--output FILE` or stdout, with nothing else mixed in. A file is
 * replaced atomically (core/io/atomic-write.ts: a full disk leaves the old report whole), and
 * never when it is one of the run's inputs (`inputs`: the files, folders and rubric the command
 * read), which it would destroy. Text in pieces (a report, see report/gap/types.ts) is written a
 * piece at a time, each as it is made.
 */
export async function emit(ctx: CliContext, text: string | Iterable<string>, output: string | undefined, inputs: readonly (string | undefined)[] = []): Promise<void> {
  if (!writesToFile(output)) {
    if (typeof text === 'string') ctx.stdout.write(text);
    else for (const piece of batched(text)) ctx.stdout.write(piece);
    return;
  }
  refuseInputAsOutput(output, inputs);
  writeOutputFile(output, typeof text === 'string' ? text : batched(text));
}

/**
 * A file written whole or not at all (core/io/atomic-write.ts), with errors said in words (exit 2).
 * `exclusive`: a file of that name is never replaced, even one that appeared a moment ago.
 */
export function writeOutputFile(path: string, text: string | Iterable<string>, options: WriteOptions = {}): void {
  try {
    if (options.makeFolder === true) mkdirSync(dirname(path), { recursive: true });
    if (statOrUndefined(path)?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    writeFileAtomic(path, text, undefined, { exclusive: options.exclusive === true });
  } catch (error) {
    throw outputError(options.shownAs ?? path, error, options.exclusive === true ? 'create' : 'replace');
  }
}

/** Small pieces gathered up to about 64 kB, so that a report of many short lines takes few writes. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

interface WriteOptions {
  readonly exclusive?: boolean;
  /** Create the file's folder first, and any above it. */
  readonly makeFolder?: boolean;
  /** The name messages give the file (a path from the working folder). */
  readonly shownAs?: string;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The same file whatever the name: a symbolic or hard link to an input is that input. */
function refuseInputAsOutput(output: string, inputs: readonly (string | undefined)[]): void {
  const target = statOrUndefined(output);
  if (target === undefined || !target.isFile()) return;
  const real = realpathSync(output);
  for (const input of inputs) {
    if (input === undefined || input === '-') continue;
    const read = statOrUndefined(input);
    if (read === undefined) continue;
    const same = read.isFile()
      ? read.dev === target.dev && read.ino === target.ino
      // A folder given as input: the output is inside it, where folder expansion reads answers files.
      : read.isDirectory() && real.startsWith(`${realpathSync(input)}${sep}`) && ANSWERS_ENDINGS.test(real);
    if (same) {
      throw new SvcauditError('would-overwrite', `--output ${output} is the input ${input} of this run; writing the report there would destroy it. Choose another file.`, { file: output });
    }
  }
}

/** The endings folder expansion reads as answers (inputs/registry.ts), which an output inside an input folder must not take. */
const ANSWERS_ENDINGS = /\.(ya?ml|csv|tsv)$/i;

/** Text added to the end of a file (a CI job's summary page), with the errors of `emit`. */
export async function appendTo(path: string, text: string): Promise<void> {
  try {
    appendFileSync(path, text);
  } catch (error) {
    throw outputError(path, error, 'append');
  }
}

/**
 * `replace`: the file was to be replaced atomically, so what was there before is still whole;
 * `create`: a new file, never one that exists; `append`: text added at its end.
 */
function outputError(path: string, error: unknown, how: 'replace' | 'create' | 'append' = 'replace'): SvcauditError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? (how !== 'append' && statOrUndefined(dirname(path))?.isDirectory() ? 'its temporary file vanished before it could take the file\'s place (removed by another program?)' : `the folder ${dirname(path)} does not exist`)
    : code === 'EISDIR' ? 'it is a folder; give a file name'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ELOOP' ? 'the path goes through symbolic links that loop back on themselves'
    : code === 'ENOTDIR' ? 'a part of the path is a file, not a folder'
    : code === 'EIO' ? 'the disk reported an error'
    : code === 'EEXIST' ? 'a file of that name appeared meanwhile'
    : `${code ?? 'unknown error'}`;
  const message =
    how === 'replace' ? `Cannot write the output file: ${why}; an earlier file of that name is unchanged.`
    : how === 'create' ? `Cannot write the file: ${why}; it was left as it was.`
    : `Cannot add to the file: ${why}.`;
  return new SvcauditError('file-unwritable', message, { file: path }, { cause: error });
}

const SGR = /(\u001b\[[0-9;]*m)/;

/** A message on stderr, wrapped at word boundaries to the terminal's width when stderr is a terminal. */
export function note(ctx: CliContext, message: string): void {
  // Whatever user text a message quotes (a path, a --by value, a finding), no control character
  // reaches the terminal: only the message's own line breaks are kept (core/inert-text.ts).
  // A lone carriage return would send the cursor back over the line and hide what it wrote. The
  // colour codes of our own style (SGR, which can only recolour) are kept; user text quoted in a
  // message is an excerpt, inert already (core/inert-text.ts).
  const safe = message.split(SGR).map((part, i) => (i % 2 === 1 ? part : inert(part.replace(/\r/g, '\u240d').replace(/\t/g, ' '), true))).join('');
  const text = wrapForTerminal(safe, terminalColumns(ctx.stderr));
  ctx.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** How a human report is laid out: the terminal's width kept between 80 and 140, and the report date. */
export function reportLayout(ctx: CliContext): { width: number; date: string } {
  const columns = ctx.stdout.columns ?? 100;
  return { width: Math.max(80, Math.min(columns, 140)), date: reportDate(ctx.env) };
}

/**
 * The date a report says it was made (docs/json-report.md): today's local date, or the UTC date
 * of `SOURCE_DATE_EPOCH` (seconds since 1970) when that is set, so a report can be made again
 * byte for byte (reproducible-builds.org's convention). A value that is not a whole number of
 * seconds is a usage error rather than a silently wrong date.
 */
export function reportDate(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return localDate(now);
  if (!/^\d+$/.test(epoch.trim())) throw new SvcauditError('usage', `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \`${epoch.slice(0, 40)}\`.`);
  // Past 9999-12-31 an ISO date has more than four digits of year (or JavaScript has no date at all).
  if (Number(epoch.trim()) > LAST_EPOCH_SECOND) throw new SvcauditError('usage', `SOURCE_DATE_EPOCH must be a date up to 9999-12-31 (${LAST_EPOCH_SECOND} seconds since 1970), not \`${epoch.slice(0, 40)}\`.`);
  return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
}

/** 9999-12-31T23:59:59Z, the last second with a four-digit year. */
const LAST_EPOCH_SECOND = 253_402_300_799;

/** YYYY-MM-DD in local time: the date people see on their calendar, for file names and report headers. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
