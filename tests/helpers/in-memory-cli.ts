/**
 * Runs the CLI in-process through `runCli`, with stdout and stderr captured in memory and, when
 * asked, made to look like terminals; fast enough for the unit project, and it reaches the same
 * code the binary runs (the binary is tested end to end in tests/e2e/).
 */
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { REPO } from './run-cli.js';

export interface MemoryRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MemoryOptions {
  /** stdout and stderr claim to be terminals of this many columns. */
  readonly tty?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly stdin?: string | Buffer;
  /** The working folder (the repository by default), where the configuration file is looked for. */
  readonly cwd?: string;
}

export async function runInMemory(argv: readonly string[], options: MemoryOptions = {}): Promise<MemoryRun> {
  let stdout = '';
  let stderr = '';
  const err = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      stderr += chunk.toString();
      callback();
    },
  });
  const tty = options.tty === true;
  const ctx: CliContext = {
    stdout: { isTTY: tty, ...(tty ? { columns: 100, rows: 40 } : {}), write: (text: string) => (stdout += text) },
    stderr: Object.assign(err, { isTTY: tty, ...(tty ? { columns: 100 } : {}) }),
    stdin: Object.assign(Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]), { isTTY: false }),
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? REPO,
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}
