/**
 * `svcaudit assess` as a person uses it: the built binary in a real
 * pseudo-terminal (tmux), keys sent one by one, the screen read back. The
 * issue's scenario: three answers, Ctrl-C (exit 130, three answers on disk,
 * the resume command on screen), then --resume to the end and the report.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS, readAnswersFile, scoresOf } from '../helpers/answers-file.js';
import { assessHarness, question } from '../helpers/assess-harness.js';
import { SKIP_TMUX, type TmuxPane } from '../helpers/tmux.js';
import { BIN, REPO, STACK } from '../helpers/run-cli.js';

/** How the harness starts svcaudit (`node <repo>/bin/svcaudit.cjs`), and so how the printed commands start it. */
const CLI = `node ${BIN}`;


describe.skipIf(SKIP_TMUX)('svcaudit assess in a terminal', () => {
  const { start, fresh, begin } = assessHarness('svcaudit-assess-');

  /** Answers question `n` (of 13) by its key, which acts at once, then types the note (or just Enter). */
  async function answer(pane: TmuxPane, n: number, key: string, note = ''): Promise<void> {
    await pane.waitFor(question(n));
    pane.keys(key);
    await pane.waitFor('Note (optional');
    if (note !== '') pane.type(note);
    pane.keys('Enter');
  }

  it('saves three answers, stops on Ctrl-C with exit 130 and the resume command, then resumes to the report', async () => {
    const file = fresh();
    const first = start(['--out', 'answers.yaml', '--name', 'Dana', '--role', 'manager']);
    const welcome = await first.waitFor('⏎ start');
    expect(welcome).toContain('Saving to ./answers.yaml after every answer');
    const intro = await begin(first);
    // Each screen: the title, progress, section, prompt, why, every level with label and descriptor, and the ways on.
    expect(intro).toMatch(/\? Be nice {2}1\/13 · The ten service commitments/);
    expect(intro).toContain('In recent contacts, across every team that deals with');
    expect(intro).toContain('Why it matters:');
    expect(intro).toMatch(/❯ 1 {2}Absent {17}— Fewer than half of sampled contacts/);
    expect(intro).toMatch(/5 {2}Measured and improving — At least 9 in 10 sampled contacts/);
    expect(intro).toContain('n/a  Not applicable');
    expect(intro).toContain('Skip for now');
    expect(intro).not.toContain('Back'); // nothing to go back to from the first question

    await answer(first, 1, '4', 'Calls after 6pm: "ring out" # really');
    await answer(first, 2, 'n'); // not applicable
    const third = await first.waitFor(question(3));
    expect(third).toContain('←    Back');
    await answer(first, 3, '2');
    await first.waitFor(question(4));
    first.keys('C-c');

    expect(await first.exitCode()).toBe(130);
    const stopped = first.screen(true);
    expect(stopped).toContain('Stopped. 3 of 13 answered, saved in ./answers.yaml.');
    // The role given is repeated, so that the resumed session asks the same items.
    expect(stopped).toContain(`${CLI} assess --role manager --out ./answers.yaml --resume`);
    expect(stopped).not.toMatch(STACK);

    const saved = await readAnswersFile(file);
    expect(saved.findings).toEqual([]);
    expect(scoresOf(saved.set!)).toEqual({ 'be-nice': 4, 'respond-quickly': 'na', 'benefit-of-the-doubt': 2 });
    expect(saved.set!.answers.get('be-nice')?.note).toBe('Calls after 6pm: "ring out" # really');
    expect(saved.set!.respondent).toEqual({ name: 'Dana', role: 'manager' });
    // Between the sittings the user adds a comment and a field of their own: both must outlive the session.
    writeFileSync(file, `# Dana's self-audit, first sitting\n${readFileSync(file, 'utf8')}x-team: front desk\n`);

    const second = start(['--out', 'answers.yaml', '--resume']);
    expect(await second.waitFor('⏎ start')).toContain('Resuming ./answers.yaml: 3 of 13 answered.');
    second.keys('Enter');
    await second.waitFor(question(4));
    // Back to question 3 with one key: its saved answer is preselected, and it can be changed.
    second.keys('b');
    const back = await second.waitFor(question(3));
    expect(back).toMatch(/❯ 2 {2}Ad hoc/);
    await answer(second, 3, '3');
    const keys = ['1', '2', '3', '4', '5', '1', '2', '3', '4', '5'];
    for (let n = 4; n <= 13; n++) await answer(second, n, keys[n - 4]!, n === 13 ? 'the last one' : '');

    expect(await second.exitCode()).toBe(0);
    const end = second.screen(true);
    expect(end).toContain('Overall');
    expect(end).toContain('Improvement plan');
    expect(end).toContain('13 of 13 answered');
    expect(end).toContain('Answers saved to ./answers.yaml');

    const done = await readAnswersFile(file);
    expect(done.findings).toEqual([]);
    expect(Object.keys(scoresOf(done.set!))).toEqual(ITEM_IDS);
    expect(scoresOf(done.set!)['benefit-of-the-doubt']).toBe(3);
    expect(done.set!.answers.get('be-nice')?.note).toBe('Calls after 6pm: "ring out" # really'); // kept from the first run
    expect(done.set!.answers.get('one-touch')).toEqual({ score: 5, note: 'the last one', evidence: [] });
    expect(done.set!.respondent).toEqual({ name: 'Dana', role: 'manager' });
    expect(readFileSync(file, 'utf8')).toMatch(/^# Dana's self-audit, first sitting$/m);
    expect(readFileSync(file, 'utf8')).toMatch(/^x-team: front desk$/m);
  });

  it('never overwrites an existing file without --resume or --force', async () => {
    const file = fresh();
    const before = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 2\n';
    writeFileSync(file, before);
    const pane = start(['--out', 'answers.yaml']);
    expect(await pane.exitCode()).toBe(2);
    const screen = pane.screen(true);
    expect(screen).toContain('./answers.yaml: The file already exists.');
    expect(screen).toContain('add --resume');
    expect(screen).toContain(`(\`${CLI} assess --out ./answers.yaml --resume\`)`);
    expect(screen).toContain('add --force');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses to resume a file with errors, pointing at file:line:col, and leaves it as it was', async () => {
    const file = fresh();
    const before = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 9\n';
    writeFileSync(file, before);
    const pane = start(['--out', 'answers.yaml', '--resume']);
    expect(await pane.exitCode()).toBe(1);
    expect(pane.screen(true)).toMatch(/\.\/answers\.yaml:5:12: The score of `be-nice` must be a level from 1 to 5; found 9\./);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--resume on a missing file starts a new assessment; Ctrl-C before any answer saves nothing', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml', '--resume']);
    const screen = await pane.waitFor('⏎ start');
    expect(screen).toContain('There is no ./answers.yaml yet, so this starts a new assessment there.');
    await begin(pane);
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    expect(pane.screen(true)).toContain('Nothing was answered, so nothing was saved.');
    expect(existsSync(file)).toBe(false);
  });

  it('skipped items stay unanswered; the report shows completeness and the resume command', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml']);
    await begin(pane);
    await answer(pane, 1, '5');
    for (let n = 2; n <= 13; n++) {
      await pane.waitFor(question(n));
      pane.keys('s'); // skip for now, at once
    }
    expect(await pane.exitCode()).toBe(0);
    const end = pane.screen(true);
    expect(end).toContain('1 of 13 answered');
    expect(end).toContain(`12 items are left unanswered; to answer them: ${CLI} assess --out ./answers.yaml --resume`);
    expect(Object.keys(scoresOf((await readAnswersFile(file)).set!))).toEqual(['be-nice']);
  });

  it('--resume of a complete file goes straight to the report and leaves the file as it was', async () => {
    const file = fresh();
    const before = readFileSync(join(REPO, 'examples/self-audit.yaml'), 'utf8');
    writeFileSync(file, before);
    const pane = start(['--out', 'answers.yaml', '--resume']);
    expect(await pane.exitCode()).toBe(0);
    const screen = pane.screen(true);
    expect(screen).toContain('All 13 items in ./answers.yaml are answered already.');
    expect(screen).toContain('Improvement plan');
    expect(readFileSync(file, 'utf8')).toBe(before); // comments and layout kept: nothing was rewritten
  });

  it('stops cleanly on SIGTERM as on Ctrl-C: answers kept, exit 130, the resume command shown', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml']);
    await begin(pane);
    await answer(pane, 1, '3');
    await pane.waitFor(question(2));
    process.kill(await pane.pid(), 'SIGTERM');
    expect(await pane.exitCode()).toBe(130);
    expect(pane.screen(true)).toContain(`${CLI} assess --out ./answers.yaml --resume`);
    expect(scoresOf((await readAnswersFile(file)).set!)).toEqual({ 'be-nice': 3 });
  });
});
