/**
 * `assess --role R` in a real terminal: only the items whose audience includes R are asked
 * (docs/file-formats.md, `audience`), the intro says how many were left out, and the answers file
 * leaves them unanswered.
 */
import { describe, expect, it } from 'vitest';
import { readAnswersFile, scoresOf } from '../helpers/answers-file.js';
import { assessHarness, question } from '../helpers/assess-harness.js';
import { SKIP_TMUX } from '../helpers/tmux.js';

describe.skipIf(SKIP_TMUX)('svcaudit assess --role', () => {
  const { start, fresh, begin } = assessHarness('svcaudit-assess-role-');

  it('asks a customer the 11 items a customer can judge, says 2 were left out, and saves only those', async () => {
    const file = fresh();
    const pane = start(['--out', 'answers.yaml', '--role', 'customer']);
    const intro = await pane.waitFor('⏎ start');
    expect(intro).toContain('2 items are for other roles than customer and left out.');
    await begin(pane, 11);
    for (let n = 1; n <= 11; n++) {
      await pane.waitFor(question(n, 11));
      pane.keys('3');
      await pane.waitFor('Note (optional');
      pane.keys('Enter');
    }
    expect(await pane.exitCode()).toBe(0);
    const saved = await readAnswersFile(file);
    const scores = scoresOf(saved.set!);
    expect(Object.keys(scores)).toHaveLength(11);
    expect(scores).not.toHaveProperty('remove-hindrances');
    expect(scores).not.toHaveProperty('train-everyone');
    expect(saved.set!.respondent).toEqual({ role: 'customer' });
    expect(pane.screen(true)).toContain('11 of 11 answered');
  });
});
