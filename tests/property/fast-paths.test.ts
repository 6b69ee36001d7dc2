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
const answerCell = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '', 'na', 'NA', 'Na') },
  { weight: 4, arbitrary: fc.constantFrom(' 3', '4 ', 'N/A', 'n/a', 'not applicable', '3.0', '03', '+4', '"5"', '" na "') },
  { weight: 1, arbitrary: fc.constantFrom('7', '0', '2.5', 'x', '"a,b"', '-1') },
);
const roleCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('customer', 'staff', 'manager', '') },
  { weight: 1, arbitrary: fc.constantFrom('Customer', ' staff', 'MANAGER', 'other', '"staff"', '"x, y"', '__proto__') },
);
const nameCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Dana', 'Ali', 'R1', 'R2', 'R3', '') },
  { weight: 1, arbitrary: fc.constantFrom('"Smith, Jo"', '"He said ""hi"""', '"two\nlines"', 'a"b') },
);

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
    seed: fc.nat(),
  })
  .chain(({ items, date, team, eol, tail, count }) => {
    const header = ['name', 'Role', ...items.map((i) => `item${i}`), ...(date ? ['date'] : []), ...(team ? ['team'] : [])];
    const row = fc.tuple(nameCell, roleCell, fc.array(answerCell, { minLength: items.length, maxLength: items.length }), fc.constantFrom('2026-11-20', '2026-01-05', ''), fc.constantFrom('north', 'south', ''), fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2))
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
    return { error: error.message, code: error.code, details: JSON.stringify(error.details), notes };
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
    return { error: error.message, details: JSON.stringify(error.details), notes };
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
