/**
 * property: the scan worker's numbering of cells (inputs/survey/cell-numbers.ts), a batch of rows
 * at a time, with its comparison in WebAssembly (cell-match.wat) and without, gives each cell the
 * number a plain model gives it: per column, each distinct text (a quoted cell's quotes undone, ''
 * past a row's last cell) a number in the order the texts first come, the texts of each batch
 * listed as they are first numbered. The texts are chosen to trip a comparison up: texts of one
 * length that differ in one byte anywhere, lengths around the 8-byte words and the 32 and 64
 * bytes where it changes how it compares, quoted and escaped cells, short rows, non-ASCII pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellNumbers } from '../../src/inputs/survey/cell-numbers.js';
import { META, writeMeta, type NumberedColumn } from '../../src/inputs/survey/scan-protocol.js';
import { TableScanner, type ScannedRow } from '../../src/inputs/survey/table-scanner.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** Texts of lengths where the comparison's words and halves meet, each with a twin one byte apart. */
function textOf(length: number, flip: number, seed: string): string {
  let text = '';
  for (let i = 0; i < length; i++) text += seed[i % seed.length]!;
  if (flip >= 0 && flip < length) text = `${text.slice(0, flip)}${text[flip] === 'x' ? 'y' : 'x'}${text.slice(flip + 1)}`;
  return text;
}

const LENGTHS = [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 26, 31, 32, 33, 40, 48, 56, 63, 64, 65, 80];

/** Where a twin differs: at a word's first or last byte, around the 32 bytes, at the end. */
const FLIPS = [-1, 0, 3, 7, 8, 15, 23, 24, 25, 30, 31, 32, 33, 39, 40, 47, 48, 52, 55, 56, 62, 63];

/** A few texts per case, in families of one length that differ in a byte each, so that twins come to the same column. */
const vocabulary = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.record({ length: fc.constantFrom(...LENGTHS), flips: fc.uniqueArray(fc.constantFrom(...FLIPS), { minLength: 1, maxLength: 3 }), seed: fc.constantFrom('Agree', 'Strongly disagree', 'Neither agree nor disagree') }).map(({ length, flips, seed }) => flips.map((flip) => textOf(length, flip, seed))) },
      { weight: 1, arbitrary: fc.constantFrom('Siân', 'naïve', "Don't know", 'a "b"', 'x,y', ' Agree', 'Agree ').map((text) => [text]) },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((families) => families.flat());

/** A cell as CSV: quoted when it must be, or when asked. */
function csvCell(text: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

interface Case {
  readonly rows: ReadonlyArray<ReadonlyArray<{ readonly text: string; readonly quote: boolean }>>;
  readonly columns: readonly number[];
  readonly pieceSize: number;
}

const cases: fc.Arbitrary<Case> = fc.record({
  words: vocabulary,
  picks: fc.array(fc.array(fc.record({ word: fc.nat(), quote: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 120 }),
  columns: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }),
  pieceSize: fc.integer({ min: 16, max: 600 }),
}).map(({ words, picks, columns, pieceSize }) => ({ rows: picks.map((row) => row.map(({ word, quote }) => ({ text: words[word % words.length]!, quote }))), columns, pieceSize }));

/** What the model numbers: per column, first come, first numbered. */
function modelNumbers(c: Case): { numbers: number[][]; texts: string[][] } {
  const maps = c.columns.map(() => new Map<string, number>());
  const texts: string[][] = c.columns.map(() => []);
  const numbers = c.rows.map((row) =>
    c.columns.map((index, k) => {
      const text = index < row.length ? row[index]!.text : '';
      let number = maps[k]!.get(text);
      if (number === undefined) {
        number = maps[k]!.size;
        maps[k]!.set(text, number);
        texts[k]!.push(text);
      }
      return number;
    }),
  );
  return { numbers, texts };
}

/** What CellNumbers numbers, batch by batch as the worker gathers them (scan-worker.ts, Batch). */
function workerNumbers(c: Case, inWebAssembly: boolean): { numbers: number[][]; texts: string[][] } {
  const columns: NumberedColumn[] = c.columns.map((index) => ({ index, date: false }));
  const numbering = new CellNumbers(columns, inWebAssembly);
  const numbers: number[][] = [];
  const texts: string[][] = columns.map(() => []);
  let first: ScannedRow | undefined;
  let rows = 0;
  let meta = new Int32Array(META * 4096);
  const scanner = new TableScanner(',', (row) => {
    if (rows === 0) first = row;
    writeMeta(meta, rows++, row);
    row.first += row.count;
  });
  const flush = () => {
    if (rows === 0 || first === undefined) return;
    const cells = first.first;
    const into = new Int32Array(rows * columns.length);
    numbering.numberRows({ text: first.text, rows, meta: meta.subarray(0, rows * META), starts: first.starts.subarray(0, cells), ends: first.ends.subarray(0, cells), quoted: first.quoted.subarray(0, cells) }, into);
    for (let r = 0; r < rows; r++) numbers.push(Array.from(into.subarray(r * columns.length, (r + 1) * columns.length)));
    numbering.fresh().forEach((fresh, k) => texts[k]!.push(...fresh));
    first.first = 0;
    rows = 0;
    meta = new Int32Array(META * 4096);
  };
  const text = c.rows.map((row) => row.map((cell) => csvCell(cell.text, cell.quote)).join(',')).join('\n') + '\n';
  for (let at = 0; at < text.length; at += c.pieceSize) {
    scanner.push(text.slice(at, at + c.pieceSize));
    flush();
  }
  scanner.finish();
  flush();
  return { numbers, texts };
}

describe('property: the scan worker numbers each cell as a plain model does', () => {
  for (const inWebAssembly of [true, false]) {
    it(`compared ${inWebAssembly ? 'in WebAssembly' : 'in JavaScript alone'}`, () => {
      fc.assert(
        fc.property(cases, (c) => {
          // A row of one empty cell is a blank line, which the scanner reads as a row of one cell, as the model does.
          expect(workerNumbers(c, inWebAssembly)).toEqual(modelNumbers(c));
        }),
        propertyRuns({ runs: 300 }),
      );
    });
  }

  it('tells apart, at every length up to 70, the texts that differ in any one byte', () => {
    for (let length = 1; length <= 70; length++) {
      const text = textOf(length, -1, 'Neither agree nor disagree');
      for (let flip = 0; flip < length; flip++) {
        // A row a piece: the twin is compared with the one text of its length the first row numbered.
        const rows = [text, textOf(length, flip, 'Neither agree nor disagree'), text].map((cell) => [{ text: cell, quote: false }]);
        const c: Case = { rows, columns: [0], pieceSize: length + 1 };
        expect(workerNumbers(c, true), `length ${length}, byte ${flip}`).toEqual(modelNumbers(c));
      }
    }
  });

  it('numbers the cells of a long run of batches, most of them in WebAssembly, as the model does', () => {
    const labels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', '', 'Agrea', 'Strongly disagreX', 'Neither agree nor disagree, or not'];
    const rows = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 6 }, (_, k) => ({ text: labels[(r * 7 + k * 3 + (r >> 4)) % labels.length]!, quote: (r + k) % 97 === 0 })));
    const c: Case = { rows, columns: [0, 2, 3, 5], pieceSize: 4096 };
    expect(workerNumbers(c, true)).toEqual(modelNumbers(c));
  });
});
