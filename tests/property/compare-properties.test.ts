/**
 * Properties of `compare` over generated audits (docs/statistics.md, "Compare: telling change
 * from noise"):
 * - a follow-up drawn from the same distribution as its baseline is called improved or slipped
 *   on at most about 5% of items, and on few audits at all (Holm holds the chance of any false
 *   call in an audit at 0.05), paired or independent;
 * - no verdict, interval or figure depends on the order the respondents were read in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import type { Comparison } from '../../src/compare/comparison.js';
import type { AnswerSet } from '../../src/core/answers.js';
import type { Rubric } from '../../src/rubric/model.js';
import { tableSample } from '../../src/compare/sample.js';
import { buildAnswers, buildRubric, scoredSide, scoreSets } from '../helpers/build.js';
import type { AnswerSpec } from '../helpers/build.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** mulberry32: answers are drawn from a distribution, with a seed fast-check chose and can replay. */
function random(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ['customer', 'staff', 'manager'];

/** An audit design: items with their own answer distribution, the sizes of the two sides, and whether the same people answer both. */
const arbAudit = fc.record({
  items: fc.integer({ min: 3, max: 13 }),
  /** Per item, relative weights of the levels 1..5 (at least one above 0). */
  distributions: fc.array(fc.tuple(...Array.from({ length: 5 }, () => fc.integer({ min: 0, max: 6 }))).filter((w) => w.some((x) => x > 0)), { minLength: 13, maxLength: 13 }),
  before: fc.integer({ min: 3, max: 45 }),
  after: fc.integer({ min: 3, max: 45 }),
  paired: fc.boolean(),
  missing: fc.double({ min: 0, max: 0.25, noNaN: true }),
  seed: fc.integer(),
});

type Audit = typeof arbAudit extends fc.Arbitrary<infer T> ? T : never;

/** Two sections of unequal weight; the fifth item, where there is one, weighs 0. */
function rubricOf(items: number): Rubric {
  const ids = Array.from({ length: items }, (_, i) => (i === 4 ? { id: `i${i}`, weight: 0 } : `i${i}`));
  return buildRubric({ sections: [{ id: 'a', items: ids.slice(0, Math.ceil(items / 2)) }, { id: 'b', weight: 2, items: ids.slice(Math.ceil(items / 2)) }] });
}

/** Both sides drawn from the same distributions: whatever the comparison finds is noise. */
function drawSides(audit: Audit): { rubric: Rubric; before: AnswerSet[]; after: AnswerSet[] } {
  const rubric = rubricOf(audit.items);
  const rand = random(audit.seed);
  const draw = (weights: readonly number[]): number => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = rand() * total;
    for (let level = 0; level < weights.length; level++) {
      r -= weights[level]!;
      if (r < 0) return level + 1;
    }
    return weights.length;
  };
  const side = (prefix: string, count: number): AnswerSet[] =>
    Array.from({ length: count }, (_, i) => {
      const answers: Record<string, AnswerSpec> = {};
      for (let k = 0; k < audit.items; k++) {
        const r = rand();
        if (r < audit.missing / 2) continue;
        answers[`i${k}`] = r < audit.missing ? 'na' : draw(audit.distributions[k]!);
      }
      // Paired: the same ids on both sides (the smaller side's people answer both); independent: nobody named.
      const respondent: Record<string, string> = { role: ROLES[i % 3]! };
      if (audit.paired) respondent.id = `p${i}`;
      return buildAnswers(`${prefix}${i}.yaml`, answers, respondent);
    });
  return { rubric, before: side('b', audit.before), after: side('a', audit.after) };
}

function compareDrawn(rubric: Rubric, before: readonly AnswerSet[], after: readonly AnswerSet[]): Comparison {
  return compareSides(scoredSide(rubric, before, { by: 'role' }), scoredSide(rubric, after, { by: 'role' }), { by: 'role' });
}

const called = (c: Comparison): number => c.items.filter((i) => i.verdict === 'improved' || i.verdict === 'slipped').length;

