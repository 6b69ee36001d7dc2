/**
 * property: the survey export tokenizer (inputs/survey/csv-tokenizer.ts), which scans runs of plain
 * characters and computes columns from where a line starts, reads every text as the svcaudit CSV
 * reader (inputs/svcaudit-csv/csv-rows.ts) does: the same cells, the same lines and columns, the
 * same syntax errors at the same places, however the text is cut into chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/inputs/svcaudit-csv/csv-rows.js';
import { csvTextRows } from '../../src/inputs/survey/csv-tokenizer.js';
import { propertyRuns } from '../helpers/property-runs.js';
import { cut } from '../helpers/text-pieces.js';

interface Row {
  readonly cells: readonly string[];
  readonly line: number;
  readonly lines: readonly number[];
  readonly columns: readonly number[];
}

async function read(rows: () => AsyncIterable<Row>): Promise<unknown> {
  const out: unknown[] = [];
  try {
    for await (const r of rows()) out.push([r.cells, r.line, r.lines, r.columns]);
    return out;
  } catch (error) {
    const e = error as Error & { line: number; column: number };
    return { error: e.message, line: e.line, column: e.column };
  }
}

describe('property: the two CSV tokenizers agree', () => {
  it('on cells, positions and errors, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[ab,"\n\r ]{0,60}$/), fc.array(fc.nat(64), { maxLength: 8 }), async (body, at) => {
        // A fixed header line, so both read the delimiter as a comma.
        const text = `a,b\n${body}`;
        expect(await read(() => csvTextRows(cut(text, at), ','))).toEqual(await read(() => csvRows([text])));
      }),
      propertyRuns({ runs: 2000 }),
    );
  });
});
