/** The text report of the real example interviews, at common terminal widths: no line is wider than the terminal. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import { displayWidth } from '../../src/report/shared/text-width.js';
import { text } from '../../src/report/gap/text.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import { addAnswerSet, buildReport, createTally } from '../../src/scoring/index.js';
import { REPO } from '../helpers/run-cli.js';


async function interviewsReport(by?: string) {
  const { value: rubric } = await checkRubricText(readFileSync(join(REPO, 'rubrics/service-commitments.yaml'), 'utf8'), 'rubric.yaml');
  const tally = createTally(rubric!, { by });
  const dir = join(REPO, 'examples/interviews');
  const files = readdirSync(dir).sort().map((f) => join('examples/interviews', f));
  const previous = process.cwd();
  process.chdir(REPO);
  try {
    await readAnswerSets(files, rubric!, (set) => addAnswerSet(tally, set));
  } finally {
    process.chdir(previous);
  }
  return buildReport(tally);
}

describe('the text report fits the terminal', () => {
  it.each([
    [80, undefined],
    [80, 'role'],
    [100, 'role'],
    [140, 'role'],
  ])('at %i columns (--by %s)', async (width, by) => {
    const report = await interviewsReport(by);
    const lines = text(report, { style: plainStyle, width, date: '2026-11-23' }).split('\n');
    const widest = Math.max(...lines.map((line) => displayWidth(line)));
    expect(widest).toBeLessThanOrEqual(width);
  });
});
