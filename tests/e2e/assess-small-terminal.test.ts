/**
 * `svcaudit assess` in a common 80×24 terminal (and a smaller one), in tmux:
 * every screen fits, so the ways on ("Not applicable", "Skip", "Back") are
 * always on screen, the help line is the last line (nothing is cut below
 * it), the intro's "Saving to …" stays in view on the first screen, and no
 * line is folded by the terminal. Then the keys `s`, `b` and `n` do what the
 * help line says, and what was chosen is what gets saved.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/shared/text-width.js';
import { readAnswersFile, scoresOf } from '../helpers/answers-file.js';
import { assessHarness } from '../helpers/assess-harness.js';
import { SKIP_TMUX } from '../helpers/tmux.js';

const SMALL = { columns: 80, rows: 24 };

describe.skipIf(SKIP_TMUX)('svcaudit assess in an 80×24 terminal', () => {
  const { start, fresh } = assessHarness('svcaudit-small-', SMALL);

  /** No line reaches the edge: with `-J`, a line the terminal folded would come back longer than the pane. */
  function expectUnfolded(screen: string, columns = SMALL.columns): void {
    for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThan(columns);
  }

  /** The question's screen, whole: its header at the top, every way on, and the help as the last line. */
  function expectWholeScreen(screen: string, title: string, back: boolean): void {
    const lines = screen.trimEnd().split('\n');
    expect(screen).toContain(`? ${title}  `);
    expect(screen).toContain('n/a  Not applicable');
    expect(screen).toContain('→    Skip for now');
    if (back) expect(screen).toContain('←    Back');
    else expect(screen).not.toContain('Back');
    // Nothing follows below the help line, so nothing was cut off there; it names the keys of the ways on.
    expect(lines.at(-1)).toMatch(back ? /^1-5 pick · n n\/a · s skip · b back · ⏎ choose/ : /^1-5 pick · n n\/a · s skip · ⏎ choose/);
    expectUnfolded(screen);
  }

  it('shows every way on, on the first item, a long one and the ones after, and n, s and b work', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml']);

    const first = await pane.waitFor('  1/13 · ');
    // The intro stays in view above the first question.
    expect(first).toContain('Service Commitments Audit · 13 questions');
    expect(first).toContain('Saving to ./answers.yaml after every answer. Stop any time with Ctrl-C.');
    expectWholeScreen(first, 'Be nice', false);

    // `s` moves to "Skip for now" (only ⏎ chooses), and skipping goes on to the second item.
    pane.keys('s');
    await pane.waitFor('❯ →    Skip for now');
    expect(pane.screen()).toContain('  1/13 · ');
    pane.keys('Enter');
    const second = await pane.waitFor('  2/13 · ');
    expectWholeScreen(second, 'Be accessible and respond quickly', true);
    expect(second).toContain('→ Be nice · skipped'); // the record of the last answer stays in view

    // `b` goes back to the first item, where `n` marks it not applicable.
    pane.keys('b');
    await pane.waitFor('❯ ←    Back');
    pane.keys('Enter');
    expectWholeScreen(await pane.waitFor('  1/13 · '), 'Be nice', false);
    pane.keys('n');
    await pane.waitFor('❯ n/a  Not applicable');
    pane.keys('Enter');
    await pane.waitFor('Note (optional');
    pane.type('no walk-in customers');
    pane.keys('Enter');

    await pane.waitFor('  2/13 · ');
    pane.keys('3', 'Enter');
    await pane.waitFor('Note (optional');
    pane.keys('Enter');

    // The items after, up to the one with the longest descriptors (11: five lines for its top level).
    for (let n = 3; n <= 11; n++) {
      const screen = await pane.waitFor(`  ${n}/13 · `);
      expectWholeScreen(screen, screen.match(/\? (.+?) {2}\d+\/13 · /)![1]!, true);
      if (n < 11) pane.keys('s', 'Enter');
    }
    expect(pane.screen()).toContain('? Remove what hinders good service  11/13 · ');
    pane.keys('C-c');

    expect(await pane.exitCode()).toBe(130);
    const stopped = pane.screen(true);
    expect(stopped).toContain('Stopped. 2 of 13 answered, saved in ./answers.yaml.');
    expect(stopped).toMatch(/^ {2}svcaudit assess --out \.\/answers\.yaml --resume$/m);
    expectUnfolded(stopped);

    const saved = await readAnswersFile(file);
    expect(saved.findings).toEqual([]);
    expect(scoresOf(saved.set!)).toEqual({ 'be-nice': 'na', 'respond-quickly': 3 });
    expect(saved.set!.answers.get('be-nice')?.note).toBe('no walk-in customers');
  });

  it('in a terminal too short for the whole list, the list scrolls, the help says so, and the keys still reach the ways on', async () => {
    fresh();
    const pane = start(['--out', 'answers.yaml'], { columns: 80, rows: 16 });
    const first = await pane.waitFor('  1/13 · ');
    expect(first).toContain('↑↓ more');
    expect(first.trimEnd().split('\n').at(-1)).toMatch(/^1-5 pick · n n\/a · s skip · ⏎ choose/);
    expectUnfolded(first);
    pane.keys('s');
    await pane.waitFor('❯ →    Skip for now');
    pane.keys('Enter');
    await pane.waitFor('  2/13 · ');
    pane.keys('b');
    await pane.waitFor('❯ ←    Back');
    pane.keys('Enter');
    await pane.waitFor('  1/13 · ');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    expect(pane.screen(true)).toContain('Nothing was answered, so nothing was saved.');
  });

  it('wraps error messages at word boundaries, and keeps the command to copy on one line', async () => {
    const file = fresh();
    writeFileSync(file, 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 2\n');
    const pane = start(['--out', 'answers.yaml']);
    expect(await pane.exitCode()).toBe(2);
    const screen = pane.screen(true);
    expectUnfolded(screen);
    expect(screen).toContain('svcaudit: ./answers.yaml: The file already exists.');
    expect(screen).toContain('`svcaudit assess --out ./answers.yaml --resume`');
    expect(screen).toContain('add --force');
  });
});
