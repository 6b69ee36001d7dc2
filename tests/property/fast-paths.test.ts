/**
 * property: the fast paths give the reports the general path gives, byte for byte. `score` and
 * `compare` read a table's plain rows in place (core/answer-row.ts, survey/table-scanner.ts); with
 * `readRows: false` every respondent is an AnswerSet built by the general readers. Generated
 * exports mix what the fast readers take (levels, `na`, blanks) with what they hand to the general
 * path (scores to trim or refuse, `N/A`, quoted cells, extra cells, blank lines, CRLF, stray
 * quotes), so both the fast rows and the hand-overs are held to it: every format's output, every
 * message on stderr, every finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/app/compare.js';
import { score, type ScoreOptions } from '../../src/app/score.js';
import { SvcauditError } from '../../src/core/errors.js';
import { loadCompareFormat } from '../../src/report/compare/formats.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { propertyRuns } from '../helpers/property-runs.js';

let tmp: string;
let rubric: Rubric;
let ids: string[];
let file = 0;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-fast-'));
  rubric = (await loadRubric('service-commitments')).rubric;
  ids = rubricItems(rubric).map((item) => item.id);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Cells the fast reader takes, and cells it hands on (weighted towards the first). */
/**
 * Cells the fast readers take, cells they hand on, and (`dirty`, in a third of the runs) cells
 * that are errors: a run with one of those reports nothing but the findings.
 */
const answerCell = (dirty: boolean) => fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '', 'na', 'NA', 'Na') },
  { weight: 4, arbitrary: fc.constantFrom(' 3', '4 ', 'N/A', 'n/a', 'not applicable', '3.0', '03', '+4', '"5"', '" na "') },
  { weight: dirty ? 1 : 0, arbitrary: fc.constantFrom('7', '0', '2.5', 'x', '"a,b"', '-1') },
);
const roleCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('customer', 'staff', 'manager', '') },
  { weight: 1, arbitrary: fc.constantFrom('Customer', ' staff', 'MANAGER', 'other', '"staff"', '"x, y"', '__proto__') },
);
const nameCell = (dirty: boolean) => fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('Dana', 'Ali', 'R1', 'R2', 'R3', '') },
  { weight: 2, arbitrary: fc.constantFrom('"Smith, Jo"', '"He said ""hi"""', '"two\nlines"') },
  { weight: dirty ? 1 : 0, arbitrary: fc.constant('a"b') },
);
const dirtiness = fc.constantFrom(false, false, true);
/** Rows mostly whole; now and then a blank line, and (dirty) one cell too many. */
const oddRow = (dirty: boolean) => fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, dirty ? 1 : 2);

interface Table {
  readonly header: string[];
  readonly rows: string[][];
  readonly eol: string;
  readonly tail: string;
}

/** An export in svcaudit's layout: some item columns (in any order), name, role, maybe date and team. */
const table: fc.Arbitrary<Table> = fc
  .record({
    items: fc.shuffledSubarray(Array.from({ length: 13 }, (_, i) => i), { minLength: 1 }),
    date: fc.boolean(),
    team: fc.boolean(),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    tail: fc.constantFrom('', '\n', '\n\n', ' \n'),
    count: fc.nat(40),
    dirty: dirtiness,
  })
  .chain(({ items, date, team, eol, tail, count, dirty }) => {
    const header = ['name', 'Role', ...items.map((i) => `item${i}`), ...(date ? ['date'] : []), ...(team ? ['team'] : [])];
    const row = fc.tuple(nameCell(dirty), roleCell, fc.array(answerCell(dirty), { minLength: items.length, maxLength: items.length }), fc.constantFrom('2026-11-20', '2026-01-05', ''), fc.constantFrom('north', 'south', ''), oddRow(dirty))
      .map(([name, role, answers, day, where, odd]) => {
        const cells = [name, role, ...answers, ...(date ? [day] : []), ...(team ? [where] : [])];
        return odd === 1 ? [...cells, 'extra'] : odd === 2 ? [''] : cells;
      });
    return fc.array(row, { minLength: count, maxLength: count }).map((rows) => ({ header, rows, eol, tail }));
  });

function writeTable(t: Table): string {
  const header = t.header.map((h) => (h.startsWith('item') ? ids[Number(h.slice(4))]! : h));
  const path = join(tmp, `t${++file}.csv`);
  writeFileSync(path, [header, ...t.rows].map((cells) => cells.join(',')).join(t.eol) + t.tail);
  return path;
}

