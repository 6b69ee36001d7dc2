/**
 * "Start here" (docs/formulas.md, "The improvement plan"): every human format opens with the verdict
 * and the first three actions of phase 1, with owner and effort; effort is explained once.
 */
import { describe, expect, it } from 'vitest';
import { loadGapFormat } from '../../src/report/gap/formats.js';
import { startHere } from '../../src/report/gap/start-here.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems } from '../../src/rubric/model.js';
import { buildAnswers, scoreSets } from '../helpers/build.js';

const { rubric } = await loadRubric('service-commitments');
const ids = rubricItems(rubric).map((item) => item.id);
const all = (score: number) => scoreSets(rubric, [buildAnswers('a.yaml', Object.fromEntries(ids.map((id) => [id, score])), { role: 'manager' })]);
const OPTIONS = { style: plainStyle, width: 100, date: '2026-11-20' };

describe('startHere', () => {
  it('gives the verdict and the first three actions of phase 1, each with its owner', () => {
    const start = startHere(all(1));
    expect(start.verdict).toMatch(/^0 of 13 items at target; the largest gap: .+$/);
    expect(start.actions).toHaveLength(3);
    for (const step of start.actions) {
      expect(step.phase).toBe(1);
      expect(step.owner).not.toBeNull();
    }
    // Phase 1 opens with a low-effort quick win on the built-in rubric.
    expect(start.actions[0]!.effort).toBe('low');
  });

  it('says so when every item is at target, and when nothing was scored', () => {
    expect(startHere(all(5)).verdict).toBe('13 of 13 items at target; every scored item meets its target.');
    expect(startHere(all(5)).actions).toEqual([]);
    const none = scoreSets(rubric, [buildAnswers('a.yaml', {})]);
    expect(startHere(none).verdict).toBe('Nothing was scored yet.');
  });
});

describe('every human format opens with Start here', () => {
  it.each(['text', 'markdown', 'html'] as const)('%s: Start here before the overall score, effort explained once', async (name) => {
    const out = (await loadGapFormat(name))(all(2), OPTIONS);
    const start = out.indexOf('Start here');
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(out.search(/Overall/));
    expect(out.match(/low = days, medium = weeks, high = a quarter-long project/g)).toHaveLength(1);
    for (const step of startHere(all(2)).actions) expect(out).toContain(step.owner!);
  });

  it('csv, a machine format, has no Start here', async () => {
    expect((await loadGapFormat('csv'))(all(2), OPTIONS)).not.toContain('Start here');
  });
});
