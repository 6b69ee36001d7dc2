/**
 * What the full YAML reader reports for files that are broken, or not YAML at all, read through
 * `validate` as a user runs it: findings that point inside the file, at the value that counts,
 * with messages of a bounded length, and no Node warning on the way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/app/validate.js';
import type { Finding } from '../../src/core/finding.js';
import { stylish } from '../../src/report/findings/stylish.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { REPO } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-yaml-'));
});

async function findingsOf(text: string, name = 'file.yaml'): Promise<Finding[]> {
  const path = join(dir, name);
  writeFileSync(path, text);
  return (await validateFiles([path])).flatMap((r) => r.findings).map((f) => ({ ...f, file: name }));
}

const HEAD = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\n';

describe('an unclosed bracket or quote on the last line', () => {
  it.each([
    ['a `[` in a block mapping', `${HEAD}answers: [be-nice\n`, 4, 10, '`['],
    ['a `[` without a final line break', `${HEAD}answers: [be-nice`, 4, 10, '`['],
    ['a `{` in a block mapping', `${HEAD}answers: {be-nice: 4\n`, 4, 10, '`{'],
    ['a `[` at the top of the file', '[svcaudit, 1\n', 1, 1, '`['],
  ])('%s is reported at the bracket, inside the file, with what closes it', async (_, text, line, column, bracket) => {
    const [f, ...rest] = await findingsOf(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'yaml-syntax', line, column });
    expect(f!.message).toContain(`This ${bracket}\` is never closed`);
    expect(f!.message).toMatch(/end the (list|mapping) with `[\]}]`/);
  });

  it('a quote left open is reported on the last line, not past it', async () => {
    const text = `${HEAD}respondent:\n  name: "Dana\n`;
    const [f] = await findingsOf(text);
    const lines = text.split('\n').length - 1;
    expect(f!.line).toBeLessThanOrEqual(lines);
    expect(f!.message).toBe('A quoted text is never closed: end it with `"`.');
  });

  it('no finding of any broken file points past its last line', async () => {
    for (const text of [`${HEAD}answers: [\n`, `${HEAD}answers:\n  be-nice: "4\n`, `${HEAD}answers: {\n\n\n`]) {
      const lines = text.replace(/\n+$/, '').split('\n').length;
      for (const f of await findingsOf(text)) expect(f.line, `${JSON.stringify(text)}: ${f.message}`).toBeLessThanOrEqual(lines);
    }
  });
});

describe('a duplicate key', () => {
  it('points a finding about its value at the value that counts, the later one', async () => {
    const findings = await findingsOf(`${HEAD}answers:\n  be-nice: 9\n  be-nice: 12\n`);
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['yaml-duplicate-key', 6, 3],
      ['answers-score-out-of-scale', 6, 12],
    ]);
    expect(findings[1]!.message).toContain('found 12');
  });
});

describe('a file that is not YAML', () => {
  it('README.md gives a short list of short findings', async () => {
    const results = await validateFiles([join(REPO, 'README.md')]);
    const findings = results.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message.length).toBeLessThanOrEqual(200);
    const text = stylish(results, { style: plainStyle, toolVersion: '0', maxWarnings: undefined });
    expect(text.length).toBeLessThan(4000);
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(400);
  });

  it('a program gives at most ten syntax findings and one that counts the rest', async () => {
    const findings = await findingsOf(readFileSync(join(REPO, 'src/cli/main.ts'), 'utf8'), 'main.ts');
    expect(findings.length).toBeLessThanOrEqual(11);
    if (findings.length === 11) expect(findings[10]!.message).toMatch(/^And \d+ more YAML errors from here to the end of the file/);
    for (const f of findings) expect(f.message.length).toBeLessThanOrEqual(200);
  });

  it('a quotation of the file in a message is cut short', async () => {
    // The shape of a README: yaml's message quotes everything from the second command on.
    const text = `# Title\n\nText\n\n\`\`\`sh\n# install\nnpm install\n\n# test\nnpm test\n\`\`\`\n\n${'More words, and more.\n'.repeat(500)}`;
    const findings = await findingsOf(text, 'README.md');
    const quoting = findings.filter((f) => f.message.startsWith('Unexpected scalar token in YAML stream: "npm test'));
    expect(quoting).toHaveLength(1);
    expect(quoting[0]!.message).toBe('Unexpected scalar token in YAML stream: "npm test\\n```\\n\\nMore words, and more.…".');
  });
});

describe('any message', () => {
  it('is at most 500 characters, however long the key it quotes', async () => {
    // An explicit key (`? …`): an implicit one is limited to 1024 characters by YAML itself.
    const [f] = await findingsOf(`${HEAD}answers:\n  be-nice: 4\n? ${'k'.repeat(20_000)}\n: 1\n`);
    expect(f!.rule).toBe('schema-unknown-key');
    expect(f!.message.length).toBeLessThanOrEqual(500);
    // The key is quoted as a short excerpt (core/inert-text.ts), not as the first 500 characters of the message.
    expect(f!.message).toContain(`\`${'k'.repeat(60)}…\``);
  });
});

describe('stylish', () => {
  it('pads messages for the rule column only up to a width', () => {
    const long = { rule: 'yaml-syntax', severity: 'error', message: 'm'.repeat(400), file: 'f.yaml', line: 1, column: 1 } as const;
    const short = { ...long, message: 'short', line: 2 };
    const text = stylish([{ file: 'f.yaml', kind: undefined, findings: [long, short] }], { style: plainStyle, toolVersion: '0', maxWarnings: undefined });
    const row = text.split('\n').find((l) => l.includes('short'))!;
    expect(row.length).toBeLessThan(140);
    expect(row).toMatch(/short +yaml-syntax$/);
  });
});

describe('Node warnings', () => {
  const seen: Error[] = [];
  const listener = (w: Error) => seen.push(w);
  afterEach(() => {
    process.off('warning', listener);
  });

  it('a key that is a mapping gets a finding and no process warning', async () => {
    process.on('warning', listener);
    const findings = await findingsOf(`${HEAD}answers:\n  ? {smile: na}\n  : 3\n`);
    await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on the next tick
    // Refused by the YAML reader itself: no svcaudit file has a key that is not text or a number.
    expect(findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
    expect(seen).toEqual([]);
  });
});