/** The labels of an agreement scale, as a Google Forms grid writes them, and cells that are not. */
const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const formsCell = (dirty: boolean) => fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...LABELS, '', "Don't know") },
  { weight: 4, arbitrary: fc.constantFrom(' Agree', 'agree', 'STRONGLY AGREE', '4', '"Agree"', 'na', '4 - Consistent', 'Strongly  agree') },
  { weight: dirty ? 1 : 0, arbitrary: fc.constantFrom('Agreed', '9', 'x', '"Agree, mostly"') },
);
const timestamp = (dirty: boolean) => fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('2026/11/20 10:15:00 AM GMT', '2026/11/21 9:01:30 PM GMT', '2026-11-22', '') },
  { weight: 2, arbitrary: fc.constantFrom('05/11/2026', '20/11/2026', '11/20/2026', '45980') },
  // The day of another row's timestamp, with a time in another form, or with what is no time, or a longer date.
  { weight: 3, arbitrary: fc.constantFrom('2026/11/20T10:15', '2026/11/20  9:00 pm', '2026/11/20 10:15:00 AM GMT ', '2026/11/20 10:15 GMT+1', '2026/11/20 later', '2026/11/20 10:15:00 AM GMTx', '2026/11/201 10:15', '2026/11/20 ') },
  { weight: dirty ? 1 : 0, arbitrary: fc.constant('soon') },
);
const comment = fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('Great staff', '"Slow, but kind"', '"Said ""no"""') });

/** A Google Forms export and the mapping that reads it: a grid of items, name, role, a comment column, maybe a filter. */
const forms: fc.Arbitrary<{ csv: string; map: string }> = fc
  .record({
    items: fc.shuffledSubarray(Array.from({ length: 13 }, (_, i) => i), { minLength: 1, maxLength: 6 }),
    filter: fc.boolean(),
    format: fc.constantFrom(undefined, 'DMY', 'MDY'),
    eol: fc.constantFrom('\n', '\r\n'),
    count: fc.nat(40),
    dirty: dirtiness,
  })
  .chain(({ items, filter, format, eol, count, dirty }) => {
    const row = fc.tuple(timestamp(dirty), nameCell(dirty), roleCell, fc.array(formsCell(dirty), { minLength: items.length, maxLength: items.length }), comment, fc.constantFrom('yes', 'yes', 'no'), oddRow(dirty))
      .map(([when, name, role, answers, said, keep, odd]) => {
        const cells = [when, name, role === 'customer' ? 'Client' : role, ...answers, said, keep];
        return odd === 1 ? [...cells, 'extra'] : odd === 2 ? [''] : cells;
      });
    return fc.array(row, { minLength: count, maxLength: count }).map((rows) => {
      const header = ['Timestamp', 'Your name', 'Which best describes you?', ...items.map((i) => `"How much do you agree? [${ids[i]}]"`), 'Anything else?', 'Keep'];
      const csv = [header, ...rows].map((cells) => cells.join(',')).join(eol) + eol;
      const map = [
        'svcaudit: 1', 'kind: mapping', 'rubric: service-commitments', 'layout: google-forms', 'columns:',
        ...items.map((i) => `  ${ids[i]}: "How much do you agree? [${ids[i]}]"`),
        'respondent:', '  name: Your name', '  role: Which best describes you?', 'date: Timestamp',
        ...(format ? [`date-format: ${format}`] : []),
        'evidence:', '  - {column: "Anything else?", item: general}',
        `labels: {${LABELS.map((label, i) => `"${label}": ${i + 1}`).join(', ')}}`,
        'values: {role: {Client: customer}}',
        ...(filter ? ['include: {column: Keep, equals: "yes"}'] : []),
        '',
      ].join('\n');
      return { csv, map };
    });
  });

function writeForms(f: { csv: string; map: string }): { file: string; map: string } {
  const n = ++file;
  writeFileSync(join(tmp, `f${n}.csv`), f.csv);
  writeFileSync(join(tmp, `f${n}.map.yaml`), f.map);
  return { file: join(tmp, `f${n}.csv`), map: join(tmp, `f${n}.map.yaml`) };
}

/** Everything a run shows: each format's output, or the error with its findings; and the notes. */
async function scored(inputs: string[], options: ScoreOptions): Promise<unknown> {
  const notes: string[] = [];
  try {
    const result = await score(inputs, rubric, { ...options, onNote: (m) => notes.push(m) });
    const outputs: Record<string, string> = {};
    for (const name of GAP_FORMAT_NAMES) outputs[name] = (await loadGapFormat(name))(result.report, { style: plainStyle, width: 100, date: '2026-12-01' });
    return { outputs, outcome: result.outcome, reasons: result.reasons, notes };
  } catch (error) {
    if (!(error instanceof SvcauditError)) throw error;
    return { error: error.message, code: error.code, details: JSON.stringify({ position: error.position, files: error.files }), notes };
  }
}

