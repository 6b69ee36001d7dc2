/**
 * A real pseudo-terminal for end-to-end tests of `svcaudit assess`: the built
 * binary runs in a tmux pane, keys are sent with `send-keys`, the screen is
 * read with `capture-pane`. Each test file gets its own tmux server (`-L`),
 * started without any user configuration, so tests never touch a person's
 * tmux sessions, and its socket is removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, STACK } from './run-cli.js';

export const HAS_TMUX = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
/** In CI (`.ci/run` installs tmux) a missing tmux is a failure, never a silent skip. */
export const SKIP_TMUX = !HAS_TMUX && !process.env.CI;


/**
 * The environment of the pane, as a user's would be: none of the test runner's variables. NO_COLOR keeps escape
 * codes out of the file and the screen alike.
 */
function paneEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TERM: 'xterm-256color' };
  delete env.VITEST;
  delete env.FORCE_COLOR;
  delete env.DEBUG;
  delete env.TMUX; // inside a developer's tmux, the new server must still be a separate one
  // What `npm test` or `npx vitest` leave in the environment: a person's shell has none of it, and svcaudit
  // reads it to tell how it was started.
  for (const name of Object.keys(env)) if (/^npm_/i.test(name) || name === 'INIT_CWD') delete env[name];
  return { ...env, ...extra };
}

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export class TmuxServer {
  /** A socket path of our own (not `-L` under /tmp/tmux-UID), so it can be removed when the server ends. */
  readonly socket = join(tmpdir(), `svcaudit-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`);
  private count = 0;

  tmux(args: readonly string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: paneEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /**
   * Runs `svcaudit <args>` in a new pane (140x50 unless `size` says otherwise), in `cwd`. The pane stays open after the command ends (so its
   * screen can be read), and the exit code goes to a file. The command's pid is written to a file as well: it
   * replaces the shell with `exec`, so a signal sent to that pid reaches node itself.
   */
  start(
    cwd: string,
    args: readonly string[],
    options: { nodeArgs?: readonly string[]; env?: Record<string, string>; size?: { columns: number; rows: number } } = {},
  ): TmuxPane {
    const node = [process.execPath, ...(options.nodeArgs ?? []), BIN, ...args].map(shellQuote).join(' ');
    return this.run(cwd, node, options);
  }

  /**
   * Runs a shell command line in a new pane, as a person would type it (a command svcaudit printed, `npx
   * svcaudit …`), with `exec` so that the pid file names the command's own process.
   */
  run(cwd: string, command: string, options: { env?: Record<string, string>; size?: { columns: number; rows: number } } = {}): TmuxPane {
    const name = `s${++this.count}`;
    const exitFile = join(cwd, `.exit-${name}`);
    const pidFile = join(cwd, `.pid-${name}`);
    const envs = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const inner = `echo $$ > ${shellQuote(pidFile)}; exec env -u VITEST ${envs} ${command}`;
    const script = `cd ${shellQuote(cwd)} && sh -c ${shellQuote(inner)}; echo $? > ${shellQuote(exitFile)}; sleep 86400`;
    const { columns, rows } = options.size ?? { columns: 140, rows: 50 };
    this.tmux(['new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', name, script]);
    return new TmuxPane(this, name, exitFile, pidFile);
  }

  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // no server left: nothing to end
    }
    rmSync(this.socket, { force: true });
  }
}

export class TmuxPane {
  constructor(
    private readonly server: TmuxServer,
    readonly name: string,
    private readonly exitFile: string,
    private readonly pidFile: string,
  ) {}

  /** Named keys (`Enter`, `C-c`, `Down`) or single characters. */
  keys(...keys: string[]): void {
    this.server.tmux(['send-keys', '-t', this.name, ...keys]);
  }

  /** Text typed as is, without tmux reading key names in it. */
  type(text: string): void {
    this.server.tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /** The screen, or with `history` everything since the pane opened; wrapped lines joined; with `escapes`, its colours as escape codes. */
  screen(history = false, escapes = false): string {
    return this.server.tmux(['capture-pane', '-p', '-J', '-t', this.name, ...(history ? ['-S', '-'] : []), ...(escapes ? ['-e'] : [])]);
  }

  async waitFor(expected: string | RegExp, options: { timeout?: number; history?: boolean } = {}): Promise<string> {
    const timeout = options.timeout ?? 15_000;
    const started = Date.now();
    for (;;) {
      const text = this.screen(options.history);
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
      if (Date.now() - started > timeout) {
        throw new Error(`timed out after ${timeout} ms waiting for ${String(expected)} in pane ${this.name}; the screen:\n${text}`);
      }
      await sleep(20);
    }
  }

  /** The exit code of the command, once it has ended. */
  async exitCode(timeout = 15_000): Promise<number> {
    const started = Date.now();
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() - started > timeout) throw new Error(`pane ${this.name} did not end within ${timeout} ms; the screen:\n${this.screen(true)}`);
      await sleep(20);
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  async pid(timeout = 10_000): Promise<number> {
    const started = Date.now();
    while (!existsSync(this.pidFile) || readFileSync(this.pidFile, 'utf8').trim() === '') {
      if (Date.now() - started > timeout) throw new Error(`pane ${this.name} wrote no pid`);
      await sleep(10);
    }
    return Number(readFileSync(this.pidFile, 'utf8').trim());
  }

  /** What every run must hold: no stack trace ever reaches the screen. */
  assertNoStackTrace(): void {
    const text = this.screen(true);
    if (STACK.test(text)) throw new Error(`a stack trace reached the screen:\n${text}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
