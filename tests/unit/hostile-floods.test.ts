/**
 * Floods of one kind of problem: tens of thousands of bad rows or unknown ids must end in a short
 * list of findings (the first MAX_FINDINGS_PER_RULE of each rule and an "and N more"), never in
 * "Maximum call stack size exceeded" from a `Math.max(...list)` or `push(...list)`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capFindings, finding, MAX_FINDINGS_PER_RULE } from '../../src/core/finding.js';
import { maxOf, pushAll } from '../../src/core/max-of.js';
import { runInMemory } from '../helpers/in-memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-floods-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function badCsv(rows: number): string {
  const file = join(dir, `bad-${rows}.csv`);
  let text = 'name,role,be-nice\n';
  for (let i = 0; i < rows; i++) text += `p${i},staff,9\n`;
  writeFileSync(file, text);
  return file;
}

describe('a CSV export with 70,000 bad rows', () => {
  const file = badCsv(70_000);

  it.each([
    ['validate', 1],
    ['score', 1],
  ] as const)('%s lists the first findings and counts the rest, without an internal error', async (command, code) => {
    const run = await runInMemory([command, file]);
    const out = command === 'validate' ? run.stdout : run.stderr;
    expect(run.stderr).not.toMatch(/internal error|call stack/);
    // A cell out of the scale is data found wanting: exit 1 in both (docs/exit-codes.md).
    expect(run.code).toBe(code);
    expect(out).toContain(`… and ${70_000 - MAX_FINDINGS_PER_RULE} more answers-score-out-of-scale findings in this file`);
    expect(out.split('\n').length).toBeLessThan(MAX_FINDINGS_PER_RULE + 20);
  }, 60_000);
});

describe('capFindings', () => {
  it('keeps the first findings of each rule in position order and counts the rest at the first one left out', () => {
    const many = Array.from({ length: 7 }, (_, i) => finding('answers-unknown-item', `unknown ${i}`, 'a.yaml', { line: 10 - i, column: 1 }));
    const other = finding('yaml-duplicate-key', 'dup', 'a.yaml', { line: 1, column: 1 });
    const capped = capFindings([...many, other], 3);
    expect(capped.map((f) => f.line)).toEqual([1, 4, 5, 6, 7]);
    expect(capped.at(-1)!.message).toBe('… and 4 more answers-unknown-item findings in this file, from here on (only the first 3 are listed).');
  });
});

describe('maxOf and pushAll', () => {
  it('take arrays far longer than the stack allows as arguments', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(() => Math.max(...big)).toThrow(RangeError);
    expect(maxOf(big)).toBe(999);
    expect(maxOf([], 1)).toBe(1);
    expect(pushAll([1], big).length).toBe(500_001);
  });
});