async function compared(before: string, after: string, by: string | undefined, readRows: boolean): Promise<unknown> {
  const notes: string[] = [];
  try {
    const { comparison } = await compare(before, after, { rubric, by, readRows, onNote: (m) => notes.push(m) });
    const json = (await loadCompareFormat('json'))(comparison, { style: plainStyle, width: 100, date: '2026-12-01' });
    const text = (await loadCompareFormat('text'))(comparison, { style: plainStyle, width: 100, date: '2026-12-01' });
    return { json, text, notes };
  } catch (error) {
    if (!(error instanceof SvcauditError)) throw error;
    return { error: error.message, details: JSON.stringify({ position: error.position, files: error.files }), notes };
  }
}

describe('property: the fast paths report what the general path reports', () => {
  it('score of CSV exports in svcaudit\'s layout, in every format, with and without --by, --strict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(table, { minLength: 1, maxLength: 2 }), fc.constantFrom(undefined, 'role', 'team', 'name'), fc.boolean(), async (tables, by, strict) => {
        const inputs = tables.map(writeTable);
        const options: ScoreOptions = { by, strict, minGroup: 1 };
        expect(await scored(inputs, { ...options, readRows: true })).toEqual(await scored(inputs, { ...options, readRows: false }));
      }),
      propertyRuns({ runs: 60 }),
    );
  });

  it('score of Google Forms exports through a mapping (labels, dates, comments, a filter), in every format', async () => {
    await fc.assert(
      fc.asyncProperty(forms, fc.constantFrom(undefined, 'role', 'name'), fc.boolean(), async (f, by, strict) => {
        const { file: input, map } = writeForms(f);
        const options: ScoreOptions = { by, strict, map, minGroup: 1 };
        expect(await scored([input], { ...options, readRows: true })).toEqual(await scored([input], { ...options, readRows: false }));
      }),
      propertyRuns({ runs: 60 }),
    );
  });

  it('keeps input order while rows wait for the day/month order to settle', async () => {
    // Row 3's date is open (5 Nov or 11 May), row 4's is not, row 5's settles it: row 4 (past the
    // rows read to tell the layout, so read in place) must not overtake row 3, or the respondents'
    // places (customer 1, customer 2) and the dates would change.
    const { file: input, map } = writeForms({
      csv: [
        'Timestamp,Your name,Which best describes you?,"How much do you agree? [be-nice]",Anything else?,Keep',
        '2026-11-19,Sam,staff,Agree,,yes',
        '05/11/2026,Dana,Client,Agree,"Slow, but kind",yes',
        '2026/11/20 10:15:00 AM GMT,Ali,Client,Strongly agree,,yes',
        '20/11/2026,Jo,Client,Disagree,Great staff,yes',
        '',
      ].join('\n'),
      map: ['svcaudit: 1', 'kind: mapping', 'rubric: service-commitments', 'layout: google-forms', 'columns:', '  be-nice: "How much do you agree? [be-nice]"', 'respondent:', '  name: Your name', '  role: Which best describes you?', 'date: Timestamp', 'evidence:', '  - {column: "Anything else?", item: general}', `labels: {${LABELS.map((label, i) => `"${label}": ${i + 1}`).join(', ')}}`, 'values: {role: {Client: customer}}', ''].join('\n'),
    });
    const fast = await scored([input], { map, readRows: true });
    expect(fast).toEqual(await scored([input], { map, readRows: false }));
    expect(JSON.stringify(fast)).toContain('customer 3');
  });

  it("score of tables the survey reader takes without a mapping (a .tsv in svcaudit's layout)", async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom(undefined, 'role'), async (t, by) => {
        const header = t.header.map((h) => (h.startsWith('item') ? ids[Number(h.slice(4))]! : h));
        const path = join(tmp, `t${++file}.tsv`);
        writeFileSync(path, [header, ...t.rows].map((cells) => cells.map((c) => c.replaceAll(',', ';')).join('\t')).join(t.eol) + t.tail);
        const options: ScoreOptions = { by, minGroup: 1 };
        expect(await scored([path], { ...options, readRows: true })).toEqual(await scored([path], { ...options, readRows: false }));
      }),
      propertyRuns({ runs: 40 }),
    );
  });

  it('compare of two CSV exports, paired or not, with and without --by', async () => {
    await fc.assert(
      fc.asyncProperty(table, table, fc.constantFrom(undefined, 'role'), async (a, b, by) => {
        const [before, after] = [writeTable(a), writeTable(b)];
        expect(await compared(before, after, by, true)).toEqual(await compared(before, after, by, false));
      }),
      propertyRuns({ runs: 40 }),
    );
  });
});
