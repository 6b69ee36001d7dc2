/**
 * Colour in `svcaudit assess` follows svcaudit's own rule (`--color` /
 * `--no-color`, then NO_COLOR, then FORCE_COLOR, then whether it is a
 * terminal), in the intro, the questions and the note prompt alike: the
 * screen is read back with its escape codes (tmux `capture-pane -e`).
 */
import { describe, expect, it } from 'vitest';
import { assessHarness, question } from '../helpers/assess-harness.js';
import { BIN } from '../helpers/run-cli.js';
import { SKIP_TMUX, shellQuote, type TmuxPane } from '../helpers/tmux.js';

const SGR = /\u001b\[[0-9;]*m/;

describe.skipIf(SKIP_TMUX)('svcaudit assess and colour', () => {
  const { run, fresh } = assessHarness('svcaudit-assess-color-', { columns: 80, rows: 24 });
  const assess = (flags: string) => `${shellQuote(process.execPath)} ${shellQuote(BIN)} assess --out a.yaml ${flags}`;

  /** The intro, the first question and its note prompt, each read with its escape codes. */
  async function screens(pane: TmuxPane): Promise<string[]> {
    await pane.waitFor('⏎ start');
    const seen = [pane.screen(false, true)];
    pane.keys('Enter');
    await pane.waitFor(question(1));
    seen.push(pane.screen(false, true));
    pane.keys('3');
    await pane.waitFor('Note (optional');
    seen.push(pane.screen(false, true));
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    return seen;
  }

  it('has none with NO_COLOR set (the panes set it), on a terminal', async () => {
    fresh();
    for (const screen of await screens(run(assess('')))) expect(screen).not.toMatch(SGR);
  });

  it('has colour with --color, even with NO_COLOR set', async () => {
    fresh();
    for (const screen of await screens(run(assess('--color')))) expect(screen).toMatch(SGR);
  });
});
