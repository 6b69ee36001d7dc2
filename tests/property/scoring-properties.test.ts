import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerSet, Score } from '../../src/core/answers.js';
import type { Rubric } from '../../src/rubric/model.js';
import { rubricItems } from '../../src/rubric/model.js';
import { effectiveWeights } from '../../src/scoring/index.js';
import type { Report } from '../../src/scoring/index.js';
import { buildAnswers, buildRubric, scoreSets } from '../helpers/build.js';
import type { AnswerSpec } from '../helpers/build.js';

/** A random rubric: scale min -2..2 with 2..10 levels, 1-3 sections of 1-4 items, weights incl. zeros. */
const arbRubric: fc.Arbitrary<Rubric> = fc
  .record({ min: fc.integer({ min: -2, max: 2 }), size: fc.integer({ min: 2, max: 10 }) })
  .chain(({ min, size }) => {
    const max = min + size - 1;
    const level = fc.integer({ min, max });
    const item = fc.record({ weight: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 3, noNaN: true })), target: level });
    const section = fc.record({ weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 3, noNaN: true })), items: fc.array(item, { minLength: 1, maxLength: 4 }) });
    return fc.array(section, { minLength: 1, maxLength: 3 }).map((sections) =>
      buildRubric({
        scale: { min, max },
        sections: sections.map((s, si) => ({
          id: `s${si}`,
          weight: s.weight,
          items: s.items.map((i, ii) => ({ id: `s${si}-i${ii}`, weight: i.weight, target: i.target, actions: [{ to: i.target }, { to: Math.max(min, i.target - 1) }] })),
        })),
      }),
    );
  });

/** A rubric and 0-12 respondents; each answer a level, `na`, blank or absent, some with notes. */
const arbCase = arbRubric.chain((rubric) => {
  const ids = rubricItems(rubric).map((i) => i.id);
  const { min, max } = rubric.scale;
  const score: fc.Arbitrary<Score | undefined> = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constant<'na'>('na') },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const answer = fc.record({ score, note: fc.option(fc.constantFrom('slow', 'kind', 'rude'), { nil: undefined }) });
  const respondent = fc.record({
    answers: fc.tuple(...ids.map(() => answer)),
    role: fc.option(fc.constantFrom('staff', 'customer', 'manager'), { nil: undefined }),
    csv: fc.boolean(),
  });
  return fc.record({ rubric: fc.constant(rubric), people: fc.array(respondent, { maxLength: 12 }) }).map(({ rubric, people }) => {
    const sets = people.map((p, k): AnswerSet => {
      const answers: Record<string, AnswerSpec> = {};
      p.answers.forEach((a, i) => {
        if (a.score !== undefined) answers[ids[i]!] = a.note === undefined ? a.score : { score: a.score, note: a.note };
      });
      // Half the respondents come from rows of one CSV, the rest from their own files.
      return buildAnswers(p.csv ? `survey.csv:${k + 2}` : `r${k}.yaml`, answers, p.role === undefined ? {} : { role: p.role });
    });
    return { rubric, sets };
  });
});

function allIndexes(report: Report): (number | null)[] {
  return [report.overall.index, ...report.sections.map((s) => s.index), ...report.items.map((i) => i.index)];
}

