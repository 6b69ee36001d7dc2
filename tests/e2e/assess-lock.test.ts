/**
 * Two `assess` sessions on one answers file, in real terminals: the second is refused and told who
 * holds the file; once the first stops with Ctrl-C its lock is gone and `--resume` goes on.
 */
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { assessHarness } from '../helpers/assess-harness.js';
import { SKIP_TMUX } from '../helpers/tmux.js';

describe.skipIf(SKIP_TMUX)('the assess lock in a terminal', () => {
  const { start, fresh } = assessHarness('svcaudit-assess-lock-');

  it('refuses a second session, names the first, and is released on Ctrl-C', async () => {
    const file = fresh();
    const first = start(['--out', 'answers.yaml']);
    await first.waitFor('⏎ start');
    const pid = await first.pid();
    const second = start(['--out', 'answers.yaml', '--resume']);
    expect(await second.exitCode()).toBe(2);
    const refused = second.screen(true).replace(/\s+/g, ' ');
    expect(refused).toContain(`Another assess session is answering into this file (process ${pid} on ${hostname()}, since`);
    first.keys('C-c');
    expect(await first.exitCode()).toBe(130);
    expect(existsSync(join(dirname(file), '.answers.yaml.lock'))).toBe(false);
    const third = start(['--out', 'answers.yaml', '--resume']);
    await third.waitFor('⏎ start');
    third.keys('Enter');
    await third.waitFor('  1/13 · ');
    third.keys('C-c');
    expect(await third.exitCode()).toBe(130);
  });

  it('--resume through a symbolic link saves into the file it names and keeps the link', async () => {
    const file = fresh();
    const real = join(dirname(file), 'real.yaml');
    writeFileSync(real, 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 2\n');
    symlinkSync(real, file);
    const pane = start(['--out', 'answers.yaml', '--resume']);
    await pane.waitFor('⏎ start');
    pane.keys('Enter');
    await pane.waitFor('  2/13 · ');
    // A digit answers at once.
    pane.keys('4');
    await pane.waitFor('Note (optional');
    pane.keys('Enter');
    await pane.waitFor('  3/13 · ');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/respond-quickly: 4/);
  });
});
