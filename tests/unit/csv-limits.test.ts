/**
 * CSV limits checked while reading (docs/file-formats.md, "Limits"): a cell of 100 kB and a row of
 * 1 MB; past them one finding (exit 2 in score, 1 in validate). Messages quote at most a short
 * excerpt of any value, so a huge cell never makes a huge message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows } from '../../src/inputs/svcaudit-csv/csv-rows.js';
import { excerpt } from '../../src/core/inert-text.js';
import { runInMemory } from '../helpers/in-memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-csv-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rows(text: string, chunk = text.length): Promise<number> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += chunk) pieces.push(text.slice(i, i + chunk));
  let n = 0;
  for await (const _ of csvRows(pieces)) n++;
  return n;
}

describe('csvRows limits', () => {
  it.each([1 << 16, 1 << 30])('stops at a cell over 100 kB, read in chunks of %i', async (chunk) => {
    await expect(rows(`a,b\n1,"${'x'.repeat(150_000)}"\n`, chunk)).rejects.toMatchObject({ line: 2, column: 3, message: expect.stringContaining('longer than 100 kB') });
    await expect(rows(`a,b\n1,${'x'.repeat(150_000)}\n`, chunk)).rejects.toMatchObject({ line: 2, column: 3 });
  });

  it('stops at a row over 1 MB', async () => {
    const cell = 'y'.repeat(90_000);
    await expect(rows(`a\n${Array(12).fill(cell).join(',')}\n`)).rejects.toMatchObject({ line: 2, message: expect.stringContaining('longer than 1 MB') });
  });

  it('reads a cell just under the limit', async () => {
    expect(await rows(`a\n"${'z'.repeat(99_999)}"\n`)).toBe(2);
  });
});

describe('a huge cell through the commands', () => {
  const file = join(dir, 'huge.csv');
  writeFileSync(file, `name,be-nice\nDana,"${'9'.repeat(5_000_000)}"\n`);

  it.each([
    ['validate', 1],
    ['score', 2],
  ] as const)('%s: one finding, a short message, exit %i', async (command, code) => {
    const run = await runInMemory([command, file]);
    expect(run.code).toBe(code);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(2000);
    expect(run.stdout + run.stderr).toContain('longer than 100 kB');
  });

  it('a wrong value is quoted as an excerpt of at most 60 characters', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `name,be-nice\nDana,${'7'.repeat(50_000)}\n`);
    const run = await runInMemory(['validate', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`found \`${'7'.repeat(60)}…\``);
    expect(run.stdout.length).toBeLessThan(1000);
  });
});

describe('excerpt', () => {
  it.each([
    ['short', 'short'],
    ['a'.repeat(61), `${'a'.repeat(60)}…`],
    ['line\nbreak\u001b[2J', 'line␊break␛[2J'],
    [`${'a'.repeat(59)}😀tail`, `${'a'.repeat(59)}…`],
  ])('%j → %j', (value, shown) => {
    expect(excerpt(value)).toBe(shown);
  });
});
