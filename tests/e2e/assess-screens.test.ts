/**
 * The manager's session of `svcaudit assess` in tmux at 80×24 and 120×40,
 * screens read back and asserted: the rubric's description and target once
 * at the start; a "Check:" line from each item's look-for (all of them where
 * there is room); why it matters on every question or on none, with `w`
 * showing it; keys acting at once; the log of answers above the question,
 * one line per item after going back; two neighbouring levels readable in
 * full; a note stopped by Ctrl-C kept; printed commands that run as printed,
 * for `node bin/svcaudit.cjs` and for `npx svcaudit`; and Start here as the
 * last thing on screen.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { readAnswersFile, scoresOf } from '../helpers/answers-file.js';
import { assessHarness, question } from '../helpers/assess-harness.js';
import { BIN, REPO } from '../helpers/run-cli.js';
import { SKIP_TMUX, type TmuxPane } from '../helpers/tmux.js';

const { rubric } = await loadRubric(join(REPO, 'rubrics/service-commitments.yaml'));
const ITEMS = rubric!.sections.flatMap((s) => s.items);
/** How the harness starts svcaudit, and so how the commands it prints must start it. */
const CLI = `node ${BIN}`;

/** The screen's lines, the blank ones at the bottom left out. */
const lines = (screen: string) => screen.replace(/\s+$/, '').split('\n');
/** Text with its line breaks and runs of spaces as single spaces: a sentence however the terminal wrapped it. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const checkLines = (screen: string) => lines(screen).filter((line) => line.startsWith('  Check: '));
/** The first line of level `n` in the list (`❯ 3  Defined — …` or `  3  Defined — …`). */
const levelLine = (screen: string, n: number) => lines(screen).find((line) => new RegExp(`^[❯ ] ${n} {2}\\S`).test(line));
/** The log of answers: the lines above the question's header. */
function logOf(screen: string): string[] {
  const all = lines(screen);
  const header = all.findIndex((line) => line.startsWith('? '));
  return all.slice(0, header).filter((line) => /^[✔→] /.test(line));
}

