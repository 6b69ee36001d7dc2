/**
 * The CLI entry: runs the program and is the one place where outcomes and errors become exit
 * codes (exit-codes.ts, docs/exit-codes.md) and error messages. It sets process.exitCode rather
 * than calling process.exit, so piped output is always written in full.
 */
import { CommanderError } from '@commander-js/extra-typings';
import { isSvcauditError } from '../core/errors.js';
import type { Outcome } from '../core/outcome.js';
import { errorExitCode, INTERNAL_EXIT_CODE, outcomeExitCode, USAGE_EXIT_CODE, type ExitCode } from './exit-codes.js';
import { note, styleForStderr, type CliContext } from './context.js';
import { buildProgram } from './program.js';
import { openStdout } from './stdout.js';

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  let outcome: Outcome = 'ok';
  const program = buildProgram({ ctx, done: (o) => (outcome = o) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return outcomeExitCode(outcome);
  } catch (error) {
    return reportError(error, ctx, argv);
  }
}

function isDebug(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--debug') || /(^|,)svcaudit(,|$)/.test(env.DEBUG ?? '');
}

async function reportError(error: unknown, ctx: CliContext, argv: readonly string[]): Promise<ExitCode> {
  const debug = isDebug(argv, ctx.env);
  if (error instanceof CommanderError) {
    // commander has already printed help, the version or its own message; help that was asked for
    // (`--help`, `help`) ends with commander's exit code 0, help shown for a mistake with 1.
    return error.exitCode === 0 ? outcomeExitCode('ok') : USAGE_EXIT_CODE;
  }
  if (isSvcauditError(error)) {
    if (error.files.length > 0) {
      // The findings behind the error, as `validate` prints them, before the one-line message.
      const color = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
      const { writeFindings } = await import('./findings-to-stderr.js');
      writeFindings(ctx, await styleForStderr(ctx, { color }), error.files);
    }
    note(ctx, `svcaudit: ${error.describe()}`);
    if (debug && error.cause) ctx.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return errorExitCode(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  note(ctx, `svcaudit: internal error: ${message}`);
  ctx.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug to see the details, and please report it.\n');
  return INTERNAL_EXIT_CODE;
}

/**
 * stderr that cannot be written (`2> /dev/full`, a closed pipe): nothing can be said, so the run
 * ends with exit 2 (docs/exit-codes.md: the job could not be done properly), never with a stack
 * trace or Node's exit code for an uncaught error.
 */
let stderrFailed = false;
let stderrStream: NodeJS.WriteStream | undefined;

function guardedStderr(): NodeJS.WriteStream {
  if (stderrStream) return stderrStream;
  const stream = process.stderr;
  // An asynchronous failure (a pipe) arrives as an 'error' event, which without a listener would crash.
  stream.on('error', () => {
    stderrFailed = true;
  });
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  // A synchronous one (a file or a device) throws from write itself.
  stream.write = ((...args: unknown[]) => {
    try {
      return write(...args);
    } catch {
      stderrFailed = true;
      return false;
    }
  }) as typeof stream.write;
  stderrStream = stream;
  return stream;
}

/** The process entry, called by `bin/svcaudit.cjs`; importing this module runs nothing. */
export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  quietWarnings(isDebug(argv, process.env));
  const ctx: CliContext = {
    stdout: openStdout(),
    // Opened on first use: Node builds process.stdin (and its dozen stream and file modules) only
    // when it is touched, and most commands never read it.
    get stdin() {
      return process.stdin;
    },
    get stderr() {
      return guardedStderr();
    },
    env: process.env,
    cwd: process.cwd(),
    script: process.argv[1],
  };
  const code = await runCli(argv, ctx);
  process.exitCode = stderrFailed ? INTERNAL_EXIT_CODE : code;
  // An 'error' event of a pipe arrives after the last write; it still decides the exit code.
  process.once('beforeExit', () => {
    if (stderrFailed) process.exitCode = INTERNAL_EXIT_CODE;
  });
  endWhenIdle();
}

/**
 * Ends the process at once when nothing is left to happen: no write, read, timer, worker or
 * other handle keeping Node's event loop alive, so the run has said everything it will. Left to
 * itself, Node would first wait for V8's background threads, which by then are usually
 * optimizing the report's hottest functions for runs that never come: 14 ms of 179 in one
 * measurement of an html report (docs/architecture.md, "Large inputs", its last paragraph). With
 * anything still pending (a write queued on a non-blocking pipe, tests/e2e/score.test.ts), the
 * run ends as Node ends it, once that is done.
 */
function endWhenIdle(): void {
  if (stderrFailed || process.getActiveResourcesInfo().length > 0) return;
  process.exit();
}

/**
 * Node writes process warnings to stderr itself (yaml's "Keys with collection values will be
 * stringified", a dependency's deprecation); none is for the user to act on, and docs/exit-codes.md
 * promises that no Node warning reaches one. Node's own listener is replaced by one that speaks
 * only under --debug (through the guarded stderr, so a full one still ends in exit 2).
 */
function quietWarnings(debug: boolean): void {
  process.removeAllListeners('warning');
  if (debug) process.on('warning', (warning) => guardedStderr().write(`${warning.stack ?? String(warning)}\n`));
}
