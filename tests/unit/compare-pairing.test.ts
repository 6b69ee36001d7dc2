/**
 * Who is paired across two audits (docs/statistics.md, "Paired or independent"): by
 * `respondent.id`, or by `name` when no respondent on either side has an id; keys trimmed; a
 * missing or repeated key pairs nobody; paired when at least 3 pairs are at least half of each side.
 */
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import { pairRespondents } from '../../src/compare/pairing.js';
import { RespondentTable } from '../../src/compare/respondent-table.js';
import type { AnswerSet } from '../../src/core/answers.js';
import { buildAnswers, buildRubric, savedSide, scoredSide, scoreSets } from '../helpers/build.js';

const RUBRIC = buildRubric({ sections: [{ id: 's', items: ['q'] }] });

function table(people: readonly Record<string, string>[]): RespondentTable {
  const t = new RespondentTable(RUBRIC);
  people.forEach((respondent, i) => t.add(buildAnswers(`f${i}.yaml`, { q: 3 }, respondent)));
  return t;
}

const ids = (...keys: string[]) => keys.map((id) => ({ id }));
const names = (...keys: string[]) => keys.map((name) => ({ name }));

describe('pairRespondents', () => {
  it('pairs by id, in the baseline’s order', () => {
    const p = pairRespondents(table(ids('a', 'b', 'c')), table(ids('c', 'a', 'b')));
    expect(p).toMatchObject({ design: 'paired', pairs: 3, by: 'id', repeated: { before: 0, after: 0 } });
    expect([...p.before]).toEqual([0, 1, 2]);
    expect([...p.after]).toEqual([1, 2, 0]);
  });

  it('compares keys as trimmed text, case kept', () => {
    const p = pairRespondents(table(ids(' a', 'b ', 'C')), table(ids('a', ' b', 'c')));
    expect(p.pairs).toBe(2);
  });

  it('pairs by name when no respondent on either side has an id', () => {
    expect(pairRespondents(table(names('Ann', 'Bo', 'Cy')), table(names('Cy', 'Bo', 'Ann')))).toMatchObject({ design: 'paired', pairs: 3, by: 'name' });
  });

  it('pairs by id as soon as one respondent anywhere has one: the others have no key', () => {
    const before = table([{ name: 'Ann' }, { name: 'Bo' }, { name: 'Cy' }]);
    const after = table([{ name: 'Ann', id: 'R1' }, { name: 'Bo' }, { name: 'Cy' }]);
    expect(pairRespondents(before, after)).toMatchObject({ design: 'independent', pairs: 0, by: 'id' });
  });

  it('leaves a respondent without a key unpaired (blank counts as none)', () => {
    const p = pairRespondents(table([...ids('a', 'b', 'c'), { id: '  ' }, {}]), table(ids('a', 'b', 'c', 'd')));
    // 3 pairs; 3 of the baseline's 5 is more than half, 3 of 4 too.
    expect(p).toMatchObject({ design: 'paired', pairs: 3 });
  });

  it('leaves a key that repeats on its side unpaired, on both sides, and counts them', () => {
    const p = pairRespondents(table(ids('a', 'a', 'b', 'c', 'd')), table(ids('a', 'b', 'c', 'd', 'd', 'd')));
    expect(p.pairs).toBe(2);
    expect(p.repeated).toEqual({ before: 2, after: 3 });
    expect(p.design).toBe('independent');
  });

  it.each([
    { name: 'two pairs are too few', before: ['a', 'b'], after: ['a', 'b'], design: 'independent' },
    { name: 'three pairs are enough', before: ['a', 'b', 'c'], after: ['a', 'b', 'c'], design: 'paired' },
    { name: 'exactly half of a side is enough', before: ['a', 'b', 'c', 'x', 'y', 'z'], after: ['a', 'b', 'c'], design: 'paired' },
    { name: 'less than half of a side is not', before: ['a', 'b', 'c', 'w', 'x', 'y', 'z'], after: ['a', 'b', 'c'], design: 'independent' },
    { name: 'less than half of the follow-up is not either', before: ['a', 'b', 'c'], after: ['a', 'b', 'c', 'w', 'x', 'y', 'z'], design: 'independent' },
  ] as const)('$name', ({ before, after, design }) => {
    expect(pairRespondents(table(ids(...before)), table(ids(...after))).design).toBe(design);
  });
});

describe('the design of a comparison', () => {
  const sets = (prefix: string, scores: number[], who: (i: number) => Record<string, string>): AnswerSet[] => scores.map((q, i) => buildAnswers(`${prefix}${i}.yaml`, { q }, who(i)));

  it('is independent with a saved report on either side, pairing nobody', () => {
    const people = sets('b', [1, 2, 3, 4], (i) => ({ id: `r${i}` }));
    for (const c of [compareSides(savedSide(scoreSets(RUBRIC, people)), scoredSide(RUBRIC, people)), compareSides(scoredSide(RUBRIC, people), savedSide(scoreSets(RUBRIC, people)))]) {
      expect(c).toMatchObject({ design: 'independent', pairs: 0, details: { pairedBy: null } });
    }
  });

  it('warns about respondents left unpaired for a repeated id, naming the side', () => {
    const before = sets('b', [1, 2, 3, 4], (i) => ({ id: i < 2 ? 'same' : `r${i}` }));
    const after = sets('a', [1, 2, 3, 4], (i) => ({ id: `r${i}` }));
    const c = compareSides(scoredSide(RUBRIC, before), scoredSide(RUBRIC, after), { beforeInput: 'old.csv', afterInput: 'new.csv' });
    expect(c.warnings).toEqual([{ code: 'repeated-key', message: '2 respondents of old.csv share an id with another respondent there, so they are not paired.' }]);
    // r2 and r3 alone pair: fewer than 3.
    expect(c).toMatchObject({ design: 'independent', pairs: 2 });
  });

  it('does not depend on the order respondents were read in', () => {
    const before = sets('b', [1, 2, 3, 4, 5, 2, 3], (i) => ({ id: `r${i}` }));
    const after = sets('a', [2, 3, 4, 5, 5, 3, 3], (i) => ({ id: `r${i}` }));
    const c = compareSides(scoredSide(RUBRIC, before), scoredSide(RUBRIC, after));
    const shuffled = compareSides(scoredSide(RUBRIC, [...before].reverse()), scoredSide(RUBRIC, [after[3]!, after[0]!, after[6]!, after[1]!, after[5]!, after[2]!, after[4]!]));
    expect(shuffled.items).toEqual(c.items);
    expect(shuffled.overall).toEqual(c.overall);
  });
});
