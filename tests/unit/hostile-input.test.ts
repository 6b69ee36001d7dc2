/**
 * Hostile or broken files: each must end in findings, never in an
 * exception, a hang or a polluted prototype, and within a second. Every case
 * runs twice: through `checkRubricText` (the API) and through `validateFiles`
 * on a real file (the path `svcaudit validate` takes, including any fast path
 * for clean files).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswersSource } from '../../src/inputs/answers-yaml/check-answers.js';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import type { Finding } from '../../src/core/finding.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { RULES, type RuleId } from '../../src/core/rules.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { validateFiles } from '../../src/app/validate.js';

const BUILTIN_PATH = new URL('../../rubrics/service-commitments.yaml', import.meta.url);
const BUILTIN_TEXT = readFileSync(BUILTIN_PATH, 'utf8');
/** The issue's hard limit. The inputs below are chosen to take a small fraction of it. */
const LIMIT_MS = 1000;

const HEAD = 'svcaudit: 1\nkind: rubric\nid: hostile\ntitle: Hostile input\n';
const ITEMS = `sections:
  - id: main
    title: Main
    items:
      - id: be-nice
        title: Be nice
        prompt: Are customers treated with courtesy?
        levels: {1: Curt, 5: Warm}
        actions: [{to: 3, text: Agree a courtesy standard.}]
`;

