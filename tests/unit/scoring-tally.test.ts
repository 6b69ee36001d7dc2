import { describe, expect, it } from 'vitest';
import { addAnswerSet, createTally, NO_GROUP, splitSource } from '../../src/scoring/index.js';
import { sourceTotals } from '../../src/scoring/tally.js';
import { buildAnswers, buildRubric, itemOf, scoreSets } from '../helpers/build.js';

const rubric = buildRubric({ sections: [{ id: 's', items: ['a', 'b', 'c'] }] });

describe('splitSource', () => {
  it.each([
    ['answers/dana.yaml', 'answers/dana.yaml', -1],
    ['survey.csv:2', 'survey.csv', 2],
    ['survey.csv:1048576', 'survey.csv', 1048576],
    ['C:\\audits\\dana.yaml', 'C:\\audits\\dana.yaml', -1],
    ['C:\\audits\\survey.csv:7', 'C:\\audits\\survey.csv', 7],
    ['-', '-', -1],
    ['-:3', '-', 3],
    [':3', ':3', -1], // nothing before the colon: not a row suffix
    ['odd:name.yaml', 'odd:name.yaml', -1],
  ])('%s → file %s, row %d', (source, file, row) => {
    expect(splitSource(source)).toEqual({ file, row });
  });
});

describe('tally', () => {
  it('counts each level, na, and nothing for blanks', () => {
    const tally = createTally(rubric);
    addAnswerSet(tally, buildAnswers('r1.yaml', { a: 4, b: 'na', c: null }));
    addAnswerSet(tally, buildAnswers('r2.yaml', { a: 4, b: 2 }));
    addAnswerSet(tally, buildAnswers('r3.yaml', { a: 1 }));
    // counts[level - 1] on 1..5
    expect([...tally.items.get('a')!.counts]).toEqual([1, 0, 0, 2, 0]);
    expect([...tally.items.get('b')!.counts]).toEqual([0, 1, 0, 0, 0]);
    expect(tally.items.get('b')!.na).toBe(1);
    expect([...tally.items.get('c')!.counts]).toEqual([0, 0, 0, 0, 0]);
    expect(tally.respondents).toBe(3);
  });

  it('ignores unknown ids and scores off the scale instead of throwing', () => {
    const tally = createTally(rubric);
    addAnswerSet(tally, buildAnswers('r1.yaml', { a: 9, b: 2.5, c: 0, ghost: 3 }));
    for (const id of ['a', 'b', 'c']) expect([...tally.items.get(id)!.counts]).toEqual([0, 0, 0, 0, 0]);
    // The bad scores count as unanswered; the unknown id counts nowhere.
    expect([...sourceTotals(tally)]).toEqual([{ source: 'r1.yaml', respondents: 1, answered: 0, na: 0, unanswered: 3 }]);
  });

  it('counts the rows of a CSV into one source', () => {
    const report = scoreSets(rubric, [
      buildAnswers('survey.csv:2', { a: 3, b: 'na' }), // answered 1, na 1, unanswered 1
      buildAnswers('survey.csv:3', { a: 4, b: 4, c: 4 }), // answered 3
      buildAnswers('b.yaml', { c: 'na' }), // na 1, unanswered 2
    ]);
    expect(report.respondents).toBe(3);
    // Sorted by file name, whatever the input order.
    expect([...report.sources]).toEqual([
      { source: 'b.yaml', respondents: 1, answered: 0, na: 1, unanswered: 2 },
      { source: 'survey.csv', respondents: 2, answered: 4, na: 1, unanswered: 1 },
    ]);
  });

  it('puts respondents without the --by field, or with a blank one, in the (none) group', () => {
    const tally = createTally(rubric, { by: 'role' });
    addAnswerSet(tally, buildAnswers('1.yaml', { a: 4 }, { role: ' staff ' }));
    addAnswerSet(tally, buildAnswers('2.yaml', { a: 2 }, { name: 'Dana' }));
    addAnswerSet(tally, buildAnswers('3.yaml', { a: 3 }, { role: '  ' }));
    expect([...tally.groups.keys()]).toEqual(['staff', NO_GROUP]);
    // Level counts per item slot (a is slot 0, levels 1..5): (none) has one 2 and one 3.
    expect([...tally.groups.get(NO_GROUP)!.counts.subarray(0, 5)]).toEqual([0, 1, 1, 0, 0]);
    expect(tally.groups.get(NO_GROUP)!.respondents).toBe(2);
    expect([...tally.groups.get('staff')!.counts.subarray(0, 5)]).toEqual([0, 0, 0, 1, 0]);
    expect(tally.groups.get('staff')!.value).toBe(' staff '.trim());
  });

  it('keeps notes and evidence, attributed as --attribution name says, in file and row order', () => {
    const report = scoreSets(rubric, [
      buildAnswers('survey.csv:10', { a: { score: 2, note: 'row ten' } }, { name: 'Ben' }),
      buildAnswers('survey.csv:9', { a: { score: 'na', note: 'no phone line', evidence: ['e1', ' ', 'e2'] } }, { role: 'staff' }),
      buildAnswers('a.yaml', { a: { score: null, note: '' } }, { name: 'Dana', role: 'customer' }),
      buildAnswers('b.yaml', { a: { score: 3, evidence: ['waited 14 min'] } }, { name: 'Dana', role: 'customer' }),
    ], { attribution: 'name' });
    expect([...itemOf(report, 'a').quotes]).toEqual([
      // a.yaml's blank note and the blank evidence line are dropped.
      { by: 'Dana (customer)', kind: 'evidence', text: 'waited 14 min', source: 'b.yaml' },
      // Row 9 before row 10 (numerically, not as text); the note before its evidence.
      { by: 'staff', kind: 'note', text: 'no phone line', source: 'survey.csv:9' },
      { by: 'staff', kind: 'evidence', text: 'e1', source: 'survey.csv:9' },
      { by: 'staff', kind: 'evidence', text: 'e2', source: 'survey.csv:9' },
      { by: 'Ben', kind: 'note', text: 'row ten', source: 'survey.csv:10' },
    ]);
  });
});

describe('attribution', () => {
  const sets = () => [
    buildAnswers('a.yaml', { a: { score: 2, note: 'one' } }, { name: 'Ann', role: 'customer' }),
    buildAnswers('b.yaml', { a: { score: 3, note: 'two' } }, { name: 'Ben', role: 'Staff' }),
    buildAnswers('c.yaml', { a: { score: 4, note: 'three' } }, { name: 'Cat', role: 'customer' }),
    buildAnswers('d.yaml', { a: { score: 4, note: 'four' } }, { name: 'Dev' }),
  ];

  it('by default names the role and the place among that role\'s respondents, in input order', () => {
    const quotes = itemOf(scoreSets(rubric, sets()), 'a').quotes;
    expect(quotes.map((q) => [q.text, q.by])).toEqual([['one', 'customer 1'], ['two', 'staff member 1'], ['three', 'customer 2'], ['four', 'respondent 1']]);
    expect(quotes.map((q) => q.source)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
  });

  it('names nobody, and no file, with none', () => {
    const report = scoreSets(rubric, sets(), { attribution: 'none' });
    expect(itemOf(report, 'a').quotes.map((q) => [q.by, q.source])).toEqual([[undefined, 'input 1'], [undefined, 'input 2'], [undefined, 'input 3'], [undefined, 'input 4']]);
    expect(report.sources.map((s) => s.source)).toEqual(['input 1', 'input 2', 'input 3', 'input 4']);
  });
});
