/**
 * The .xlsx reader (src/inputs/survey/xlsx/read-xlsx.ts): one sheet as rows of cell text, as
 * ECMA-376 Part 1 §18.3.1 says a cell reads (shared and inline strings, rich text without its
 * phonetic runs, booleans, errors, a formula's cached value, numbers and serial dates as written),
 * and a damaged workbook as one XlsxError that says why, never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { openXlsx, XlsxError } from '../../src/inputs/survey/xlsx/read-xlsx.js';
import { xlsx, zip, type ZipPart } from '../helpers/xlsx-writer.js';

const text = (s: string) => new TextEncoder().encode(s);
const WORKBOOK = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetOf = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

function book(sheet: string, options: { strings?: string; workbook?: string; part?: Partial<ZipPart> } = {}): Buffer {
  return zip([
    { name: 'xl/workbook.xml', data: text(options.workbook ?? WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: text(RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: text(sheet), ...options.part },
    ...(options.strings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: text(options.strings) }]),
  ]);
}

async function read(bytes: Uint8Array, sheet?: string) {
  const opened = await openXlsx(bytes, sheet);
  const rows: Array<[number, string[]]> = [];
  for await (const r of opened.rows) rows.push([r.row, r.cells]);
  return { name: opened.name, sheets: opened.sheets, date1904: opened.date1904, rows };
}

async function failure(run: () => Promise<unknown>): Promise<XlsxError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(XlsxError);
  return error as XlsxError;
}

describe('cells', () => {
  it('each type of cell, as its text', async () => {
    const cells = [
      '<c r="A1" t="s"><v>1</v></c>',
      '<c r="B1" t="inlineStr"><is><r><t>Hel</t></r><r><rPr><b/></rPr><t xml:space="preserve">lo </t></r><rPh sb="0" eb="1"><t>ハロ</t></rPh></is></c>',
      '<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>',
      '<c r="E1" t="e"><v>#N/A</v></c>',
      '<c r="F1"><f>SUM(G1:H1)</f><v>7</v></c>',
      '<c r="G1" s="2"><v>46000.4375</v></c>',
      '<c r="H1" t="str"><f>A1&amp;"!"</f><v>Tuesday!</v></c>',
      '<c r="I1"/>',
      '<c r="J1" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c>',
    ].join('');
    const strings = '<sst><si><t>first</t></si><si><r><t>Ri</t></r><r><t>ch</t></r><rPh><t>リッチ</t></rPh></si></sst>';
    expect((await read(book(sheetOf(`<row r="1">${cells}</row>`), { strings }))).rows).toEqual([
      [1, ['Rich', 'Hello ', 'TRUE', 'FALSE', '#N/A', '7', '46000.4375', 'Tuesday!', '', 'a <b> & c']],
    ]);
  });

  it("entities, character references beyond U+FFFF and Excel's _xHHHH_ escape", async () => {
    const cell = '<c r="A1" t="inlineStr"><is><t>&lt;&amp;&gt; &#233; &#x1F600; &#128512; line_x000D_end _x0009_</t></is></c>';
    expect((await read(book(sheetOf(`<row r="1">${cell}</row>`)))).rows).toEqual([[1, ['<&> é 😀 😀 line\rend \t']]]);
  });

  it('rows and cells without references follow the one before; skipped columns are empty', async () => {
    const rows = '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c><c><v>3</v></c></row><row/><row r="2"><c r="AB2"><v>4</v></c></row>';
    expect((await read(book(sheetOf(rows)))).rows).toEqual([
      [1, ['a', '1']],
      [4, ['', '', '2', '3']],
      [5, []],
      [6, [...Array.from({ length: 27 }, () => ''), '4']],
    ]);
  });

  it('any namespace prefix, and the 1904 date system', async () => {
    const sheet = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const workbook = '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Forms &amp; more" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>';
    expect(await read(book(sheet, { workbook }))).toEqual({ name: 'Forms & more', sheets: ['Forms & more'], date1904: true, rows: [[1, ['1']]] });
  });

  it('a sheet by name, exactly or with case and spaces ignored', async () => {
    const two = xlsx([['first']], { sheetName: 'First', extraSheets: ['Second'] });
    expect((await read(two)).name).toBe('First');
    expect(await read(two, ' second ')).toMatchObject({ name: 'Second', rows: [[1, ['other']]] });
    expect((await failure(() => read(two, 'Third'))).message).toBe('The workbook has no sheet `Third` (its sheets: `First`, `Second`).');
  });

  it('a workbook whose parts carry their sizes after the data (a streaming writer)', async () => {
    const parts = [
      { name: 'xl/workbook.xml', data: text(WORKBOOK), dataDescriptor: true },
      { name: 'xl/_rels/workbook.xml.rels', data: text(RELS), dataDescriptor: true },
      { name: 'xl/worksheets/sheet1.xml', data: text(sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>4</v></c></row>')), dataDescriptor: true },
      { name: 'xl/sharedStrings.xml', data: text('<sst><si><t>be-nice</t></si></sst>'), dataDescriptor: true },
    ];
    expect((await read(zip(parts))).rows).toEqual([[1, ['be-nice', '4']]]);
  });
});

describe('damaged workbooks: one XlsxError each', () => {
  it('a sheet whose XML is cut or mismatched', async () => {
    for (const sheet of [sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -20), sheetOf('<row r="1"><c r="A1"><v>1</v></row>')]) {
      const error = await failure(() => read(book(sheet)));
      expect([error.rule, error.message]).toEqual(['export-unreadable', expect.stringMatching(/^The workbook cannot be read: its part xl\/worksheets\/sheet1\.xml is not well-formed XML \(.+\); the file is damaged\.$/)]);
    }
  });

  it('a part that unpacks to fewer bytes than its directory says', async () => {
    const error = await failure(() => read(book(sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>'), { part: { declaredSize: 10_000 } })));
    expect(error.message).toBe('The workbook cannot be read: its part xl/worksheets/sheet1.xml unpacks to fewer than the 10000 bytes its directory declares; the file is damaged.');
  });

  it('a directory entry whose name runs past the end of the file', async () => {
    const whole = xlsx([['be-nice'], [4]]);
    const central = whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    whole.writeUInt16LE(0xffff, central + 28);
    const error = await failure(() => read(whole));
    expect([error.rule, error.message]).toEqual(['export-unreadable', expect.stringMatching(/^The workbook cannot be read: its ZIP structure is damaged \(.+\)\.$/)]);
  });

  it('deflated data that is not deflate', async () => {
    const whole = xlsx([['be-nice'], [4]]);
    const at = whole.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    whole.fill(0xff, at, at + 8);
    const error = await failure(() => read(whole));
    expect([error.rule, error.message]).toEqual(['export-unreadable', expect.stringMatching(/^The workbook cannot be read: its part xl\/worksheets\/sheet1\.xml cannot be unpacked \(.+\); the file is damaged or truncated\.$/)]);
  });
});
