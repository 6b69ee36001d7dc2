/**
 * The set-up every tmux test of `svcaudit assess` shares: one tmux server per
 * file, a fresh folder per test, every pane checked for stack traces and
 * closed after its test. Call inside a `describe`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { BIN } from './run-cli.js';
import { TmuxServer, type TmuxPane } from './tmux.js';

type Size = { columns: number; rows: number };

/**
 * Question `n` of `total` on screen, drawn to its end: its header line (`? Be nice  1/13 · …`) and the help
 * line under it. The note prompt's record of an answer (`✔ Be nice  1/13 · 4 Consistent`) carries the same
 * progress: the `?` tells the question apart.
 */
export function question(n: number, total = 13): RegExp {
  return new RegExp(`^\\? .* {2}${n}/${total} · [\\s\\S]*ctrl-c stop`, 'm');
}

export function assessHarness(prefix: string, defaultSize?: Size) {
  let server: TmuxServer;
  let dir = '';
  const panes: TmuxPane[] = [];

  beforeAll(() => {
    if (!existsSync(BIN) || !existsSync(join(BIN, '../../dist/cli.cjs'))) throw new Error('run `npm run build` before the end-to-end tests');
    server = new TmuxServer();
  });
  afterEach(() => {
    for (const pane of panes.splice(0)) {
      pane.assertNoStackTrace();
      server.tmux(['kill-session', '-t', pane.name]);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => server.kill());

  return {
    /** `svcaudit assess --no-color <args>` in a new pane, in the current test's folder. */
    start(args: string[], size: Size | undefined = defaultSize): TmuxPane {
      const pane = server.start(dir, ['assess', '--no-color', ...args], size ? { size } : {});
      panes.push(pane);
      return pane;
    },
    /** A shell command line in a new pane, in the current test's folder (a command svcaudit printed). */
    run(command: string, size: Size | undefined = defaultSize): TmuxPane {
      const pane = server.run(dir, command, size ? { size } : {});
      panes.push(pane);
      return pane;
    },
    /** The current test's folder. */
    folder: () => dir,
    /** Waits for the intro's pause and presses ⏎; resolves with the first question's screen. */
    async begin(pane: TmuxPane, total = 13): Promise<string> {
      await pane.waitFor('⏎ start · ctrl-c stop');
      pane.keys('Enter');
      return pane.waitFor(question(1, total));
    },
    /** A new empty folder for the test; returns the answers file path in it. */
    fresh(): string {
      dir = mkdtempSync(join(tmpdir(), prefix));
      return join(dir, 'answers.yaml');
    },
  };
}