describe('compare under no change', () => {
  it('calls at most about 5% of items improved or slipped, and few audits at all', () => {
    const tally = { audits: 0, items: 0, called: 0, auditsCalled: 0, paired: 0, overall: 0, overallCalled: 0 };
    fc.assert(
      fc.property(arbAudit, (audit) => {
        const { rubric, before, after } = drawSides(audit);
        const c = compareDrawn(rubric, before, after);
        tally.audits++;
        tally.items += c.items.length;
        tally.called += called(c);
        if (called(c) > 0) tally.auditsCalled++;
        if (c.design === 'paired') tally.paired++;
        if (c.overall.verdict !== 'too few answers') {
          tally.overall++;
          if (c.overall.verdict !== 'no clear change') tally.overallCalled++;
        }
      }),
      propertyRuns({ runs: 300, seed: 20261120 }),
    );
    // Both designs were drawn.
    expect(tally.paired).toBeGreaterThan(tally.audits / 5);
    expect(tally.paired).toBeLessThan((tally.audits * 4) / 5);
    expect(tally.called / tally.items).toBeLessThanOrEqual(0.05);
    // Holm: the chance of any false call in an audit is at most 0.05; allow for the sampling error of a few hundred audits.
    expect(tally.auditsCalled / tally.audits).toBeLessThanOrEqual(0.08);
    // The overall interval is a 95% interval of its own, not adjusted: about 5% of the audits it judges.
    expect(tally.overallCalled / Math.max(1, tally.overall)).toBeLessThanOrEqual(0.1);
  });

  it('calls a change that is there: every answer one level up, 25 a side', () => {
    // A check that the property above is not met by a comparison that never calls anything.
    fc.assert(
      fc.property(arbAudit, (audit) => {
        const { rubric, before } = drawSides({ ...audit, before: 25, items: 3, missing: 0, distributions: audit.distributions.map(() => [1, 1, 1, 1, 0]) });
        // The same people, every answer one level up.
        const lifted = before.map((set) => ({ ...set, source: `a-${set.source}`, answers: new Map([...set.answers].map(([id, a]) => [id, { ...a, score: typeof a.score === 'number' ? a.score + 1 : a.score }])) }));
        const c = compareDrawn(rubric, before, lifted);
        return c.items.every((i) => i.verdict === 'improved') && c.overall.verdict === 'improved';
      }),
      propertyRuns({ runs: 20, seed: 7 }),
    );
  });
});

describe('compare and the order of respondents', () => {
  it('gives the same comparison whatever order the respondents of either side come in', () => {
    fc.assert(
      fc.property(arbAudit, fc.integer(), (audit, shuffleSeed) => {
        const { rubric, before, after } = drawSides(audit);
        const rand = random(shuffleSeed);
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const c = compareDrawn(rubric, before, after);
        const s = compareDrawn(rubric, shuffle(before), shuffle(after));
        expect(s.items).toEqual(c.items);
        expect(s.sections).toEqual(c.sections);
        expect(s.overall).toEqual(c.overall);
        expect(s.groups).toEqual(c.groups);
        expect(s.warnings).toEqual(c.warnings);
        expect([s.design, s.pairs]).toEqual([c.design, c.pairs]);
      }),
      propertyRuns({ runs: 60, seed: 42 }),
    );
  });
});

describe("compare's figures of a group and score's of the same respondents", () => {
  it('agree: the V and df of every section and the overall score are the se^2 and df of the score report', () => {
    fc.assert(
      fc.property(arbAudit, (audit) => {
        const { rubric, before } = drawSides(audit);
        const sample = tableSample(rubric, scoredSide(rubric, before).table);
        const report = scoreSets(rubric, before);
        const pairs = [...report.sections.map((s) => [s, sample.sections.get(s.id)!] as const), [report.overall, sample.overall] as const];
        for (const [r, s] of pairs) {
          expect(s.score).toBe(r.score);
          expect(s.df).toBe(r.df);
          if (r.se === null) expect(s.V).toBeNull();
          else expect(s.V).toBeCloseTo(r.se * r.se, 14);
        }
      }),
      propertyRuns({ runs: 100, seed: 5 }),
    );
  });
});
