/**
 * An error svcaudit did not foresee (a plain `Error`, not a SvcauditError), run in-process through
 * `runCli` with a context whose stdout fails on every write. docs/exit-codes.md: exit 2 ("internal error"),
 * one line naming it, and no stack trace unless `--debug` or `DEBUG=svcaudit` asks for one.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext, TextOutput } from '../../src/cli/context.js';
import { REPO } from '../helpers/run-cli.js';

const MESSAGE = 'the output device exploded';
const HINT = 'Run again with --debug to see the details, and please report it.\n';
/** A line of a stack trace, as V8 prints one. */
const STACK_LINE = /^\s+at .+$/m;

interface Run {
  readonly code: number;
  readonly stderr: string;
  readonly writes: number;
}

/** A stdout that throws on every write, from a function with a name the stack trace must show. */
function explodingStdout(counter: { writes: number }): TextOutput {
  return {
    isTTY: false,
    write: function explodingWrite(): never {
      counter.writes++;
      throw new Error(MESSAGE);
    },
  };
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stderr = '';
  const counter = { writes: 0 };
  const err = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      stderr += chunk.toString();
      callback();
    },
  });
  const ctx: CliContext = {
    stdout: explodingStdout(counter),
    stderr: Object.assign(err, { isTTY: false }),
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env: { NO_COLOR: '1', ...env },
    cwd: REPO,
  };
  const code = await runCli(argv, ctx);
  return { code, stderr, writes: counter.writes };
}

const COMMANDS: readonly (readonly string[])[] = [
  ['rubrics'],
  ['score', `${REPO}/examples/self-audit.yaml`],
  ['compare', `${REPO}/examples/interviews`, `${REPO}/examples/follow-up`, '--format', 'json'],
];

describe('an internal error (stdout.write throws a plain Error)', () => {
  describe.each(COMMANDS)('svcaudit %s …', (...argv) => {
    it('without --debug: exit 2, one line naming it, the hint, no stack trace', async () => {
      const r = await run(argv);
      expect(r.writes).toBeGreaterThan(0); // the failure really came from the write
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`svcaudit: internal error: ${MESSAGE}\n${HINT}`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });

    it('with --debug: exit 2, the same line, then the stack trace instead of the hint', async () => {
      const r = await run([...argv, '--debug']);
      expect(r.code).toBe(2);
      const [first, ...rest] = r.stderr.split('\n');
      expect(first).toBe(`svcaudit: internal error: ${MESSAGE}`);
      const trace = rest.join('\n');
      expect(trace.startsWith(`Error: ${MESSAGE}\n`)).toBe(true);
      expect(trace).toMatch(STACK_LINE);
      expect(trace).toContain('explodingWrite');
      expect(r.stderr).not.toContain('Run again with --debug');
    });
  });

  it('DEBUG=svcaudit in the environment shows the stack trace as --debug does', async () => {
    const r = await run(['rubrics'], { DEBUG: 'svcaudit' });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`svcaudit: internal error: ${MESSAGE}`);
    expect(r.stderr).toMatch(STACK_LINE);
    expect(r.stderr).toContain('explodingWrite');
    expect(r.stderr).not.toContain('Run again with --debug');
  });

  it('DEBUG may list svcaudit among other namespaces', async () => {
    for (const value of ['express,svcaudit', 'svcaudit,express', 'a,svcaudit,b']) {
      const r = await run(['rubrics'], { DEBUG: value });
      expect(r.stderr, `DEBUG=${value}`).toMatch(STACK_LINE);
    }
  });

  it('a DEBUG that names another namespace keeps the stack trace hidden', async () => {
    for (const value of ['', 'express', 'svcaudit-x', 'notsvcaudit', 'svcaudit2']) {
      const r = await run(['rubrics'], { DEBUG: value });
      expect(r.code).toBe(2);
      expect(r.stderr, `DEBUG=${value}`).toBe(`svcaudit: internal error: ${MESSAGE}\n${HINT}`);
    }
  });

  it('the failure in help output (written by commander through the context) is an internal error too', async () => {
    const r = await run(['score', '--help']);
    expect(r.writes).toBeGreaterThan(0);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`svcaudit: internal error: ${MESSAGE}\n${HINT}`);
  });
});
