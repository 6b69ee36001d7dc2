/**
 * The pieces of survey reading, table-driven against docs/file-formats.md's "Survey exports":
 * cells, dates, layouts and delimiters, the mapping file's findings (with positions and
 * did-you-mean), rows left out per rule, and day/month order across a column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cellScore, labelBook } from '../../src/inputs/survey/cell-score.js';
import { checkMappingText } from '../../src/inputs/survey/check-mapping.js';
import { readDate } from '../../src/inputs/survey/dates.js';
import { fold } from '../../src/inputs/survey/fold.js';
import { detectLayout } from '../../src/inputs/survey/layouts.js';
import { sniffDelimiter } from '../../src/inputs/survey/sniff-delimiter.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { ITEM_IDS } from '../helpers/answers-file.js';
import { readExport } from '../helpers/survey-read.js';

let rubric: Rubric;
beforeAll(async () => {
  rubric = (await loadRubric('service-commitments')).rubric;
});
const bytes = (text: string) => new TextEncoder().encode(text);
const HEAD = 'svcaudit: 1\nkind: mapping\nrubric: service-commitments\n';

describe('cells', () => {
  const book = () => labelBook(rubric.scale, new Map([[fold('Strongly agree'), 5], [fold('Eight'), 2]]), new Set(['-99', '8']), ['Strongly agree']);
  it.each<[string, unknown]>([
    ['4', { score: 4 }],
    [' 3.0 ', { score: 3 }],
    ['', { score: null }],
    ['NA', { score: 'na' }],
    ['n/a', { score: 'na' }],
    ['Not applicable', { score: 'na' }],
    ["Don’t know", { score: 'na' }],
    ['-99', { score: 'na' }],
    ['8', { score: 'na' }], // the mapping's na wins over a number
    ['strongly  AGREE', { score: 5 }],
    ['Consistent', { score: 4 }], // the rubric's label
    ['4 - Consistent', { score: 4 }],
    ['4. Consistent', { score: 4 }],
    ['Consistent (4)', { score: 4 }],
    ['9 - Way off', { problem: 'out-of-scale', closest: undefined }],
    ['7', { problem: 'out-of-scale', closest: undefined }],
    ['3.5', { problem: 'not-integer', closest: undefined }],
    ['Strongly agre', { problem: 'unknown', closest: 'Strongly agree' }],
    ['R-001', { problem: 'unknown', closest: expect.any(String) }],
  ])('%j → %j', (raw, expected) => {
    expect(cellScore(raw, book())).toEqual(expected);
  });
});

describe('dates', () => {
  it.each<[string, string | undefined, boolean, unknown]>([
    ['2026-11-20', undefined, false, { kind: 'date', iso: '2026-11-20' }],
    ['2026-11-20T23:30:00Z', undefined, false, { kind: 'date', iso: '2026-11-20' }],
    ['2026-11-20 10:15:00', undefined, false, { kind: 'date', iso: '2026-11-20' }],
    ['2026/11/20 10:15:00 AM GMT+1', undefined, false, { kind: 'date', iso: '2026-11-20' }],
    ['11/20/2026 10:15:00 AM', undefined, false, { kind: 'settles', order: 'MDY', iso: '2026-11-20' }],
    ['20/11/2026', undefined, false, { kind: 'settles', order: 'DMY', iso: '2026-11-20' }],
    ['03/11/2026', undefined, false, { kind: 'either', dmy: '2026-11-03', mdy: '2026-03-11' }],
    ['03/11/2026', 'DMY', false, { kind: 'date', iso: '2026-11-03' }],
    ['03/11/26', 'MDY', false, { kind: 'date', iso: '2026-03-11' }],
    ['05/05/2026', undefined, false, { kind: 'date', iso: '2026-05-05' }],
    ['20 Nov 2026', undefined, false, { kind: 'date', iso: '2026-11-20' }],
    ['Nov 20, 2026', undefined, false, { kind: 'date', iso: '2026-11-20' }],
    ['46346.4375', undefined, false, { kind: 'date', iso: '2026-11-20' }], // Excel's serial for 2026-11-20 10:30
    ['44884', undefined, true, { kind: 'date', iso: '2026-11-20' }], // the same day in the 1904 system
    ['2026-02-29', undefined, false, { kind: 'invalid' }],
    ['yesterday', undefined, false, { kind: 'invalid' }],
  ])('%s (%s, 1904: %s)', (raw, order, date1904, expected) => {
    expect(readDate(raw, order as never, date1904)).toEqual(expected);
  });

  it('a column whose values never settle the order: one finding at the mapping date line, rows kept in order', async () => {
    const mapping = `${HEAD}columns: {be-nice: Nice}\ndate: When\n`;
    const read = await readExport(bytes('When,Nice\n03/04/2026,4\n05/06/2026,3\n'), 'd.csv', rubric, mapping);
    expect(read.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.file, f.line])).toEqual([['export-date-ambiguous', 'mapping.yaml', 5]]);
    expect(read.sets.map((s) => s.answers.get('be-nice')!.score)).toEqual([4, 3]);
  });

  it('a later value settles the order for the rows before it; date-format settles it at once', async () => {
    const text = 'When,Nice\n03/04/2026,4\n05/06/2026,3\n25/06/2026,2\n';
    const read = await readExport(bytes(text), 'd.csv', rubric, `${HEAD}columns: {be-nice: Nice}\ndate: When\n`);
    expect(read.sets.map((s) => s.date)).toEqual(['2026-04-03', '2026-06-05', '2026-06-25']);
    const mdy = await readExport(bytes(text), 'd.csv', rubric, `${HEAD}columns: {be-nice: Nice}\ndate: When\ndate-format: MDY\n`);
    expect(mdy.sets.map((s) => s.date)).toEqual(['2026-03-04', '2026-05-06']);
    expect(mdy.findings.map((f) => f.rule)).toContain('export-date-invalid');
  });
});

describe('layouts and delimiters', () => {
  it.each<[string, string[][], string | undefined]>([
    ['svcaudit', [['name', 'Be-Nice']], 'svcaudit'],
    ['google-forms', [['Timestamp', 'Q [Row]']], 'google-forms'],
    ['microsoft-forms', [['ID', 'Start time', 'Completion time', 'Email']], 'microsoft-forms'],
    ['surveymonkey', [['Respondent ID', 'Collector ID', 'Start Date'], ['', '', '']], 'surveymonkey'],
    ['qualtrics', [['StartDate', 'Q1'], ['Start Date', 'Q?'], ['{"ImportId":"startDate"}', '{"ImportId":"QID1"}']], 'qualtrics'],
    ['typeform', [['#', 'Q', 'Submit Date (UTC)']], 'typeform'],
    ['limesurvey', [['id', 'submitdate', 'lastpage', 'startlanguage', 'Q1']], 'limesurvey'],
    ['nothing known', [['Question one', 'Question two']], undefined],
  ])('%s', (_name, rows, expected) => {
    expect(detectLayout(rows, ITEM_IDS)).toBe(expected);
  });

  it.each([
    ['a,b;c\n', ','],
    ['a;b;"c,d,e"\n', ';'],
    ['a\tb\tc;d\n', '\t'],
    ['"x;y;z"\n', ','],
  ])('%j is split on %j', (head, delimiter) => {
    expect(sniffDelimiter(head)).toBe(delimiter);
  });
});

describe('mapping files', () => {
  async function check(text: string) {
    return (await checkMappingText(text, 'm.yaml', rubric)).findings.map((f) => [f.rule, f.line, f.column, f.message]);
  }

  it('is valid as the fixture mappings are; names the items left without a column in one warning', async () => {
    const findings = await check(`${HEAD}columns:\n  be-nice: Nice\n  listen: {column: F}\n  smile: {id: QID3}\n`);
    expect(findings.map((f) => f[0])).toEqual(['mapping-item-without-column']);
    expect(findings[0]![3]).toMatch(/^10 items .*`respond-quickly`/);
  });

  it('reports a misspelt key with did-you-mean, at its line and column', async () => {
    const findings = await check(`${HEAD}colums: {be-nice: Nice}\n`);
    expect(findings).toContainEqual(['schema-unknown-key', 4, 1, expect.stringContaining('Did you mean `columns`?')]);
    const inRef = await check(`${HEAD}columns:\n  be-nice: {colum: F}\n`);
    expect(inRef).toContainEqual(['schema-unknown-key', 5, 13, expect.stringContaining('Did you mean `column`?')]);
  });

  it('reports unknown items, a column named twice, labels off the scale, a wrong layout and rubric', async () => {
    const findings = await check(
      'svcaudit: 1\nkind: mapping\nrubric: other-rubric\nlayout: google-form\ncolumns:\n  be-nise: Nice\n  listen: Nice\n  smile: nice \nlabels: {Top: 7, Half: 2.5, Fine: 3}\nevidence:\n  - {column: Why, item: respond-quick}\n',
    );
    const rules = findings.map((f) => f[0]);
    expect(rules).toEqual(expect.arrayContaining(['schema-value', 'mapping-rubric-mismatch', 'mapping-unknown-item', 'mapping-duplicate-column', 'mapping-label-out-of-scale', 'mapping-item-without-column']));
    expect(findings.find((f) => f[0] === 'mapping-unknown-item')).toEqual(['mapping-unknown-item', 6, 3, expect.stringContaining('Did you mean `be-nice`?')]);
    expect(findings.filter((f) => f[0] === 'mapping-duplicate-column').map((f) => f[1])).toEqual([7, 8]);
    expect(findings.filter((f) => f[0] === 'mapping-label-out-of-scale').map((f) => f[3])).toHaveLength(2);
    expect(findings.find((f) => f[0] === 'schema-value')![3]).toMatch(/Did you mean `google-forms`/);
  });

  it('a column the export lacks is reported at the mapping line, with the closest header', async () => {
    const read = await readExport(bytes('Timestamp,How nice are we?\n2026/01/02 10:00:00,4\n'), 'g.csv', rubric, `${HEAD}columns:\n  be-nice: How nice were we?\n  listen: {column: Z}\n`);
    const found = read.findings.filter((f) => f.rule === 'mapping-column-not-found');
    expect(found.map((f) => [f.file, f.line])).toEqual([['mapping.yaml', 5], ['mapping.yaml', 6]]);
    expect(found[0]!.message).toContain('`How nice are we?`');
    expect(found[1]!.message).toContain('last column is B');
  });
});

describe('rows left out and values folded', () => {
  it('include filters rows (rule filter), values fold respondent fields, evidence and comments are kept', async () => {
    const mapping = `${HEAD}columns: {be-nice: Nice}\nrespondent: {role: Who}\nevidence:\n  - {column: Why, item: be-nice}\n  - {column: {column: E}, item: general}\ninclude: {column: Keep, equals: "yes"}\nvalues: {role: {Client: customer}}\n`;
    const read = await readExport(bytes('Nice,Who,Why,Keep,Else\n4,client ,Warm welcome,Yes,Great shop\n2,Staff,,no,\n,Client,Only a quote,yes,\n'), 'f.csv', rubric, mapping);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read.result.excluded).toEqual([{ rule: 'filter', rows: 1 }]);
    expect(read.sets.map((s) => [s.respondent.role, [...s.answers.entries()], s.comments])).toEqual([
      ['customer', [['be-nice', { score: 4, note: undefined, evidence: ['Warm welcome'] }]], ['Great shop']],
      ['customer', [['be-nice', { score: null, note: undefined, evidence: ['Only a quote'] }]], undefined],
    ]);
  });

  it('a bad value repeated in many rows: three findings, then one that counts the rest', async () => {
    const rows = Array.from({ length: 50 }, () => 'Sometimes').join('\n');
    const read = await readExport(bytes(`be-nice\n${rows}\n`), 'r.csv', rubric);
    expect(read.findings).toHaveLength(4);
    expect(read.findings[3]!.message).toMatch(/also in 47 more rows/);
    expect(read.findings[0]!.message).toMatch(/^Row 2, `be-nice` \(column A, item `be-nice`\): `Sometimes`/);
  });

  it('an export of a tool layout read without a mapping: one finding that says how to get one', async () => {
    const read = await readExport(bytes('Timestamp,How nice?\n2026/01/02 10:00:00,4\n'), 'g.csv', rubric);
    expect(read.findings.map((f) => f.rule)).toEqual(['export-needs-mapping']);
    expect(read.findings[0]!.message).toContain('svcaudit map g.csv');
  });
});