describe('scoring properties', () => {
  it('priorities add up to the overall gap', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, sets }) => {
        const report = scoreSets(rubric, sets);
        const sum = report.items.reduce((acc, i) => acc + (i.priority ?? 0), 0);
        if (report.overall.gap === null) expect(sum).toBe(0);
        else expect(sum).toBeCloseTo(report.overall.gap, 9);
      }),
    );
  });

  it('keeps every index within 0..100', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, sets }) => {
        for (const index of allIndexes(scoreSets(rubric, sets))) {
          if (index === null) continue;
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('gives the same report, to the bit, however the respondents are ordered', () => {
    const arbShuffled = arbCase.chain(({ rubric, sets }) =>
      fc.shuffledSubarray(sets, { minLength: sets.length, maxLength: sets.length }).map((shuffled) => ({ rubric, sets, shuffled })),
    );
    fc.assert(
      fc.property(arbShuffled, fc.constantFrom(undefined, 'role'), ({ rubric, sets, shuffled }, by) => {
        // Quotes by name: `--attribution role` numbers respondents in input order ("customer 2"), by design.
        const a = scoreSets(rubric, sets, by === undefined ? { attribution: 'name' } : { by, attribution: 'name' });
        const b = scoreSets(rubric, shuffled, by === undefined ? { attribution: 'name' } : { by, attribution: 'name' });
        expect(b).toStrictEqual(a);
        // Key order too: the JSON output must not change.
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
    );
  });

  it('makes effective weights add up to 1 whenever an item of positive weight was scored', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, sets }) => {
        const report = scoreSets(rubric, sets);
        const isScored = (id: string): boolean => report.items.some((i) => i.id === id && i.n > 0);
        const weights = effectiveWeights(rubric, isScored);
        const counted = rubricItems(rubric).some((i) => i.weight > 0 && isScored(i.id));
        const itemSum = [...weights.items.values()].reduce((acc, e) => acc + e, 0);
        const sectionSum = report.sections.reduce((acc, s) => acc + s.weight, 0);
        expect(report.overall.score === null).toBe(!counted);
        if (counted) {
          expect(itemSum).toBeCloseTo(1, 12);
          expect(sectionSum).toBeCloseTo(1, 12);
        } else {
          expect(itemSum).toBe(0);
          expect(sectionSum).toBe(0);
        }
        // Unscored items get no weight at all.
        for (const item of rubricItems(rubric)) expect(weights.items.has(item.id)).toBe(isScored(item.id));
      }),
    );
  });

  it('matches a direct computation from the list of scores', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, sets }) => {
        const report = scoreSets(rubric, sets);
        for (const item of report.items) {
          const xs = sets.flatMap((s) => {
            const v = s.answers.get(item.id)?.score;
            return typeof v === 'number' ? [v] : [];
          });
          const na = sets.filter((s) => s.answers.get(item.id)?.score === 'na').length;
          expect(item.n).toBe(xs.length);
          expect(item.na).toBe(na);
          if (xs.length === 0) {
            expect(item.score).toBeNull();
            continue;
          }
          const sorted = [...xs].sort((a, b) => a - b);
          const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
          const mid = Math.floor(xs.length / 2);
          const median = xs.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
          expect(item.score).toBeCloseTo(mean, 12);
          expect(item.median).toBe(median);
          expect(item.min).toBe(sorted[0]);
          expect(item.max).toBe(sorted.at(-1));
          expect(item.gap).toBeCloseTo(Math.max(0, item.target - mean), 12);
          if (xs.length < 2) {
            expect(item.sd).toBeNull();
          } else {
            const variance = xs.reduce((acc, x) => acc + (x - mean) ** 2, 0) / (xs.length - 1);
            expect(item.sd).toBeCloseTo(Math.sqrt(variance), 9);
          }
        }
      }),
    );
  });

  it('plans only actions with score < to <= target and a value above 0, by phase 1..4', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, sets }) => {
        const report = scoreSets(rubric, sets);
        const byId = new Map(report.items.map((i) => [i.id, i]));
        let lastPhase = 1;
        for (const step of report.plan) {
          const item = byId.get(step.item)!;
          expect(item.score).not.toBeNull();
          expect(item.score!).toBeLessThan(step.to);
          expect(step.to).toBeLessThanOrEqual(item.target);
          expect(step.value).toBeGreaterThan(0);
          expect([1, 2, 3, 4]).toContain(step.phase);
          expect(step.phase).toBeGreaterThanOrEqual(lastPhase);
          lastPhase = step.phase;
        }
      }),
    );
  });
});