describe.skipIf(SKIP_TMUX).each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('svcaudit assess at $columns×$rows', (size) => {
  const { start, run, fresh, begin } = assessHarness('svcaudit-screens-', size);
  const small = size.columns === 80;

  /** Question `n` on screen, whole: its header, the help line last, nothing wider than the terminal. */
  async function expectQuestion(pane: TmuxPane, n: number): Promise<string> {
    const screen = await pane.waitFor(question(n));
    expect(screen).toContain(`? ${ITEMS[n - 1]!.title}  ${n}/13 · `);
    expect(lines(screen).at(-1)).toMatch(/^\d-\d pick · n n\/a · s (skip|keep) · .*ctrl-c stop/);
    return screen;
  }

  /** Answers the question on screen with `key`, which acts at once, and leaves the note empty. */
  async function answer(pane: TmuxPane, key: string, note = ''): Promise<void> {
    pane.keys(key);
    await pane.waitFor('Note (optional, ⏎ to skip):');
    if (note) pane.type(note);
    pane.keys('Enter');
  }

  it('shows the description and the target once, at the start, and waits for ⏎', async () => {
    fresh();
    const pane = start(['--out', 'answers.yaml']);
    const intro = await pane.waitFor('⏎ start · ctrl-c stop');
    // The whole intro is on screen at once, from the title to the pause.
    expect(lines(intro)[0]).toBe('Service Commitments Audit · 13 questions');
    expect(intro).toContain('A self-assessment of everyday service');
    expect(flat(intro)).toContain('How to score: for each item, choose the highest level whose every part is supported by evidence');
    expect(intro).toContain('Target: 4 Consistent on every item.');
    expect(intro).toContain('Saving to ./answers.yaml after every answer.');
    expect(intro).not.toContain('1/13');
    pane.keys('Enter');
    await expectQuestion(pane, 1);
    await answer(pane, '3');
    await expectQuestion(pane, 2);
    await answer(pane, '3');
    await expectQuestion(pane, 3);
    // Said once: not on the questions, and once in all the terminal has shown.
    expect(pane.screen(true).match(/How to score:/g)).toHaveLength(1);
    expect(pane.screen(true).match(/Target: 4 Consistent/g)).toHaveLength(1);
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
  });

  it(`shows ${small ? 'one "Check:" line' : 'every look-for as "Check:"'} and why it matters ${small ? 'on no question, with w' : 'on every question'}`, async () => {
    fresh();
    const pane = start(['--out', 'answers.yaml']);
    await begin(pane);
    for (let n = 1; n <= 13; n++) {
      const item = ITEMS[n - 1]!;
      const screen = await expectQuestion(pane, n);
      const checks = checkLines(screen);
      expect(checks, item.id).toHaveLength(small ? 1 : item.lookFor.length);
      expect(checks[0]).toContain(item.lookFor[0]!.split(' ').slice(0, 4).join(' '));
      if (!small) {
        expect(screen, item.id).toContain('Why it matters:');
        expect(screen).not.toContain('w why');
      } else {
        expect(screen, item.id).not.toContain('Why it matters');
        expect(lines(screen).at(-1)).toContain('w why & checks');
        // `w` shows the why and the other look-fors in place of the list, and `w` again brings the levels back.
        pane.keys('w');
        const detail = await pane.waitFor('w levels');
        expect(detail).toContain(`Why it matters: ${item.why!.split(' ').slice(0, 4).join(' ')}`);
        expect(checkLines(detail).length, item.id).toBeGreaterThan(1);
        expect(levelLine(detail, 1)).toBeUndefined();
        pane.keys('w');
        await pane.waitFor(/^[❯ ] 1 {2}Absent/m);
      }
      pane.keys('s');
    }
    expect(await pane.exitCode()).toBe(0);
  });

  it('acts on keys at once, keeps a log above the question, and after going back shows each item once', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml']);
    await begin(pane);
    // A digit answers: the note prompt follows at once, with the answer given.
    pane.keys('4');
    expect(await pane.waitFor('Note (optional')).toContain('✔ Be nice  1/13 · 4 Consistent');
    pane.keys('Enter');
    await expectQuestion(pane, 2);
    pane.keys('n');
    expect(await pane.waitFor('Note (optional')).toContain('✔ Be accessible and respond quickly  2/13 · not applicable');
    pane.keys('Enter');
    await expectQuestion(pane, 3);
    pane.keys('s'); // skip: straight on to the next question
    await expectQuestion(pane, 4);
    await answer(pane, '2');
    await expectQuestion(pane, 5);
    await answer(pane, '3');
    await expectQuestion(pane, 6);
    await answer(pane, '5');

    // Six answers on: the question is whole, the log above it, the last answer latest, at most five lines.
    const seventh = await expectQuestion(pane, 7);
    const log = logOf(seventh);
    expect(log.length).toBeGreaterThanOrEqual(1);
    expect(log.length).toBeLessThanOrEqual(5);
    expect(log.at(-1)).toBe('✔ Get to the point · 5 Measured and improving');
    if (!small) expect(log).toEqual([
      '✔ Be accessible and respond quickly · not applicable',
      '→ Give the benefit of the doubt · not answered',
      "✔ Don't lose your cool · 2 Ad hoc",
      '✔ Be generous · 3 Defined',
      '✔ Get to the point · 5 Measured and improving',
    ]);

    // `b` goes back at once: three questions, three presses.
    for (const n of [6, 5, 4]) {
      pane.keys('b');
      await expectQuestion(pane, n);
    }
    expect(pane.screen()).toMatch(/^❯ 2 {2}Ad hoc/m); // the answer it has, preselected
    expect(lines(pane.screen()).at(-1)).toMatch(/ · s keep · /); // and `s` would keep it, not erase it
    await answer(pane, '1');
    const fifth = await expectQuestion(pane, 5);
    // The changed answer, once: no old line beside it, no record of going back.
    expect(logOf(fifth).at(-1)).toBe("✔ Don't lose your cool · 1 Absent");
    expect(lines(fifth).filter((line) => line.includes("Don't lose your cool"))).toHaveLength(1);
    expect(pane.screen(true)).not.toMatch(/· back|2 Ad hoc$/m);
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    expect(scoresOf((await readAnswersFile(file)).set!)).toEqual({ 'be-nice': 4, 'respond-quickly': 'na', 'keep-your-cool': 1, 'be-generous': 3, 'get-to-the-point': 5 });
  });

  it(`lets two neighbouring levels be read in full${small ? '' : ', and every level'}, whichever is highlighted`, async () => {
    fresh();
    const pane = start(['--out', 'answers.yaml']);
    await begin(pane);
    pane.keys('s');
    // "Be accessible and respond quickly": its level 3 is the longest descriptor of the rubric.
    let screen = await expectQuestion(pane, 2);
    for (let k = 1; k <= 4; k++) {
      expect(levelLine(screen, k), `level ${k}`).toMatch(/^❯/);
      for (const n of [k, k + 1]) expect(levelLine(screen, n), `level ${n} with ${k} highlighted`).not.toMatch(/…$/);
      if (k === 2 || k === 3) expect(screen).toMatch(/hourly volumes and funded\.$/m);
      if (!small) for (let n = 1; n <= 5; n++) expect(screen).not.toMatch(/…$/m);
      pane.keys('Down');
      // Drawn to its end: the help line under the list.
      screen = await pane.waitFor(new RegExp(`^❯ ${k + 1} {2}[\\s\\S]*ctrl-c stop`, 'm'));
    }
    if (small) expect(levelLine(screen, 1)).toMatch(/…$/); // the others are cut, so that the pair fits
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
  });

  it('keeps a note stopped by Ctrl-C; the printed commands run as printed; Start here ends the output', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml']);
    await begin(pane);
    pane.keys('4');
    await pane.waitFor('Note (optional');
    pane.type('Calls after 6pm ring');
    await pane.waitFor('Calls after 6pm ring');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    const stopped = pane.screen(true);
    expect(flat(stopped)).toContain('Stopped. 1 of 13 answered, saved in ./answers.yaml, with the note you were typing.');
    expect((await readAnswersFile(file)).set!.answers.get('be-nice')).toEqual({ score: 4, note: 'Calls after 6pm ring', evidence: [] });

    const resume = lines(stopped).at(lines(stopped).indexOf('To go on where you left off:') + 1)!.trim();
    expect(resume).toBe(`${CLI} assess --out ./answers.yaml --resume`);
    // The command as printed, typed into a shell.
    const again = run(`${resume} --no-color`);
    expect(await again.waitFor('⏎ start')).toContain('Resuming ./answers.yaml: 1 of 13 answered.');
    again.keys('Enter');
    for (let n = 2; n <= 12; n++) {
      await expectQuestion(again, n);
      await answer(again, String(1 + (n % 5)));
    }
    await expectQuestion(again, 13);
    again.keys('s');
    expect(await again.exitCode()).toBe(0);

    const all = again.screen(true);
    expect(flat(all)).toContain(`1 item is left unanswered; to answer it: ${CLI} assess --out ./answers.yaml --resume`);
    // Saved, then the report, which ends with Start here: it is what the screen shows last.
    expect(all.lastIndexOf('Answers saved to ./answers.yaml')).toBeLessThan(all.lastIndexOf('Start here'));
    const end = lines(again.screen());
    const startHere = end.lastIndexOf('Start here');
    expect(startHere).toBeGreaterThanOrEqual(0);
    expect(end[startHere + 1]).toMatch(/^\d+ of 13 items at target; the largest gap: /);
    expect(end.slice(startHere).join('\n')).toMatch(/^ {2}3\. /m);
    expect(end.slice(startHere).join('\n')).not.toMatch(/Answers saved|To print this report again/);

    const rescore = `${CLI} score ./answers.yaml`;
    expect(flat(all)).toContain(`To print this report again: ${rescore}`);
    const report = run(rescore);
    expect(await report.exitCode()).toBe(0);
    expect(report.screen(true)).toContain('Start here');
  });
});

