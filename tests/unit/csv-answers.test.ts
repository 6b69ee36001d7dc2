/**
 * A survey tool's CSV export read as answers (src/answers/csv-answers.ts,
 * docs/file-formats.md "Answers file"): item columns hold answers, every other column
 * is a respondent field; bad cells and a bad header are findings with the
 * rule, the row's line and the cell's column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvAnswers } from '../../src/inputs/svcaudit-csv/csv-answers.js';
import type { AnswerSet } from '../../src/core/answers.js';
import type { Finding } from '../../src/core/finding.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { buildRubric } from '../helpers/build.js';

const FILE = 'survey.csv';
let rubric: Rubric;

beforeAll(async () => {
  rubric = (await loadRubric('service-commitments')).rubric;
});

async function read(text: string | string[], using: Rubric = rubric) {
  const sets: AnswerSet[] = [];
  const findings: Finding[] = [];
  const rows = await readCsvAnswers(typeof text === 'string' ? [text] : text, FILE, using, {
    answerSet: (set) => sets.push(set),
    finding: (f) => findings.push(f),
  });
  return { rows, sets, findings };
}

/** The answers of a set as a plain object, item id → score. */
function scores(set: AnswerSet): Record<string, unknown> {
  return Object.fromEntries([...set.answers].map(([id, answer]) => [id, answer.score]));
}

describe('header and respondent columns', () => {
  it('reads item columns as answers and every other column as a respondent field', async () => {
    const { rows, sets, findings } = await read(
      'name,role,be-nice,team,respond-quickly,shift\nDana,customer,4,north,2,late\nEli,staff,5,south,3,\n',
    );
    expect(findings).toEqual([]);
    expect(rows).toBe(2);
    expect(sets).toHaveLength(2);
    expect(sets[0]).toMatchObject({ source: 'survey.csv:2', rubric: 'service-commitments', respondent: { name: 'Dana', role: 'customer', team: 'north', shift: 'late' } });
    expect(scores(sets[0]!)).toEqual({ 'be-nice': 4, 'respond-quickly': 2 });
    // An empty respondent cell is no field at all, not an empty string.
    expect(sets[1]!.respondent).toEqual({ name: 'Eli', role: 'staff', team: 'south' });
    expect(sets[1]!.source).toBe('survey.csv:3');
  });

  it('takes the date column as the answers date, and trims cells and header names', async () => {
    const { sets, findings } = await read(' name , date ,be-nice \n Dana , 2026-11-20 , 3 \n');
    expect(findings).toEqual([]);
    expect(sets[0]!.respondent).toEqual({ name: 'Dana', date: '2026-11-20' });
    expect(sets[0]!.date).toBe('2026-11-20');
    expect(scores(sets[0]!)).toEqual({ 'be-nice': 3 });
  });

  it('names rows by their starting line, even after a cell with line breaks', async () => {
    const { sets } = await read('name,be-nice\n"Dana\nSmith",4\nEli,3\n');
    expect(sets.map((s) => s.source)).toEqual(['survey.csv:2', 'survey.csv:4']);
    expect(sets[0]!.respondent.name).toBe('Dana\nSmith');
  });

  it('skips blank lines, and reads a header with a byte-order mark and CRLF line ends', async () => {
    const { rows, sets, findings } = await read('\uFEFFrole,be-nice\r\n\r\nstaff,4\r\n\r\ncustomer,2\r\n');
    expect(findings).toEqual([]);
    expect(rows).toBe(2);
    expect(sets.map((s) => [s.respondent.role, scores(s)['be-nice']])).toEqual([['staff', 4], ['customer', 2]]);
  });

  it('gives the same answer sets however the file is chunked', async () => {
    const text = 'name,role,be-nice,listen\n"Okafor, Tom",staff,4,na\nDana,"cust""omer",,2\n';
    const whole = await read(text);
    const oneByOne = await read([...text]);
    expect(oneByOne.sets).toEqual(whole.sets);
    expect(whole.sets[0]!.respondent.name).toBe('Okafor, Tom');
    expect(whole.sets[1]!.respondent.role).toBe('cust"omer');
  });
});

