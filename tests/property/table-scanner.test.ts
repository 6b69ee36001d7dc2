/**
 * property: the fast table scanner (inputs/survey/table-scanner.ts), with the reference tokenizer
 * reading on from where it stops, reads every text as each reference tokenizer reads it alone
 * (svcaudit-csv/csv-rows.ts and survey/csv-tokenizer.ts): the same rows, cells, lines and
 * columns, the same error at the same place, however the text is cut into pieces. And CellMemo
 * gives for every cell what working its text out anew gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/inputs/svcaudit-csv/csv-rows.js';
import { tokenize } from '../../src/inputs/survey/csv-tokenizer.js';
import { CellMemo, FAST_ROW_LIMIT, scanText, TableScanner } from '../../src/inputs/survey/table-scanner.js';
import { propertyRuns } from '../helpers/property-runs.js';
import { cut } from '../helpers/text-pieces.js';

interface Row {
  readonly cells: readonly string[];
  readonly line: number;
  readonly lines: readonly number[];
  readonly columns: readonly number[];
}

type Reference = (text: AsyncIterable<string>, startLine: number | undefined) => AsyncIterable<Row>;
const REFERENCES: ReadonlyArray<[string, Reference]> = [
  ['svcaudit-csv/csv-rows.ts', (text, startLine) => csvRows(text, ',', startLine)],
  ['survey/csv-tokenizer.ts', (text, startLine) => tokenize(text, ',', startLine)],
];

async function drain(rows: AsyncIterable<Row>, out: unknown[]): Promise<unknown> {
  try {
    for await (const r of rows) out.push([r.cells, r.line, r.lines, r.columns]);
    return out;
  } catch (error) {
    const e = error as Error & { line: number; column: number };
    return [...out, { error: e.message, line: e.line, column: e.column }];
  }
}

/** The scanner's rows, then the reference's from where the scanner stopped. */
async function scanned(text: string, at: readonly number[], reference: Reference, pauses: readonly boolean[] = []): Promise<{ rows: unknown; stopped: boolean }> {
  const out: unknown[] = [];
  const numbers: number[] = [];
  // A reader that pauses after some rows (scanText resumes at once) reads what one that never does reads.
  const scanner = new TableScanner(',', (row) => {
    const r = row.toRow();
    numbers.push(row.row);
    out.push([r.cells, r.line, r.lines, r.columns]);
    return pauses.length === 0 || !pauses[numbers.length % pauses.length];
  });
  const rest = await scanText(cut(text, at), scanner);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  if (rest === undefined) return { rows: out, stopped: false };
  expect(rest.row).toBe(numbers.length + 1);
  return { rows: await drain(reference(rest.text, rest.line), out), stopped: true };
}

describe('property: the table scanner reads as the reference tokenizers do', () => {
  it.each(REFERENCES)('as %s, on cells, positions and errors, whatever the pieces', async (_, reference) => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[ab,"\n\r \uFEFF]{0,80}$/), fc.array(fc.nat(90), { maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 5 }), async (text, at, pauses) => {
        const expected = await drain(reference(cut(text, at), undefined), []);
        expect((await scanned(text, at, reference, pauses)).rows).toEqual(expected);
      }),
      propertyRuns({ runs: 3000 }),
    );
  });

  it.each(REFERENCES)('as %s, with long cells and every kind of line break among them', async (_, reference) => {
    const token = fc.constantFrom('Strongly agree', 'a', 'abcdefghij', ',', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'x y z w v u');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 40 }).map((t) => t.join('')), fc.array(fc.nat(400), { maxLength: 8 }), async (text, at) => {
        const expected = await drain(reference(cut(text, at), undefined), []);
        expect((await scanned(text, at, reference)).rows).toEqual(expected);
      }),
      propertyRuns({ runs: 2000 }),
    );
  });

  it.each(REFERENCES)('as %s, on rows too long to scan, cut anywhere', async (_, reference) => {
    const long = 'x'.repeat(FAST_ROW_LIMIT + 10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(`a,b\n${long},c\nd,e\n`, `a,"${long}"\nd\n`, `a,b\r\n"q""${long}`, `a\n"${long}`), fc.array(fc.nat(FAST_ROW_LIMIT + 40), { maxLength: 4 }), async (text, at) => {
        const expected = await drain(reference(cut(text, at), undefined), []);
        const { rows, stopped } = await scanned(text, at, reference);
        expect(stopped).toBe(true);
        expect(rows).toEqual(expected);
      }),
      propertyRuns({ runs: 40 }),
    );
  });

  it('pauses after a row when the reader asks, and reads on from the next', () => {
    const seen: string[][] = [];
    const scanner = new TableScanner(',', (row) => {
      seen.push(row.cells());
      return false;
    });
    scanner.push('a,"b,c"\r\nd,e\nf');
    expect(seen).toEqual([['a', 'b,c']]);
    expect(scanner.paused).toBe(true);
    scanner.resume();
    expect(seen).toEqual([['a', 'b,c'], ['d', 'e']]);
    scanner.resume();
    expect(seen).toHaveLength(2); // `f` may go on: only the end of the text says it is a row
    scanner.finish();
    expect(seen).toEqual([['a', 'b,c'], ['d', 'e'], ['f']]);
    expect(scanner.open).toBe(false);
  });
});

describe('property: CellMemo gives what its text gives', () => {
  it('for cells of one length or many, long, quoted, past the row, however many texts a column holds, in ASCII pieces or not', async () => {
    // Texts of one length (levels), of distinct lengths (labels), longer than CellMemo indexes, and
    // near-misses of each: one byte apart at the start, the middle, the end, in the last word;
    // and texts outside ASCII (`Ā` is `\0` cut to a byte), which leave a piece to the string comparison.
    const cell = fc.constantFrom('', '1', '2', '3', 'x', 'ab', 'ac', 'Agree', 'Agrea', 'agree', 'Disagree', 'Disagrea', 'Strongly agree', 'Strongly agreE', 'Strongly bgree', 'Neither agree nor disagree', `${'n'.repeat(70)}`, `${'n'.repeat(69)}m`, '"q,""r"""', '"Agree"', ' Agree ', 'Agréé', 'Agrée', 'Ā', '\0', 'AĀ', 'A\0');
    const rowOf = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    // Rows of new texts (a name, a timestamp) among them: a column of those, once seen to be one, is no longer kept.
    const text = fc.array(fc.oneof(rowOf, fc.constant(undefined)), { minLength: 1, maxLength: 600 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(4000), { maxLength: 8 }), async (drawn, at) => {
        const rows = drawn.map((row, i) => row ?? `u${i},${'v'.repeat(i % 70)}`);
        const compute = (t: string) => `<${t}>`;
        const memo = new CellMemo(compute);
        const scanner = new TableScanner(',', (row) => {
          for (let i = 0; i <= row.count; i++) expect(memo.get(row, i)).toBe(compute(row.cell(i)));
        });
        expect(await scanText(cut(`${rows.join('\n')}\n`, at), scanner)).toBeUndefined();
      }),
      propertyRuns({ runs: 300 }),
    );
  });
});