describe.skipIf(SKIP_TMUX)('svcaudit assess started with npx', () => {
  const { run, fresh, begin, folder } = assessHarness('svcaudit-screens-npx-', { columns: 80, rows: 24 });

  async function answer(pane: TmuxPane, key: string): Promise<void> {
    pane.keys(key);
    await pane.waitFor('Note (optional, ⏎ to skip):');
    pane.keys('Enter');
  }

  it('prints npx commands, and they work', async () => {
    fresh();
    // A project with svcaudit installed: the package in node_modules and its bin, as npm links them.
    const project = folder();
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true, dependencies: { svcaudit: '*' } }));
    mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
    symlinkSync(REPO, join(project, 'node_modules/svcaudit'));
    symlinkSync('../svcaudit/bin/svcaudit.cjs', join(project, 'node_modules/.bin/svcaudit'));
    const npx = join(dirname(process.execPath), 'npx');
    const pane = run(`${npx} --offline svcaudit assess --no-color --out a.yaml`);
    await begin(pane);
    await answer(pane, '3');
    await pane.waitFor(question(2));
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    const stopped = pane.screen(true);
    expect(stopped).toMatch(/^ {2}npx svcaudit assess --out \.\/a\.yaml --resume$/m);
    // As printed; `npx` is the one beside this node, and --offline keeps the test off the network.
    const again = run(`${npx} --offline svcaudit assess --out ./a.yaml --resume --no-color`);
    expect(await again.waitFor('⏎ start')).toContain('Resuming ./a.yaml: 1 of 13 answered.');
    again.keys('C-c');
    expect(await again.exitCode()).toBe(130);
  });
});
