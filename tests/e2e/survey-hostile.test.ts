/**
 * Hostile survey exports through the built binary (docs/file-formats.md, "Files": the limits are
 * checked while reading): each ends in findings, with no stack trace, within two seconds, and what
 * the export's text reaches in CSV output cannot run as a spreadsheet formula.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from '../../src/inputs/svcaudit-csv/csv-rows.js';
import { ITEM_IDS } from '../helpers/answers-file.js';
import { REPO, requireBuild, svcaudit, type CliResult } from '../helpers/run-cli.js';
import { xlsx, zip } from '../helpers/xlsx-writer.js';

/**
 * Each run, Node's start included, takes well under two seconds on an idle machine (about half a
 * second for most, a second for the 100 MB file); the bound leaves room for the other test
 * processes CI runs on the same two cores. That a hostile file is not read whole is measured
 * apart, by the peak memory of the run.
 */
const FAST = 3000;
let tmp: string;
const at = (name: string) => join(tmp, name);

async function timed(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult & { ms: number }> {
  const start = performance.now();
  const r = await svcaudit(args, { env });
  return { ...r, ms: performance.now() - start };
}

/** A Google Forms export with `extra` columns, and a mapping naming the 13 items by header. */
function googleForms(rows: readonly string[][], extraHeaders: readonly string[] = []): { csv: string; map: string } {
  const header = ['Timestamp', 'Role', ...ITEM_IDS.map((id) => `Q ${id}`), ...extraHeaders];
  const csv = [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
  const map = `svcaudit: 1\nkind: mapping\nrubric: service-commitments\ncolumns:\n${ITEM_IDS.map((id) => `  ${id}: Q ${id}\n`).join('')}respondent:\n  role: Role\ndate: Timestamp\n`;
  return { csv, map };
}

beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile exports end in findings, fast', () => {
  it('an unbalanced quote, in svcaudit\'s layout and through a mapping', async () => {
    writeFileSync(at('quote.csv'), 'name,be-nice\n"Dana,4\nEli,3\n');
    const own = await timed(['score', at('quote.csv')]);
    expect([own.code, own.ms < FAST]).toEqual([2, true]);
    expect(own.stderr).toMatch(/quote\.csv:2:1: A quoted cell is never closed/);

    const { csv, map } = googleForms([['2026-11-03', '"customer', ...ITEM_IDS.map(() => '4')]]);
    writeFileSync(at('quote-gf.csv'), csv);
    writeFileSync(at('quote-gf.map.yaml'), map);
    const mapped = await timed(['validate', at('quote-gf.csv'), '--map', at('quote-gf.map.yaml')]);
    expect([mapped.code, mapped.ms < FAST]).toEqual([1, true]);
    expect(mapped.stdout).toContain('csv-syntax');
  });

  it('a 100 MB cell: one export-limit finding, without reading the rest', async () => {
    const fd = openSync(at('huge.csv'), 'w');
    writeSync(fd, 'name,be-nice\n"');
    const chunk = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    writeSync(fd, '",4\n');
    closeSync(fd);
    for (const args of [['score', at('huge.csv')], ['validate', at('huge.csv')]]) {
      const rss = at(`rss-${args[0]}`);
      const r = await timed(args, { NODE_OPTIONS: `--import=${join(REPO, 'bench/rss-on-exit.mjs')}`, SVCAUDIT_RSS_FILE: rss });
      expect(r.ms).toBeLessThan(FAST);
      // Reading the file whole would hold its 100 MB at least once, as bytes or as text.
      expect(Number(readFileSync(rss, 'utf8').split(' ')[0]) / 1024).toBeLessThan(100);
      expect(r.code).toBe(args[0] === 'score' ? 2 : 1);
      expect(r.stdout + r.stderr).toMatch(/huge\.csv.*2:1.*A cell is longer than 100 kB|2:1\s+error\s+A cell is longer than 100 kB/s);
    }
  });

  it('10,000 columns: read in time, through a mapping and without one', async () => {
    const extra = Array.from({ length: 10_000 - 15 }, (_, i) => `Extra ${i}`);
    const { csv, map } = googleForms(Array.from({ length: 50 }, () => ['2026-11-03', 'customer', ...ITEM_IDS.map(() => '4'), ...extra.map(() => 'x')]), extra);
    writeFileSync(at('wide.csv'), csv);
    writeFileSync(at('wide.map.yaml'), map);
    const mapped = await timed(['score', at('wide.csv'), '--map', at('wide.map.yaml'), '--format', 'json']);
    expect([mapped.code, mapped.ms < FAST]).toEqual([0, true]);
    expect(JSON.parse(mapped.stdout).respondents).toBe(50);
    writeFileSync(at('wide-ids.csv'), `${Array.from({ length: 10_000 }, (_, i) => `col${i}`).join(',')}\n${Array.from({ length: 10_000 }, () => '1').join(',')}\n`);
    const plain = await timed(['validate', at('wide-ids.csv')]);
    expect([plain.code, plain.ms < FAST]).toEqual([1, true]);
    expect(plain.stdout).toContain('answers-rubric-mismatch');
  });

  it('duplicate headers: named, in svcaudit\'s layout and through a mapping', async () => {
    writeFileSync(at('dup.csv'), 'name,be-nice,role,be-nice\nDana,4,customer,5\n');
    const own = await timed(['validate', at('dup.csv')]);
    expect([own.code, own.ms < FAST]).toEqual([1, true]);
    expect(own.stdout).toContain('Column `be-nice` appears twice in the header (columns 2 and 4)');

    const { csv, map } = googleForms([['2026-11-03', 'customer', ...ITEM_IDS.map(() => '4'), '5']], ['Q be-nice']);
    writeFileSync(at('dup-gf.csv'), csv);
    writeFileSync(at('dup-gf.map.yaml'), map);
    const mapped = await timed(['score', at('dup-gf.csv'), '--map', at('dup-gf.map.yaml')]);
    expect([mapped.code, mapped.ms < FAST]).toEqual([1, true]);
    expect(mapped.stderr).toContain('mapping-column-not-found');
  });

  it('a zip bomb and a truncated workbook: refused, not unpacked', async () => {
    const sheetPart = (data: Uint8Array, declaredSize?: number) => ({ name: 'xl/worksheets/sheet1.xml', data, ...(declaredSize === undefined ? {} : { declaredSize }) });
    const head = [
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: new TextEncoder().encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
    ];
    writeFileSync(at('bomb.xlsx'), zip([...head, sheetPart(new TextEncoder().encode('<worksheet/>'), 600_000_000)]));
    const row = '<row><c t="inlineStr"><is><t>be-nice</t></is></c></row>';
    writeFileSync(at('liar.xlsx'), zip([...head, sheetPart(new TextEncoder().encode(`<worksheet><sheetData>${row.repeat(200_000)}</sheetData></worksheet>`), 10_000)]));
    const whole = xlsx([['name', 'be-nice'], ['Dana', 4]]);
    writeFileSync(at('cut.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
    for (const [file, rule] of [['bomb.xlsx', 'export-limit'], ['liar.xlsx', 'export-unreadable'], ['cut.xlsx', 'export-unreadable']] as const) {
      const score = await timed(['score', at(file)]);
      expect([file, score.code, score.ms < FAST]).toEqual([file, 2, true]);
      expect(score.stderr).toContain(rule);
      const validate = await timed(['validate', at(file), '--format', 'json']);
      expect([file, validate.code]).toEqual([file, 1]);
      expect(validate.stdout).toContain(rule);
    }
  });
});

describe('formula text', () => {
  it('in an answer cell is an error naming the value; in a respondent field it stays text in CSV output', async () => {
    const header = `name,role,${ITEM_IDS.join(',')}`;
    writeFileSync(at('formula.csv'), `${header}\nDana,customer,=1+1${',4'.repeat(ITEM_IDS.length - 1)}\n`);
    const bad = await timed(['validate', at('formula.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('found `=1+1`');

    const rows = ['=HYPERLINK("http://example.com","x")', '+cmd', '-2+3', '@SUM(A1)'].map((role, i) => `"R${i}","${role.replace(/"/g, '""')}"${',4'.repeat(ITEM_IDS.length)}`);
    writeFileSync(at('formula-roles.csv'), `${header}\n${rows.join('\n')}\n`);
    const out = await timed(['score', at('formula-roles.csv'), '--by', 'role', '--min-group', '1', '--format', 'csv']);
    expect(out.code).toBe(0);
    const cells: string[] = [];
    for await (const row of csvRows([out.stdout])) cells.push(...row.cells);
    expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true);
    for (const cell of cells) if (!/^-?\d/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
