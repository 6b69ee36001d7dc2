/**
 * Arguments beyond what a command takes are bad usage (docs/exit-codes.md: exit 2), never silently
 * dropped: `svcaudit compare a b c` must not compare a with b and ignore c. The message goes to
 * stderr and nothing to stdout, through the built binary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, svcaudit } from '../helpers/run-cli.js';

beforeAll(() => requireBuild());

const CASES: readonly (readonly [argv: readonly string[], message: string])[] = [
  [['compare', 'a', 'b', 'c'], "error: too many arguments for 'compare'. Expected 2 arguments but got 3."],
  // Real, usable inputs: the extra argument is refused before anything is compared.
  [['compare', 'examples/interviews', 'examples/follow-up', 'examples/interviews'], "error: too many arguments for 'compare'. Expected 2 arguments but got 3."],
  [['template', 'extra'], "error: too many arguments for 'template'. Expected 0 arguments but got 1."],
  [['template', '--format', 'csv', 'extra'], "error: too many arguments for 'template'. Expected 0 arguments but got 1."],
  [['rubrics', 'x'], "error: too many arguments for 'rubrics'. Expected 0 arguments but got 1."],
  [['rubric', 'show', 'a', 'b'], "error: too many arguments for 'show'. Expected 1 argument but got 2."],
  [['rubric', 'show', 'service-commitments', 'service-commitments'], "error: too many arguments for 'show'. Expected 1 argument but got 2."],
];

describe('excess arguments', () => {
  it.each(CASES)('svcaudit %j: exit 2, the message on stderr, nothing on stdout', async (argv, message) => {
    const r = await svcaudit(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
  });

  it('the same commands with the right number of arguments succeed (the refusal is about the count)', async () => {
    for (const argv of [['template'], ['rubrics'], ['rubric', 'show', 'service-commitments'], ['compare', 'examples/interviews', 'examples/follow-up']]) {
      const r = await svcaudit(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).not.toBe('');
    }
  });
});
