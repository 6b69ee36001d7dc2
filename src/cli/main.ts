/**
 * The CLI entry: runs the program and is the one place where errors become
 * exit codes (PRODUCT.md, "Exit codes"). It sets process.exitCode rather than
 * calling process.exit, so piped output is always written in full.
 */
import { CommanderError } from 'commander';
import { isSvcauditError, type ExitCode } from '../core/errors.js';
import { note, type CliContext } from './context.js';
import { buildProgram } from './program.js';
import { openStdout } from './stdout.js';

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, ctx, argv.includes('--debug') || /(^|,)svcaudit(,|$)/.test(ctx.env.DEBUG ?? ''));
  }
}

function reportError(error: unknown, ctx: CliContext, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // commander has already printed help, the version or its own message.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    return 2;
  }
  if (isSvcauditError(error)) {
    note(ctx, `svcaudit: ${error.describe()}`);
    if (debug && error.cause) ctx.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  note(ctx, `svcaudit: internal error: ${message}`);
  ctx.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug to see the details, and please report it.\n');
  return 2;
}

/** The process entry, called by `bin/svcaudit.cjs`; importing this module runs nothing. */
export async function main(): Promise<void> {
  const ctx: CliContext = {
    stdout: openStdout(),
    // Opened on first use: Node builds process.stdin (and its dozen stream and file modules) only
    // when it is touched, and most commands never read it.
    get stdin() {
      return process.stdin;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
  };
  process.exitCode = await runCli(process.argv.slice(2), ctx);
}
