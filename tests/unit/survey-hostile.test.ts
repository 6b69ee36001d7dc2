/**
 * Hostile survey exports end in findings, fast (docs/file-formats.md, "Files": limits checked while
 * reading, one finding naming the limit): unbalanced quotes, a 100 MB cell, 10,000 columns,
 * duplicate headers, damaged and bomb workbooks, formula text and control characters in cells,
 * bytes that are not text in the encoding they claim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileExport } from '../../src/inputs/survey/profile-export.js';
import { proposeMapping } from '../../src/inputs/survey/propose-mapping.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { ITEM_IDS } from '../helpers/answers-file.js';
import { REPO } from '../helpers/run-cli.js';
import { readExport } from '../helpers/survey-read.js';
import { xlsx, zip } from '../helpers/xlsx-writer.js';

let rubric: Rubric;
beforeAll(async () => {
  rubric = (await loadRubric('service-commitments')).rubric;
});

const bytes = (text: string) => new TextEncoder().encode(text);
const FAST = 2000;

async function timed<T>(run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  expect(performance.now() - start).toBeLessThan(FAST);
  return result;
}

describe('CSV', () => {
  it('an unbalanced quote: one finding', async () => {
    const read = await timed(() => readExport(bytes('name,be-nice\n"Dana,4\nEli,3\n'), 'x.csv', rubric));
    expect(read.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['csv-syntax', 2, 1]]);
  });

  it('a 100 MB cell: one export-limit finding at its start, without reading the rest', async () => {
    let produced = 0;
    async function* huge(): AsyncGenerator<Uint8Array> {
      yield bytes('name,be-nice\n"');
      const chunk = new Uint8Array(1 << 16).fill(0x61);
      for (let i = 0; i < 1600; i++) {
        produced += chunk.length;
        yield chunk;
      }
      yield bytes('",4\n');
    }
    const read = await timed(() => readExport(huge(), 'x.csv', rubric));
    expect(read.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['export-limit', 2, 1]]);
    expect(read.findings[0]!.message).toMatch(/100 kB/);
    expect(produced).toBeLessThan(1_000_000);
  });

  it('a row past 1 MB: one export-limit finding', async () => {
    const row = Array.from({ length: 20 }, () => 'x'.repeat(60_000)).join(',');
    const read = await timed(() => readExport(bytes(`name,be-nice\n${row}\n`), 'x.csv', rubric));
    expect(read.findings.map((f) => f.rule)).toEqual(['export-limit']);
    expect(read.findings[0]!.message).toMatch(/1 MB/);
  });

  it('10,000 columns: read, and proposed for, in well under the limit', async () => {
    const header = [...ITEM_IDS, ...Array.from({ length: 10_000 - ITEM_IDS.length }, (_, i) => `extra ${i}`)];
    const row = header.map((_, i) => (i < ITEM_IDS.length ? '3' : `v${i}`));
    const text = `${header.join(',')}\n${row.join(',')}\n`;
    const read = await timed(() => readExport(bytes(text), 'wide.csv', rubric));
    expect(read.findings).toEqual([]);
    expect(read.sets).toHaveLength(1);
    expect(read.sets[0]!.answers.size).toBe(13);
    const proposed = await timed(async () => proposeMapping((await profileExport(bytes(text), 'wide.csv', ITEM_IDS)).profile, rubric));
    expect(proposed).toContain('be-nice: "be-nice"');
  });

  it('duplicate headers: an item column twice, and a mapping header naming two columns', async () => {
    const read = await readExport(bytes('be-nice,listen,be-nice\n4,3,2\n'), 'dup.csv', rubric);
    expect(read.findings.map((f) => [f.rule, f.column])).toEqual([['csv-duplicate-column', 16]]);
    const mapping = 'svcaudit: 1\nkind: mapping\nrubric: service-commitments\ncolumns:\n  be-nice: "Courtesy?"\n';
    const viaMap = await readExport(bytes('Timestamp,Courtesy?,courtesy? \n2026/01/02 10:00:00,4,4\n'), 'dup.csv', rubric, mapping);
    const found = viaMap.findings.filter((f) => f.rule === 'mapping-column-not-found');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'mapping.yaml', line: 5, column: 12 });
    expect(found[0]!.message).toMatch(/B and C/);
  });

  it('formula text and control characters are text: refused as answers, kept as names, escaped in messages', async () => {
    const read = await readExport(bytes('name,be-nice,listen\n"=HYPERLINK(""http://x"",""y"")",=1+1,"\u001b[31m"\n'), 'f.csv', rubric);
    expect(read.findings.map((f) => f.rule)).toEqual(['export-answer-invalid', 'export-answer-invalid']);
    expect(read.findings[0]!.message).toContain('`=1+1`');
    expect(read.findings[1]!.message).toContain('\\u001b[31m');
    expect(read.findings[1]!.message).not.toContain('\u001b');
    const names = await readExport(bytes('name,be-nice\n"=cmd|\' /C calc\'!A0",4\n'), 'f.csv', rubric);
    expect(names.findings).toEqual([]);
    expect(names.sets[0]!.respondent.name).toBe("=cmd|' /C calc'!A0");
  });
});

describe('encodings', () => {
  it('NUL bytes without a byte-order mark: not text', async () => {
    const read = await readExport(Buffer.from('be-nice\n4\n', 'utf16le'), 'x.csv', rubric);
    expect(read.findings.map((f) => f.rule)).toEqual(['file-binary']);
  });

  it('a lone surrogate in UTF-16: an error, never U+FFFD', async () => {
    const body = Buffer.from('name,be-nice\nA\uD800B,4\n', 'utf16le');
    const read = await readExport(Buffer.concat([Buffer.from([0xff, 0xfe]), body]), 'x.csv', rubric);
    expect(read.findings.map((f) => [f.rule, f.line])).toEqual([['file-encoding-invalid', 2]]);
    expect(JSON.stringify(read.sets)).not.toContain('\uFFFD');
  });

  it('UTF-16 BE with its byte-order mark', async () => {
    const body = Buffer.from('name,be-nice\nSiân,4\n', 'utf16le').swap16();
    const read = await readExport(Buffer.concat([Buffer.from([0xfe, 0xff]), body]), 'x.csv', rubric);
    expect(read.findings).toEqual([]);
    expect(read.sets[0]!.respondent.name).toBe('Siân');
  });

  it('UTF-8 text, then a Windows-1252 byte: mixed encodings, an error, and the byte kept as its character', async () => {
    const read = await readExport(Buffer.concat([Buffer.from('name,be-nice\nSiân,4\n', 'utf8'), Buffer.from([0x5a, 0x6f, 0xeb, 0x2c, 0x33, 0x0a])]), 'x.csv', rubric);
    expect(read.findings.map((f) => [f.rule, f.line])).toEqual([['file-encoding-invalid', 3]]);
    expect(read.sets.map((s) => s.respondent.name)).toEqual(['Siân', 'Zoë']);
  });

  it('a UTF-8 character cut between two chunks is one character', async () => {
    const all = Buffer.from('name,be-nice\nSiân,4\n', 'utf8');
    const cut = all.indexOf(0xc3) + 1;
    async function* twoChunks(): AsyncGenerator<Uint8Array> {
      yield all.subarray(0, cut);
      yield all.subarray(cut);
    }
    const read = await readExport(twoChunks(), 'x.csv', rubric);
    expect(read.findings).toEqual([]);
    expect(read.sets[0]!.respondent.name).toBe('Siân');
  });
});

describe('XLSX', () => {
  const fixture = () => readFileSync(join(REPO, 'tests/fixtures/exports/microsoft-forms.xlsx'));

  it('truncated: one export-unreadable finding', async () => {
    const whole = fixture();
    for (const size of [whole.length - 10, Math.floor(whole.length / 2), 100]) {
      const read = await timed(() => readExport(whole.subarray(0, size), 'x.xlsx', rubric));
      expect(read.findings.map((f) => f.rule)).toEqual(['export-unreadable']);
    }
  });

  it('a zip bomb whose directory lies about the size: stopped at the declared size', async () => {
    const row = '<row><c t="inlineStr"><is><t>be-nice</t></is></c></row>';
    const big = new TextEncoder().encode(`<worksheet><sheetData>${row.repeat(500_000)}</sheetData></worksheet>`);
    const book = xlsx([['be-nice']]);
    const parts = [
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: new TextEncoder().encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: big, declaredSize: 10_000 },
    ];
    expect(book.length).toBeGreaterThan(0);
    const bomb = zip(parts);
    const read = await timed(() => readExport(bomb, 'bomb.xlsx', rubric));
    expect(read.findings.map((f) => f.rule)).toEqual(['export-unreadable']);
    expect(read.findings[0]!.message).toMatch(/declares/);
  });

  it('a workbook that declares more than 500 MB unpacked: refused before unpacking', async () => {
    const parts = [
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: new TextEncoder().encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode('<worksheet/>'), declaredSize: 600_000_000 },
    ];
    const bomb = zip(parts);
    const read = await timed(() => readExport(bomb, 'bomb.xlsx', rubric));
    expect(read.findings.map((f) => f.rule)).toEqual(['export-limit']);
    expect(read.findings[0]!.message).toMatch(/500 MB/);
  });

  it('past 50 MB on disk: one export-limit finding', async () => {
    const big = new Uint8Array(51_000_000);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const read = await timed(() => readExport(big, 'big.xlsx', rubric));
    expect(read.findings.map((f) => f.rule)).toEqual(['export-limit']);
  });

  it('a sheet named by the mapping, and one it lacks', async () => {
    const book = xlsx([['be-nice'], [4]], { sheetName: 'First', extraSheets: ['Second'] });
    const read = await readExport(book, 'b.xlsx', rubric);
    expect(read.sets.map((s) => s.answers.get('be-nice')?.score)).toEqual([4]);
    const mapping = 'svcaudit: 1\nkind: mapping\nrubric: service-commitments\nsheet: Third\ncolumns:\n  be-nice: be-nice\n';
    const missing = await readExport(book, 'b.xlsx', rubric, mapping);
    expect(missing.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['export-unreadable']);
    expect(missing.findings.find((f) => f.rule === 'export-unreadable')!.message).toMatch(/`First`, `Second`/);
  });

  it('an encrypted workbook (an OLE file): one finding', async () => {
    const read = await readExport(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'e.xlsx', rubric);
    expect(read.findings.map((f) => f.rule)).toEqual(['export-unreadable']);
  });
});
