/**
 * The streaming CSV reader (src/answers/csv-rows.ts) against RFC 4180
 * (https://www.rfc-editor.org/rfc/rfc4180): quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF or LF, a byte-order mark; the line and
 * column of every cell and of every syntax error; and, as a property, the
 * same rows whatever the chunking of the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, CsvSyntaxError, type CsvRow } from '../../src/inputs/svcaudit-csv/csv-rows.js';
import { propertyRuns } from '../helpers/property-runs.js';

async function rows(chunks: Iterable<string> | AsyncIterable<string>): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of csvRows(chunks)) out.push({ line: row.line, cells: [...row.cells], columns: [...row.columns], lines: [...row.lines] });
  return out;
}

async function cells(text: string): Promise<string[][]> {
  return (await rows([text])).map((r) => r.cells);
}

async function syntaxError(chunks: Iterable<string>): Promise<CsvSyntaxError> {
  try {
    await rows(chunks);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

/** Every way of cutting `text` in two, plus one character at a time. */
function chunkings(text: string): string[][] {
  const out: string[][] = [[...text]];
  for (let i = 0; i <= text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

describe('RFC 4180 fields', () => {
  it.each<[string, string, string[][]]>([
    ['plain cells', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['no trailing newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF line ends', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['CR line ends (old Mac exports)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['mixed line ends', 'a\r\nb\nc\rd', [['a'], ['b'], ['c'], ['d']]],
    ['quoted fields', '"a","b c"\n', [['a', 'b c']]],
    ['a doubled quote is one quote', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['only a doubled quote', '""""\n', [['"']]],
    ['a comma inside quotes', '"a,b",c\n', [['a,b', 'c']]],
    ['LF inside quotes', '"a\nb",c\n', [['a\nb', 'c']]],
    ['CRLF inside quotes', '"a\r\nb",c\r\n', [['a\r\nb', 'c']]],
    ['CR inside quotes', '"a\rb",c\n', [['a\rb', 'c']]],
    ['a byte-order mark is dropped', '\uFEFFname,role\nDana,customer\n', [['name', 'role'], ['Dana', 'customer']]],
    ['a BOM inside a cell is kept', 'a,\uFEFFb\n', [['a', '\uFEFFb']]],
    ['empty cells', ',a,,\n,,\n', [['', 'a', '', ''], ['', '', '']]],
    ['an empty quoted cell', '"",a,""\n', [['', 'a', '']]],
    ['a trailing comma at the end of input', 'a,', [['a', '']]],
    ['a quoted cell at the end of input', 'a,"b"', [['a', 'b']]],
    ['an empty quoted cell at the end of input', 'a,""', [['a', '']]],
    ['a blank line is a row with one empty cell', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['a blank CRLF line', 'a\r\n\r\nb\r\n', [['a'], [''], ['b']]],
    ['spaces are data', ' a , b \n', [[' a ', ' b ']]],
    ['unicode', 'é,日本,"🙂,x"\n', [['é', '日本', '🙂,x']]],
    ['an empty input has no rows', '', []],
    ['a lone newline is one blank row', '\n', [['']]],
  ])('%s', async (_name, text, expected) => {
    expect(await cells(text)).toEqual(expected);
  });

  it('reads an async iterable of chunks (a file stream)', async () => {
    async function* stream() {
      yield 'na';
      yield 'me,"ro';
      yield 'le"\r';
      yield '\nDana,"cus"'; // ends on the first quote of a doubled quote
      yield '"tomer"';
    }
    expect((await rows(stream())).map((r) => r.cells)).toEqual([['name', 'role'], ['Dana', 'cus"tomer']]);
  });

  it('takes another delimiter', async () => {
    const out: string[][] = [];
    for await (const row of csvRows(['a;"b;c";d\n'], ';')) out.push(row.cells);
    expect(out).toEqual([['a', 'b;c', 'd']]);
  });

  it('drops the BOM only at the very start, even when the first chunk is empty', async () => {
    expect((await rows(['', '\uFEFFa,b\n'])).map((r) => r.cells)).toEqual([['a', 'b']]);
    // A second U+FEFF is data, also when a chunk ends right after the byte-order mark.
    expect((await rows(['\uFEFF', '\uFEFFa,b\n'])).map((r) => r.cells)).toEqual([['\uFEFFa', 'b']]);
  });
});

describe('line and column numbers', () => {
  it('gives the 1-based line of each row and the column where each cell starts', async () => {
    expect(await rows(['name,role,be-nice\nDana,customer,4\n'])).toEqual([
      { line: 1, cells: ['name', 'role', 'be-nice'], columns: [1, 6, 11], lines: [1, 1, 1] },
      { line: 2, cells: ['Dana', 'customer', '4'], columns: [1, 6, 15], lines: [2, 2, 2] },
    ]);
  });

  it('counts the quotes and doubled quotes of a cell in the columns after it', async () => {
    expect(await rows(['"a""b",c,"",d\n'])).toEqual([{ line: 1, cells: ['a"b', 'c', '', 'd'], columns: [1, 8, 10, 13], lines: [1, 1, 1, 1] }]);
  });

  it('counts line breaks inside quoted cells, so the next row has its real line', async () => {
    const r = await rows(['id,note\n1,"two\nlines\r\nand a third"\n2,x\n']);
    expect(r.map((row) => [row.line, row.cells])).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'two\nlines\r\nand a third']],
      [5, ['2', 'x']],
    ]);
    expect(r[1]!.lines).toEqual([2, 2]);
    expect(r[2]!.columns).toEqual([1, 3]);
  });

  it('gives a cell that starts after a multi-line cell its own line, and its column on that line', async () => {
    const r = await rows(['h\n"a\nbc",d,"e\r\n\nf",g\n']);
    expect(r[1]).toEqual({ line: 2, cells: ['a\nbc', 'd', 'e\r\n\nf', 'g'], columns: [1, 5, 7, 4], lines: [2, 3, 3, 5] });
  });

  it('counts CRLF as one line break, also when a chunk ends between CR and LF', async () => {
    for (const chunks of chunkings('a\r\nb\r\n\r\nc')) {
      expect((await rows(chunks)).map((r) => [r.line, r.cells[0]])).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
    }
  });

  it('does not count the BOM as a column', async () => {
    expect((await rows(['\uFEFFa,b\n']))[0]!.columns).toEqual([1, 3]);
  });
});

describe('syntax errors carry the line and column', () => {
  it.each<[string, string, RegExp, number, number]>([
    ['an unclosed quote, at the opening quote', 'a,b\n1,"open\n2,3\n', /never closed/, 2, 3],
    ['an unclosed quote on the first line', '"abc', /never closed/, 1, 1],
    ['an unclosed quote after a doubled quote', 'x,"a""', /never closed/, 1, 3],
    ['a quote inside an unquoted cell', 'name\nDa"na\n', /quote \("\) inside an unquoted cell/, 2, 3],
    ['a quote after spaces', 'a, "b"\n', /inside an unquoted cell/, 1, 4],
    ['a quote at the end of an unquoted cell', 'a,bc"\n', /inside an unquoted cell/, 1, 5],
    ['text after the closing quote', 'a,"b"c\n', /Text after the closing quote/, 1, 6],
    ['a space after the closing quote', '"a" ,b\n', /Text after the closing quote/, 1, 4],
    ['text after a multi-line quoted cell', 'h\n"a\nb"x\n', /Text after the closing quote/, 3, 3],
  ])('%s', async (_name, text, message, line, column) => {
    for (const chunks of chunkings(text)) {
      const error = await syntaxError(chunks);
      expect(error.message).toMatch(message);
      expect([error.line, error.column]).toEqual([line, column]);
    }
  });

  it('yields the good rows before the error (the reader streams)', async () => {
    const seen: string[][] = [];
    await expect(async () => {
      for await (const row of csvRows(['a,b\n1,2\n3,"x"y\n'])) seen.push(row.cells);
    }).rejects.toBeInstanceOf(CsvSyntaxError);
    expect(seen).toEqual([['a', 'b'], ['1', '2']]);
  });
});

// ---------------------------------------------------------------------------
// Property: any table, serialised RFC-4180 style, cut into any chunks, reads back as the same table.

const cellChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('"', ',', '\r', '\n', ' ', 'a', 'Z', '0') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('é', '日', '🙂', '\uFEFF', '\t', ';') },
);
const cell = fc.array(cellChar, { maxLength: 8 }).map((parts) => parts.join(''));
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

interface Serialised {
  readonly text: string;
  /**
   * Line of each row and line and column of each of its cells, as the reader must report them: lines are
   * counted by LF, as `wc -l` and `grep -n` count them (a lone CR inside quotes is a character).
   */
  readonly positions: { line: number; columns: number[]; lines: number[] }[];
}

/**
 * RFC 4180 writing: a cell is quoted when it must be (quote, comma, CR, LF),
 * or when it is the only, empty cell of its row (else the row reads as a blank line),
 * or when `quoteAll` asks for it; quotes inside are doubled.
 */
function serialise(rowsIn: string[][], eol: readonly string[], quoteAll: boolean, trailingEol: boolean, bom: boolean): Serialised {
  let text = bom ? '\uFEFF' : '';
  let line = 1;
  let column = 1;
  const positions: Serialised['positions'] = [];
  const advance = (s: string) => {
    for (const ch of s) {
      if (ch === '\n') {
        line++;
        column = 1;
      } else column += ch.length; // UTF-16 code units, like String indexes
    }
  };
  rowsIn.forEach((row, r) => {
    const columns: number[] = [];
    const lines: number[] = [];
    const rowLine = line;
    row.forEach((value, c) => {
      if (c > 0) {
        text += ',';
        advance(',');
      }
      columns.push(column);
      lines.push(line);
      // A leading U+FEFF at the very start of the text would read as a byte-order mark.
      const startsText = r === 0 && c === 0 && !bom;
      const mustQuote = /[",\r\n]/.test(value) || (row.length === 1 && value === '') || (startsText && value.startsWith('\uFEFF'));
      const out = mustQuote || quoteAll ? `"${value.replaceAll('"', '""')}"` : value;
      text += out;
      advance(out);
    });
    positions.push({ line: rowLine, columns, lines });
    if (r < rowsIn.length - 1 || trailingEol) {
      const end = eol[r % eol.length]!;
      text += end;
      line++;
      column = 1;
    }
  });
  return { text, positions };
}

/** Cuts text at the given (sorted, de-duplicated) offsets. */
function cut(text: string, offsets: readonly number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let start = 0;
  for (const p of points) {
    out.push(text.slice(start, p));
    start = p;
  }
  out.push(text.slice(start));
  return out;
}

describe('property: chunking never changes the rows', () => {
  it('reads back any table, with its lines and columns, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (t, eol, quoteAll, trailingEol, bom, offsets) => {
          const { text, positions } = serialise(t, eol, quoteAll, trailingEol, bom);
          const whole = await rows([text]);
          expect(whole.map((r) => r.cells)).toEqual(t);
          expect(whole.map((r) => ({ line: r.line, columns: r.columns, lines: r.lines }))).toEqual(positions);
          // Random cuts, one character at a time, and a cut right after every quote.
          const quoteCuts = [...text].reduce<number[]>((acc, ch, i) => (ch === '"' ? [...acc, i + 1] : acc), []);
          for (const chunks of [cut(text, offsets), [...text], cut(text, quoteCuts), text.split(/(?<=")/)]) {
            expect(chunks.join('')).toBe(text);
            expect(await rows(chunks)).toEqual(whole);
          }
        },
      ),
      propertyRuns({ runs: 200 }),
    );
  });

  it('reads CR-only line ends the same whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat(), { maxLength: 12 }), async (t, offsets) => {
        const { text } = serialise(t, ['\r'], false, true, false);
        const whole = await rows([text]);
        expect(whole.map((r) => r.cells)).toEqual(t);
        expect(await rows(cut(text, offsets))).toEqual(whole);
        expect(await rows([...text])).toEqual(whole);
      }),
      propertyRuns({ runs: 200 }),
    );
  });

  it('reports the same error at the same place whatever the chunks', async () => {
    const bad = fc.tuple(table, fc.constantFrom('"x"y', 'x"y', '"open', ' "a"'), fc.array(fc.nat(), { maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(bad, async ([t, tail, offsets]) => {
        const text = `${serialise(t, ['\n'], true, true, false).text}${tail}\n`;
        const whole = await syntaxError([text]);
        for (const chunks of [cut(text, offsets), [...text]]) {
          const error = await syntaxError(chunks);
          expect([error.message, error.line, error.column]).toEqual([whole.message, whole.line, whole.column]);
        }
        expect(whole.line).toBe(text.slice(0, text.length - tail.length - 1).split('\n').length);
      }),
      propertyRuns({ runs: 200 }),
    );
  });
});
