/**
 * Runs the built binary as a user would: a child process, no terminal,
 * colour off unless asked, output with colour codes stripped and the
 * repository path normalised.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const BIN = `${REPO}/bin/svcaudit.cjs`;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Raw stdout, colour codes kept. */
  readonly rawStdout: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string | Buffer | undefined;
  readonly env?: Record<string, string | undefined>;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** A colour code, for asserting that output has (or has not) colour. */
export const COLOR_CODE = new RegExp(ANSI.source);
/** A line of a stack trace: none may ever reach a user. */
export const STACK = /\n\s+at .+:\d+:\d+/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The end-to-end tests run the built tool: say so plainly when it is not built. */
export function requireBuild(): void {
  if (!existsSync(BIN) || !existsSync(join(REPO, 'dist/cli.cjs'))) throw new Error('run `npm run build` before the end-to-end tests');
}

/** runCli, checking what must hold for every run: no stack trace reaches the user. */
export async function svcaudit(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const result = await runCli(args, options);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stdout).not.toMatch(STACK);
  return result;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DEBUG: undefined, ...options.env };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const normalise = (s: string) => stripAnsi(s).split(REPO).join('<repo>');
      resolve({ code, stdout: normalise(stdout), stderr: normalise(stderr), rawStdout: stdout });
    });
    child.stdin.end(options.input ?? '');
  });
}