/** The classic billion laughs: 9 levels of 9 aliases each, 9^9 strings if expanded. */
function billionLaughs(): string {
  let text = `${HEAD}x-lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i <= 9; i++) text += `x-lol${i}: &lol${i} [${Array(9).fill(`*lol${i - 1}`).join(', ')}]\n`;
  return text + ITEMS;
}

function blockMappings(depth: number): string {
  let text = `${HEAD}x-deep:\n`;
  for (let i = 1; i <= depth; i++) text += `${'  '.repeat(i)}k${i}:\n`;
  return text + ITEMS;
}

function blockSequences(depth: number): string {
  let text = `${HEAD}x-deep:\n`;
  for (let i = 1; i <= depth; i++) text += `${' '.repeat(2 * i)}-\n`;
  return text + ITEMS;
}

interface HostileCase {
  readonly name: string;
  readonly input: () => string | Uint8Array;
  /** Rules of which at least one finding must be reported. */
  readonly rules: readonly RuleId[];
}

const CASES: readonly HostileCase[] = [
  { name: 'an empty file', input: () => '', rules: ['file-empty'] },
  { name: 'whitespace and comments only', input: () => '  \n\n\t\n# a comment\n   # another one\n---\n', rules: ['file-empty'] },
  { name: 'NUL bytes', input: () => new Uint8Array([0x73, 0x76, 0x63, 0x00, 0x00, 0x0a, 0x01, 0x02]), rules: ['file-binary'] },
  { name: 'a UTF-16 file (NUL bytes between the letters)', input: () => new Uint8Array(Buffer.from(`\ufeff${HEAD}`, 'utf16le')), rules: ['file-binary'] },
  { name: 'invalid UTF-8 (a Latin-1 é)', input: () => new Uint8Array([...Buffer.from(`${HEAD}description: caf`), 0xe9, 0x0a]), rules: ['file-binary'] },
  { name: 'random high bytes', input: () => new Uint8Array(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f))), rules: ['file-binary'] },
  { name: 'a top-level list', input: () => '- svcaudit: 1\n- kind: rubric\n', rules: ['schema-type'] },
  { name: 'a top-level scalar', input: () => 'just some text\n', rules: ['schema-type'] },
  { name: 'a top-level null', input: () => '~\n', rules: ['schema-type'] },
  { name: 'tabs used as indentation', input: () => `${HEAD}scale:\n\tmin: 1\n\tmax: 5\n${ITEMS}`, rules: ['yaml-syntax'] },
  { name: 'tabs in a nested block', input: () => `${HEAD}${ITEMS.replace('        title: Be nice', '\t\ttitle: Be nice')}`, rules: ['yaml-syntax'] },
  { name: 'an alias bomb (billion laughs)', input: billionLaughs, rules: ['yaml-too-complex'] },
  { name: 'a self-referencing alias used where text is expected', input: () => `${HEAD}description: &loop [*loop]\n${ITEMS}`, rules: ['schema-type'] },
  { name: 'an alias with no anchor', input: () => `${HEAD}description: *nowhere\n${ITEMS}`, rules: ['yaml-syntax'] },
  { name: 'flow sequences 10,000 deep', input: () => `${HEAD}x-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n${ITEMS}`, rules: ['yaml-too-complex'] },
  { name: 'flow sequences 10,000 deep, never closed', input: () => `${HEAD}x-deep: ${'['.repeat(10_000)}\n`, rules: ['yaml-too-complex'] },
  { name: 'flow mappings 10,000 deep', input: () => `${HEAD}x-deep: ${'{a: '.repeat(10_000)}${'}'.repeat(10_000)}\n${ITEMS}`, rules: ['yaml-too-complex'] },
  { name: 'a top-level flow sequence 10,000 deep', input: () => '['.repeat(10_000) + ']'.repeat(10_000), rules: ['yaml-too-complex'] },
  { name: 'block mappings 500 deep', input: () => blockMappings(500), rules: ['yaml-too-complex'] },
  { name: 'block sequences 500 deep', input: () => blockSequences(500), rules: ['yaml-too-complex'] },
  { name: 'a number too large for a double (1e400)', input: () => `${HEAD}target: 1e400\n${ITEMS}`, rules: ['schema-type'] },
  { name: '2^80 as a scale maximum', input: () => `${HEAD}scale: {min: 1, max: 1208925819614629174706176}\n${ITEMS}`, rules: ['schema-value'] },
  { name: '.inf and .nan', input: () => `${HEAD}target: .inf\nscale: {min: .nan}\n${ITEMS}`, rules: ['schema-type'] },
  { name: 'a __proto__ key at the top', input: () => `${HEAD}__proto__: {polluted: yes}\n${ITEMS}`, rules: ['schema-unknown-key'] },
  { name: '__proto__ and constructor keys in an item', input: () => `${HEAD}${ITEMS}        __proto__: {polluted: yes}\n        constructor: {prototype: {polluted: yes}}\n`, rules: ['schema-unknown-key'] },
  { name: 'a __proto__ level key', input: () => `${HEAD}${ITEMS.replace('{1: Curt, 5: Warm}', '{__proto__: Curt, 5: Warm}')}`, rules: ['schema-unknown-key'] },
  { name: 'a merge key (<<) with __proto__', input: () => `${HEAD}x-base: &base {__proto__: {polluted: yes}}\nscale:\n  <<: *base\n${ITEMS}`, rules: ['schema-unknown-key'] },
  { name: 'several documents', input: () => `${HEAD}${ITEMS}---\n${HEAD}${ITEMS}`, rules: ['yaml-syntax'] },
  {
    name: 'a 5 MB file (refused at once as far too large)',
    input: () => `${HEAD}description: ${'lorem ipsum '.repeat(440_000)}\nsections: []\n`,
    rules: ['yaml-too-complex'],
  },
  { name: '5 MB of binary data', input: () => new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 131) % 256), rules: ['file-binary'] },
];

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-hostile-'));
  // The readers load their modules on first use; the timings below are of the reading, not of that.
  await checkRubricText(`${HEAD}${ITEMS}`, 'warm-up.yaml');
  await validateFiles([BUILTIN_PATH.pathname]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

function expectWellFormed(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(Object.keys(RULES)).toContain(f.rule);
    expect(f.severity).toBe(RULES[f.rule].severity);
    expect(Number.isInteger(f.line) && f.line >= 1, `line of ${JSON.stringify(f)}`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1, `column of ${JSON.stringify(f)}`).toBe(true);
    expect(f.message.trim()).not.toBe('');
    // Messages are for people: never a stack, never an ajv path.
    expect(f.message).not.toMatch(/\n\s+at |#\/definitions|instancePath/);
  }
}

function expectPrototypesUntouched(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(typeof ({}).constructor).toBe('function');
  expect(({}).constructor).toBe(Object);
}

describe('hostile input ends in findings within a second', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const input = c.input();

    const api = await timedAsync(() => checkRubricText(input, 'hostile.yaml'));
    expect(api.ms).toBeLessThan(LIMIT_MS);
    expect(api.result.value).toBeUndefined();
    expect(api.result.findings.length).toBeGreaterThan(0);
    expect(api.result.findings.some((f) => c.rules.includes(f.rule)), JSON.stringify(api.result.findings)).toBe(true);
    expectWellFormed(api.result.findings);

    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, input);
    const cli = await timedAsync(() => validateFiles([file]));
    expect(cli.ms).toBeLessThan(LIMIT_MS);
    const findings = cli.result.flatMap((r) => r.findings);
    expect(findings.some((f) => f.severity === 'error'), JSON.stringify(findings)).toBe(true);
    expect(findings.some((f) => c.rules.includes(f.rule)), JSON.stringify(findings)).toBe(true);
    expectWellFormed(findings);

    expectPrototypesUntouched();
  });
});

describe('a byte-order mark and CRLF line ends are fine', () => {
  const crlf = BUILTIN_TEXT.replace(/\n/g, '\r\n');
  const withBom = `\ufeff${crlf}`;

  it.each([
    ['BOM + CRLF, as bytes', () => new Uint8Array(Buffer.from(withBom, 'utf8'))],
    ['BOM + CRLF, as a string', () => withBom],
    ['CRLF without a BOM', () => crlf],
    ['BOM with LF', () => `\ufeff${BUILTIN_TEXT}`],
  ] as const)('%s: zero findings and the full rubric', async (_, input) => {
    const { result, ms } = await timedAsync(() => checkRubricText(input(), 'crlf.yaml'));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result.findings).toEqual([]);
    expect(rubricItems(result.value as Rubric)).toHaveLength(13);
    // The text of a folded scalar keeps no stray carriage return.
    expect(result.value!.description).not.toContain('\r');
    expect(rubricItems(result.value as Rubric).every((i) => !i.prompt.includes('\r'))).toBe(true);

    const file = join(dir, 'crlf.yaml');
    writeFileSync(file, input());
    expect((await validateFiles([file])).flatMap((r) => r.findings)).toEqual([]);
  });

  it('points at the same line and column in a CRLF file with a BOM as in an LF file', async () => {
    const lf = BUILTIN_TEXT.replace('        weight: 1\n', '        weigth: 1\n').replace(/(\n      - id: be-nice\n)/, '$1        weigth: 1\n');
    const a = (await checkRubricText(lf, 'lf.yaml')).findings.map((f) => [f.rule, f.line, f.column]);
    const b = (await checkRubricText(new Uint8Array(Buffer.from(`\ufeff${lf.replace(/\n/g, '\r\n')}`)), 'crlf.yaml')).findings.map((f) => [f.rule, f.line, f.column]);
    expect(a.length).toBeGreaterThan(0);
    expect(a[0]![0]).toBe('schema-unknown-key');
    expect(b).toEqual(a);
  });
});

describe('__proto__ and constructor keys pollute nothing', () => {
  it('keeps a top-level __proto__ key as a plain own property of the parsed data', () => {
    const source = parseYaml(`${HEAD}__proto__: {polluted: yes}\nconstructor: {polluted: yes}\n${ITEMS}`, 'proto.yaml');
    const value = source.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.hasOwn(value, 'constructor')).toBe(true);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expectPrototypesUntouched();
  });

  it('reports __proto__ and constructor as answers for unknown items', async () => {
    const rubric = (await checkRubricText(BUILTIN_TEXT, 'builtin')).value!;
    const text = [
      'svcaudit: 1',
      'kind: answers',
      'rubric: service-commitments',
      'respondent: {__proto__: {polluted: yes}, constructor: Dana}',
      'answers:',
      '  __proto__: 3',
      '  constructor: 2',
      '  be-nice: 4',
      '',
    ].join('\n');
    const { result, ms } = timed(() => checkAnswersSource(parseYaml(text, 'proto-answers.yaml'), rubric));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result.value).toBeUndefined();
    const at = result.findings.map((f) => `${f.line}:${f.column} ${f.rule}`).sort();
    expect(at).toEqual([
      '4:25 schema-type', // the respondent's __proto__ is a mapping, not a value
      '6:3 schema-value', // `__proto__` is not a kebab-case id
      '7:3 answers-unknown-item', // `constructor` is kebab-case, but not an item
    ]);
    expectPrototypesUntouched();
  });

  it('builds an answer set whose respondent fields named __proto__ and constructor are plain data', async () => {
    const rubric = (await checkRubricText(BUILTIN_TEXT, 'builtin')).value!;
    const text = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nrespondent: {__proto__: Dana, constructor: Sam}\nanswers: {be-nice: 4}\n';
    const { value } = checkAnswersSource(parseYaml(text, 'respondent.yaml'), rubric);
    expect(value).toBeDefined();
    expect(Object.getPrototypeOf(value!.respondent)).toBe(Object.prototype);
    expect(Object.hasOwn(value!.respondent, '__proto__')).toBe(true);
    expect(value!.respondent.constructor).toBe('Sam');
    expectPrototypesUntouched();
  });
});

describe('hostile answers files', () => {
  let rubric: Rubric;
  beforeAll(async () => {
    rubric = (await checkRubricText(BUILTIN_TEXT, 'builtin')).value!;
  });
  const ANSWERS_HEAD = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\n';

  it.each([
    ['an empty file', '', 'file-empty'],
    ['a list', '- be-nice: 4\n', 'schema-type'],
    ['an unclosed flow', `${ANSWERS_HEAD}answers: {be-nice: 4`, 'yaml-syntax'],
    ['an alias bomb', `${ANSWERS_HEAD}x-a: &a [1,1,1,1,1,1,1,1,1,1]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nanswers: {be-nice: 4}\n`, 'yaml-too-complex'],
    ['a score of 1e400', `${ANSWERS_HEAD}answers: {be-nice: 1e400}\n`, 'schema-type'],
    ['a score of 2^80', `${ANSWERS_HEAD}answers: {be-nice: 1208925819614629174706176}\n`, 'answers-score-out-of-scale'],
    ['a score of .nan', `${ANSWERS_HEAD}answers: {be-nice: .nan}\n`, 'schema-type'],
    ['answers 10,000 deep', `${ANSWERS_HEAD}answers: {be-nice: ${'['.repeat(10_000)}}\n`, 'yaml-too-complex'],
  ] as const)('%s', (_, text, rule) => {
    const { result, ms } = timed(() => checkAnswersSource(parseYaml(text, 'answers.yaml'), rubric));
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result.value).toBeUndefined();
    expect(result.findings.map((f) => f.rule)).toContain(rule);
    expectWellFormed(result.findings);
  });
});

describe('size limit', () => {
  it('refuses YAML over 2 MB with one finding, and reads a file just under it', async () => {
    const { MAX_TEXT_LENGTH } = await import('../../src/rubric/quick-yaml.js');
    const { checkRubricText } = await import('../../src/rubric/check-rubric.js');
    const head = 'svcaudit: 1\nkind: rubric\nid: big\nsections: []\ndescription: ';
    const over = await checkRubricText(head + 'x'.repeat(MAX_TEXT_LENGTH), 'big.yaml');
    expect(over.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml-too-complex', 1, 1]]);
    expect(over.findings[0]!.message).toMatch(/MB/);
    const under = await checkRubricText(head + 'x'.repeat(MAX_TEXT_LENGTH - head.length - 10), 'big.yaml');
    expect(under.findings.map((f) => f.rule)).toEqual(['schema-value']); // sections: [] is too short, nothing about size
  });
});