describe('cells', () => {
  it.each<[string, number | 'na' | undefined]>([
    ['1', 1],
    ['5', 5],
    [' 3 ', 3],
    ['+4', 4],
    // A whole number with zero decimals, as a YAML answers file takes it (pandas writes levels so).
    ['3.0', 3],
    ['2.00', 2],
    ['na', 'na'],
    ['NA', 'na'],
    ['n/a', 'na'],
    ['N/A', 'na'],
    ['Not applicable', 'na'],
    ['', undefined],
    ['   ', undefined],
  ])('`%s` → %s', async (cell, expected) => {
    const { sets, findings } = await read(`name,be-nice,listen\nDana,"${cell}",3\n`);
    expect(findings).toEqual([]);
    expect(sets).toHaveLength(1);
    // An empty cell leaves the item unanswered: it is not in the answers at all.
    expect(scores(sets[0]!)).toEqual(expected === undefined ? { listen: 3 } : { 'be-nice': expected, listen: 3 });
  });

  it.each<[string, string]>([
    ['0', 'answers-score-out-of-scale'],
    ['6', 'answers-score-out-of-scale'],
    ['-1', 'answers-score-out-of-scale'],
    ['10', 'answers-score-out-of-scale'],
    ['four', 'answers-score-out-of-scale'],
    ['4/5', 'answers-score-out-of-scale'],
    ['3.5', 'answers-score-not-integer'],
    ['2.25', 'answers-score-not-integer'],
    ['+3.5', 'answers-score-not-integer'],
    ['7.0', 'answers-score-out-of-scale'],
    ['3.', 'answers-score-out-of-scale'],
    ['1e0', 'answers-score-out-of-scale'],
  ])('`%s` → a %s finding at the cell, and the row is not scored', async (cell, rule) => {
    const { rows, sets, findings } = await read(`name,role,be-nice,listen\nDana,staff,4,3\nEli,customer,2,${cell}\n`);
    expect(rows).toBe(2);
    expect(sets.map((s) => s.respondent.name)).toEqual(['Dana']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule, severity: 'error', file: FILE, line: 3, column: 16 });
    expect(findings[0]!.message).toContain('`listen`');
    expect(findings[0]!.message).toContain(`\`${cell}\``);
    expect(findings[0]!.message).toContain('from 1 to 5');
  });

  it('reports every bad cell of every row, each at its own line and column', async () => {
    const { sets, findings } = await read('be-nice,listen,smile\n7,x,3\n4,4,4\n"\n9",1,0\n');
    expect(sets).toHaveLength(1);
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['answers-score-out-of-scale', 2, 1],
      ['answers-score-out-of-scale', 2, 3],
      ['answers-score-out-of-scale', 4, 1],
      // `"\n9",1,0`: the last cell starts on the row's second line.
      ['answers-score-out-of-scale', 5, 6],
    ]);
  });

  it('checks cells against the rubric in use: a 0-based scale takes 0, not 4', async () => {
    const zeroBased = buildRubric({ scale: { min: 0, max: 3 }, sections: [{ id: 's', items: ['q1', 'q2'] }] });
    const { sets, findings } = await read('role,q1,q2\nstaff,0,3\ncustomer,4,1\n', zeroBased);
    expect(sets.map(scores)).toEqual([{ q1: 0, q2: 3 }]);
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['answers-score-out-of-scale', 3, 10]]);
    expect(findings[0]!.message).toContain('from 0 to 3');
  });
});

describe('header problems', () => {
  it('reports a misspelt item column, with "Did you mean", and still reads the rest', async () => {
    const { sets, findings } = await read('name,role,be-nise,listen\nDana,staff,4,3\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'answers-unknown-item', severity: 'error', file: FILE, line: 1, column: 11 });
    expect(findings[0]!.message).toContain('Did you mean `be-nice`');
    // The column is read as a respondent field, so the item is not silently scored.
    expect(sets.map(scores)).toEqual([{ listen: 3 }]);
  });

  it.each(['name', 'Role', 'team', 'email', 'site', 'notes', 'department', 'interviewer'])('never takes the respondent column `%s` for a misspelt item', async (column) => {
    const { findings } = await read(`${column},be-nice\nstaff,4\n`);
    expect(findings).toEqual([]);
  });

  it('reports a CSV with no item column at all', async () => {
    const { sets, findings } = await read('name,role,score\nDana,staff,4\n');
    expect(findings.map((f) => [f.rule, f.severity, f.file, f.line, f.column])).toEqual([['answers-rubric-mismatch', 'error', FILE, 1, 1]]);
    expect(findings[0]!.message).toMatch(/No column .* is named after an item/);
    // Without item columns, each row is a respondent who answered nothing.
    expect(sets.map(scores)).toEqual([{}]);
  });

  it('reports an empty file', async () => {
    const { rows, findings } = await read('');
    expect(rows).toBe(0);
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['file-empty', 1, 1]]);
  });

  it('turns a CSV syntax error into a finding with its line and column, keeping the rows before it', async () => {
    const { sets, findings } = await read('name,be-nice\nDana,4\nEli,"3"x\nFay,2\n');
    expect(sets.map((s) => s.respondent.name)).toEqual(['Dana']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'csv-syntax', file: FILE, line: 3, column: 8 });
    expect(findings[0]!.message).toMatch(/^Text after the closing quote/);
  });

  it('reports an unclosed quote at the opening quote', async () => {
    const { findings } = await read('name,be-nice\nDana,4\n"Eli,3\nFay,2\n');
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['csv-syntax', 3, 1]]);
    expect(findings[0]!.message).toContain('never closed');
  });
});

describe('capitalised headers from survey tools', () => {
  it('matches item ids and the usual respondent fields without regard to case', async () => {
    const { sets, findings } = await read('Name,Role,Be-Nice,LISTEN\nDana,customer,4,2\n');
    expect(findings).toEqual([]);
    expect(sets[0]!.respondent).toEqual({ name: 'Dana', role: 'customer' });
    expect([...sets[0]!.answers.keys()]).toEqual(['be-nice', 'listen']);
  });
});
