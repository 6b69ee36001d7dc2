/**
 * Golden files for every format of `compare` (text, markdown, html, json), made from the examples'
 * baseline and follow-up interviews by the built binary with everything that could vary pinned:
 * SOURCE_DATE_EPOCH (the report date), LANG=C.UTF-8 (LC_ALL unset), NO_COLOR=1 and COLUMNS=100.
 * The output must match the file byte for byte. The same comparison under LANG=C and under
 * tr_TR.UTF-8 (dotted and dotless i, decimal commas) must come out identical: nothing a report
 * sorts or prints may depend on the locale (docs/architecture.md, "Ordering").
 *
 * After a deliberate change to a format, regenerate the files and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run tests/e2e/compare-formats.test.ts
 * Without UPDATE_GOLDEN=1 a missing golden file is a failure, never silently written.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, requireBuild, STACK } from '../helpers/run-cli.js';

const GOLDEN = fileURLToPath(new URL('../fixtures/compare-formats/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ARGS = ['compare', 'examples/interviews', 'examples/follow-up'];
const FORMATS = { text: 'text.txt', markdown: 'md', html: 'html', json: 'json' } as const;
type Format = keyof typeof FORMATS;
const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

/** The environment of the golden runs; nothing is inherited that could change the output. */
const PINNED: Record<string, string | undefined> = {
  SOURCE_DATE_EPOCH: '1700000000',
  LANG: 'C.UTF-8',
  LC_ALL: undefined,
  LC_CTYPE: undefined,
  LC_NUMERIC: undefined,
  LC_COLLATE: undefined,
  LC_TIME: undefined,
  LC_MESSAGES: undefined,
  LANGUAGE: undefined,
  NO_COLOR: '1',
  FORCE_COLOR: undefined,
  COLUMNS: '100',
  DEBUG: undefined,
  TZ: 'UTC',
};

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** The built binary, stdout kept as bytes. */
function run(args: readonly string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const merged: NodeJS.ProcessEnv = { ...process.env };
    for (const [key, value] of Object.entries({ ...PINNED, ...env })) {
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

function goldenPath(format: Format): string {
  return `${GOLDEN}interviews-vs-follow-up.${FORMATS[format]}`;
}

/** Byte for byte against the golden file; with UPDATE_GOLDEN=1 the file is written instead. */
function expectGolden(actual: Buffer, file: string): void {
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`the golden file ${file} is missing; make it with UPDATE_GOLDEN=1 npx vitest run tests/e2e/compare-formats.test.ts`);
  const expected = readFileSync(file);
  // A readable diff first, then the bytes themselves (a diff of strings can hide a byte-order mark or \r).
  expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
  expect(actual.equals(expected), `${file}: same text, different bytes`).toBe(true);
}

const pinned = new Map<Format, Run>();
beforeAll(async () => {
  requireBuild();
  for (const format of FORMAT_NAMES) pinned.set(format, await run([...ARGS, '--format', format], {}));
});

describe('compare: golden files of every format', () => {
  it.each(FORMAT_NAMES)('%s matches its golden file byte for byte', (format) => {
    const r = pinned.get(format)!;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBeGreaterThan(1000);
    expectGolden(r.stdout, goldenPath(format));
  });

  it('the golden files hold what they claim: the date, no colour, no absolute path, valid JSON', () => {
    for (const format of FORMAT_NAMES) {
      const text = pinned.get(format)!.stdout.toString('utf8');
      // eslint-disable-next-line no-control-regex
      expect(text, format).not.toMatch(/\u001b\[/);
      expect(text, format).not.toContain(REPO);
      expect(text, format).not.toMatch(STACK);
      if (format !== 'json') expect(text, format).toContain('2023-11-14');
    }
    const json = JSON.parse(pinned.get('json')!.stdout.toString('utf8')) as { items: unknown[] };
    expect(json.items).toHaveLength(13);
    expect(pinned.get('text')!.stdout.toString('utf8').split('\n')[1]).toBe('service-commitments · 2.0.0 · report 2023-11-14');
    // The human formats name each audit by its folder and fieldwork dates, not by the path it was read from.
    for (const format of ['text', 'markdown', 'html'] as const) {
      const text = pinned.get(format)!.stdout.toString('utf8');
      expect(text, format).not.toContain('examples/');
      expect(text, format).toMatch(/interviews \(10 respondents, fieldwork 2026-10-05 to 2026-10-09\)/);
      expect(text, format).toMatch(/follow-up \(10 respondents, fieldwork 2027-04-12 to 2027-04-16\)/);
    }
  });

  it('the text format is laid out at 100 columns: no line is wider', () => {
    const lines = pinned.get('text')!.stdout.toString('utf8').split('\n');
    const widest = Math.max(...lines.map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(widest).toBeGreaterThan(80);
  });
});

describe('compare: the same output in every locale', () => {
  const LOCALES: readonly (readonly [string, Record<string, string | undefined>])[] = [
    ['LANG=C', { LANG: 'C' }],
    ['LANG=tr_TR.UTF-8', { LANG: 'tr_TR.UTF-8' }],
    ['LC_ALL=tr_TR.UTF-8', { LANG: 'C.UTF-8', LC_ALL: 'tr_TR.UTF-8' }],
    ['LANG=de_DE.UTF-8 and TZ=Pacific/Kiritimati', { LANG: 'de_DE.UTF-8', TZ: 'Pacific/Kiritimati' }],
  ];

  describe.each(LOCALES)('%s', (_name, env) => {
    it.each(FORMAT_NAMES)('%s is byte for byte the output under LANG=C.UTF-8', async (format) => {
      const r = await run([...ARGS, '--format', format], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const expected = pinned.get(format)!.stdout;
      expect(r.stdout.toString('utf8')).toBe(expected.toString('utf8'));
      expect(r.stdout.equals(expected)).toBe(true);
    });
  });
});
