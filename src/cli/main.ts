/**
 * The CLI entry: runs the program and is the one place where errors become
 * exit codes (PRODUCT.md, "Exit codes"). It sets process.exitCode rather than
 * calling process.exit, so piped output is always written in full.
 */
import { CommanderError } from 'commander';
import { isSvcauditError, type ExitCode } from '../errors.js';
import type { CliContext } from './context.js';
import { buildProgram } from './program.js';
import { terminalColumns, wrapForTerminal } from './terminal-text.js';

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
    ctx.stderr.write(`${wrapForTerminal(`svcaudit: ${error.describe()}`, terminalColumns(ctx.stderr))}\n`);
    if (debug && error.cause) ctx.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`${wrapForTerminal(`svcaudit: internal error: ${message}`, terminalColumns(ctx.stderr))}\n`);
  ctx.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug to see the details, and please report it.\n');
  return 2;
}

/** The process entry, called by `bin/svcaudit.js`; importing this module runs nothing. */
export async function main(): Promise<void> {
  // `svcaudit … | head`: once the reader is gone there is no one left to tell; stop quietly,
  // as other command-line tools do, instead of failing on a write to a closed pipe.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const ctx: CliContext = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
  process.exitCode = await runCli(process.argv.slice(2), ctx);
}
