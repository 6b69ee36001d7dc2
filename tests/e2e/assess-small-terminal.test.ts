/**
 * `svcaudit assess` in a common 80×24 terminal (and a smaller one), in tmux:
 * the intro fits, every question fits, the help line is the last line
 * (nothing is cut below it) and names the keys of the ways on, and no line
 * is folded by the terminal. Then the keys `s`, `b` and `n` do at once what
 * the help line says, and what was chosen is what gets saved.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/shared/text-width.js';
import { readAnswersFile, scoresOf } from '../helpers/answers-file.js';
import { assessHarness, question } from '../helpers/assess-harness.js';
import { BIN } from '../helpers/run-cli.js';
import { SKIP_TMUX } from '../helpers/tmux.js';

const SMALL = { columns: 80, rows: 24 };

describe.skipIf(SKIP_TMUX)('svcaudit assess in an 80×24 terminal', () => {
  const { start, fresh, begin } = assessHarness('svcaudit-small-', SMALL);

  /**
   * No line reaches the edge: with `-J`, a line the terminal folded would come back longer than the pane. A
   * command to copy is the exception: it is never broken, and the checkout's path in it may be long.
   */
  function expectUnfolded(screen: string, columns = SMALL.columns): void {
    for (const line of screen.split('\n')) if (!line.includes(BIN)) expect(displayWidth(line), line).toBeLessThan(columns);
  }

  /** The question's screen, whole: its header, and the help as the last line, naming the keys that act. */
  function expectWholeScreen(screen: string, title: string, back: boolean): void {
    const lines = screen.trimEnd().split('\n');
    expect(screen).toContain(`? ${title}  `);
    // Nothing follows below the help line, so nothing was cut off there; it names the keys of the ways on.
    expect(lines.at(-1)).toMatch(back ? /^1-5 pick · n n\/a · s skip · b back · w why & checks · / : /^1-5 pick · n n\/a · s skip · w why & checks · /);
    expectUnfolded(screen);
  }

  it('fits the intro and every question, and n, s and b act at once', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml']);

    // The intro fits whole, from its title to the pause.
    const intro = await pane.waitFor('⏎ start · ctrl-c stop');
    expect(intro).toMatch(/^Service Commitments Audit · 13 questions$/m);
    expect(intro).toContain('Saving to ./answers.yaml after every answer. Stop any time with Ctrl-C.');
    expectUnfolded(intro);
    pane.keys('Enter');
    expectWholeScreen(await pane.waitFor(question(1)), 'Be nice', false);

    // `s` skips at once, and goes on to the second item.
    pane.keys('s');
    const second = await pane.waitFor(question(2));
    expectWholeScreen(second, 'Be accessible and respond quickly', true);
    expect(second).toContain('→ Be nice · not answered'); // the log of the last answer stays in view

    // `b` goes back to the first item at once, where `n` marks it not applicable.
    pane.keys('b');
    expectWholeScreen(await pane.waitFor(question(1)), 'Be nice', false);
    pane.keys('n');
    expect(await pane.waitFor('Note (optional')).toContain('✔ Be nice  1/13 · not applicable');
    pane.type('no walk-in customers');
    pane.keys('Enter');

    await pane.waitFor(question(2));
    pane.keys('3');
    await pane.waitFor('Note (optional');
    pane.keys('Enter');

    // The items after, up to the one with the longest descriptors.
    for (let n = 3; n <= 11; n++) {
      const screen = await pane.waitFor(question(n));
      expectWholeScreen(screen, screen.match(/^\? (.+?) {2}\d+\/13 · /m)![1]!, true);
      if (n < 11) pane.keys('s');
    }
    expect(pane.screen()).toContain('? Remove what hinders good service  11/13 · ');
    pane.keys('C-c');

    expect(await pane.exitCode()).toBe(130);
    const stopped = pane.screen(true);
    expect(stopped).toContain('Stopped. 2 of 13 answered, saved in ./answers.yaml.');
    expect(stopped).toMatch(new RegExp(`^ {2}node ${BIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} assess --out \\./answers\\.yaml --resume$`, 'm'));
    expectUnfolded(stopped);

    const saved = await readAnswersFile(file);
    expect(saved.findings).toEqual([]);
    expect(scoresOf(saved.set!)).toEqual({ 'be-nice': 'na', 'respond-quickly': 3 });
    expect(saved.set!.answers.get('be-nice')?.note).toBe('no walk-in customers');
  });

  it('in a terminal too short for the whole list, the list scrolls, the help says so, and the keys still reach the ways on', async () => {
    fresh();
    const pane = start(['--out', 'answers.yaml'], { columns: 80, rows: 16 });
    const first = await begin(pane);
    expect(first).toContain('↑↓ more');
    expect(first.trimEnd().split('\n').at(-1)).toMatch(/^1-5 pick · n n\/a · s skip · w why & checks · ↑↓ more/);
    expectUnfolded(first);
    pane.keys('s');
    await pane.waitFor(question(2));
    pane.keys('b');
    await pane.waitFor(question(1));
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
    expect(screen).toContain(`\`node ${BIN} assess --out ./answers.yaml --resume\``);
    expect(screen).toContain('add --force');
  });
});
