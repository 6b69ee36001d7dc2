/**
 * Property tests (fast-check): thousands of mutated copies of the built-in
 * rubric, and of a complete answers file, fed to the checks. Whatever the
 * damage, a check must return findings or a value, never throw, and every
 * finding must be one a user can act on: a known rule, a message, and a
 * position inside the file.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswersSource } from '../../src/inputs/answers-yaml/check-answers.js';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import type { Finding } from '../../src/core/finding.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { RULES } from '../../src/core/rules.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { propertyRuns } from '../helpers/property-runs.js';

const BUILTIN_TEXT = readFileSync(new URL('../../rubrics/service-commitments.yaml', import.meta.url), 'utf8');
/** A fixed seed per run keeps a failure reproducible; FUZZ_SEED=random explores further. */
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261120);

// ---------------------------------------------------------------- mutations

/** Characters that mean something to YAML, and some that mean trouble. */
const NASTY = [':', '-', '&', '*', '{', '}', '[', ']', '\t', '#', '"', "'", '|', '>', '!', '%', '@', '`', ',', '?', '<<', ' ', '\n', '\r\n', '\u00a0', '\ufeff', '\u0000', 'é', '😊', '---', '...', '&a ', '*a', ': ', '- '];

/** Values a scalar might be replaced by: every YAML type, and edge-case numbers. */
const SCALARS = [
  '0', '-1', '1', '3', '5', '6', '2.5', '1e400', '-1e400', '1208925819614629174706176', '0x10', '0o7', '.inf', '-.inf', '.nan',
  'null', '~', '', 'true', 'false', 'yes', '[]', '{}', '[1, 2]', '{a: 1}', '"quoted"', "'single'", '"unterminated', '|', '>-',
  '&anchor value', '*anchor', '*missing', '!!binary aGVsbG8=', '!!str 5', '!custom x', '__proto__', 'constructor', 'be-nice',
  'rubric', 'answers', 'high', 'hihg', 'Be_Nice', '2026-11-20', '1.0.0', 'x'.repeat(200),
];

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; column: number; text: string }
  | { op: 'indent'; at: number; by: number }
  | { op: 'scalar'; at: number; value: string }
  | { op: 'truncate'; keep: number }
  | { op: 'line'; at: number; text: string };

const index = fc.nat({ max: 1_000_000 });
const nastyText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 8 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: index }),
  fc.record({ op: fc.constant('duplicate' as const), at: index }),
  fc.record({ op: fc.constant('swap' as const), at: index, with: index }),
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: index, column: index, text: nastyText }), weight: 3 },
  fc.record({ op: fc.constant('indent' as const), at: index, by: fc.integer({ min: -6, max: 6 }) }),
  { arbitrary: fc.record({ op: fc.constant('scalar' as const), at: index, value: fc.oneof(fc.constantFrom(...SCALARS), fc.string({ maxLength: 12 })) }), weight: 3 },
  fc.record({ op: fc.constant('truncate' as const), keep: index }),
  fc.record({ op: fc.constant('line' as const), at: index, text: fc.oneof(nastyText, fc.constantFrom('weigth: 2', 'id: be-nice', '- id: be-nice', 'kind: answers', 'sections: []', 'levels:', '  9: Beyond')) }),
);

function applyMutation(lines: string[], m: Mutation): string[] {
  if (lines.length === 0) return lines;
  const at = 'at' in m ? m.at % lines.length : 0;
  const out = [...lines];
  const line = out[at]!;
  switch (m.op) {
    case 'delete':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, line);
      break;
    case 'swap': {
      const other = m.with % lines.length;
      [out[at], out[other]] = [out[other]!, line];
      break;
    }
    case 'insert': {
      const column = m.column % (line.length + 1);
      out[at] = line.slice(0, column) + m.text + line.slice(column);
      break;
    }
    case 'indent':
      out[at] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    case 'scalar': {
      // `key: value` or `- value`: replace what follows the indicator, keeping the line's structure.
      const match = /^(\s*(?:- )?[^:#]*:\s|\s*- )/.exec(line);
      out[at] = match ? match[1] + m.value : line + m.value;
      break;
    }
    case 'truncate':
      return out.slice(0, m.keep % (lines.length + 1));
    case 'line':
      out.splice(at, 0, m.text);
      break;
  }
  return out;
}

const mutatedText = (base: string) =>
  fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ms) => ms.reduce(applyMutation, base.split('\n')).join('\n'));

// ---------------------------------------------------------------- checks

/** Every finding is a known rule, with a message, at a line and column that exist in the text. */
function expectActionable(findings: readonly Finding[], text: string): void {
  // The positions of an editor: LF ends a line; a CR before it is the line's last character.
  const lines = text.replace(/^\ufeff/, '').split('\n');
  for (const f of findings) {
    const where = `${f.rule} at ${f.line}:${f.column}: ${f.message}`;
    expect(Object.hasOwn(RULES, f.rule), where).toBe(true);
    expect(f.severity, where).toBe(RULES[f.rule].severity);
    expect(typeof f.message === 'string' && f.message.trim().length > 0, where).toBe(true);
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines.length, where).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1, where).toBe(true);
    // One past the end of the line is where a missing character would go (columns count UTF-16 units, as editors do).
    expect(f.column <= lines[f.line - 1]!.length + 1, where).toBe(true);
  }
}

/** A value and errors never come together: a rubric is built exactly when no finding is an error. */
function expectFindingsOrValue(result: { value: unknown; findings: readonly Finding[] }): void {
  expect(Array.isArray(result.findings)).toBe(true);
  const hasError = result.findings.some((f) => f.severity === 'error');
  expect(result.value === undefined, JSON.stringify(result.findings.slice(0, 3))).toBe(hasError);
}

describe('mutated rubric files', () => {
  it('never throw, and end in findings or a rubric (as text)', async () => {
    let rubrics = 0;
    await fc.assert(
      fc.asyncProperty(mutatedText(BUILTIN_TEXT), async (text) => {
        const result = await checkRubricText(text, 'mutated.yaml');
        expectFindingsOrValue(result);
        expectActionable(result.findings, text);
        if (result.value) {
          rubrics++;
          expect(rubricItems(result.value).length).toBeGreaterThan(0);
        }
      }),
      propertyRuns({ runs: 1500, seed: SEED }),
    );
    // The mutations are not all fatal: some runs still load, so both outcomes are exercised.
    expect(rubrics).toBeGreaterThan(0);
  });

  it('never throw when read from bytes (BOM, CRLF, invalid UTF-8)', async () => {
    const bytes = fc.tuple(mutatedText(BUILTIN_TEXT), fc.boolean(), fc.boolean(), fc.option(fc.integer({ min: 0x80, max: 0xff }), { nil: undefined }), index).map(
      ([text, bom, crlf, badByte, at]) => {
        const encoded = Buffer.from(`${bom ? '\ufeff' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}`, 'utf8');
        if (badByte === undefined) return { text, encoded };
        const spot = at % (encoded.length + 1);
        return { text, encoded: Buffer.concat([encoded.subarray(0, spot), Buffer.from([badByte]), encoded.subarray(spot)]) };
      },
    );
    await fc.assert(
      fc.asyncProperty(bytes, async ({ encoded }) => {
        const result = await checkRubricText(new Uint8Array(encoded), 'mutated.yaml');
        expectFindingsOrValue(result);
        expectActionable(result.findings, encoded.toString('utf8'));
      }),
      propertyRuns({ runs: 400, seed: SEED + 1 }),
    );
  });

  it('never throw on arbitrary text and arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[ \t\n:\-&*{}[\],#|>!'"a-z0-9]{0,200}$/)), async (text) => {
        const result = await checkRubricText(text, 'random.yaml');
        expectFindingsOrValue(result);
        expect(result.value).toBeUndefined();
        expectActionable(result.findings, text);
      }),
      propertyRuns({ runs: 300, seed: SEED + 2 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const result = await checkRubricText(bytes, 'random.bin');
        expectFindingsOrValue(result);
        expect(result.value).toBeUndefined();
      }),
      propertyRuns({ runs: 200, seed: SEED + 3 }),
    );
  });
});

describe('mutated answers files', () => {
  let rubric: Rubric;
  let answersText: string;
  beforeAll(async () => {
    rubric = (await checkRubricText(BUILTIN_TEXT, 'builtin')).value!;
    // A complete, clean answers file: every item, with a few notes, evidence and an `na`.
    const lines = ['svcaudit: 1', 'kind: answers', 'rubric: service-commitments@2.0.0', 'respondent:', '  name: Dana', '  role: manager', 'date: 2026-11-20', 'answers:'];
    rubricItems(rubric).forEach((item, i) => {
      if (i % 4 === 1) lines.push(`  ${item.id}:`, `    score: ${(i % 5) + 1}`, `    note: "Seen on ${i + 1} calls: mostly fine"`, '    evidence:', '      - Waited 14 min on hold');
      else if (i % 4 === 3) lines.push(`  ${item.id}: na`);
      else lines.push(`  ${item.id}: ${(i % 5) + 1}`);
    });
    answersText = `${lines.join('\n')}\n`;
  });

  it('starts from a clean file', () => {
    const result = checkAnswersSource(parseYaml(answersText, 'answers.yaml'), rubric);
    expect(result.findings).toEqual([]);
    expect(result.value?.answers.size).toBe(13);
  });

  it('never throw, and end in findings or an answer set', () => {
    let sets = 0;
    fc.assert(
      fc.property(mutatedText(answersText), (text) => {
        const result = checkAnswersSource(parseYaml(text, 'answers.yaml'), rubric);
        expectFindingsOrValue(result);
        expectActionable(result.findings, text);
        if (result.value) {
          sets++;
          // Only ids of the rubric, and only whole levels of its scale, `na` or nothing.
          const ids = new Set(rubricItems(rubric).map((i) => i.id));
          for (const [id, answer] of result.value.answers) {
            expect(ids.has(id), id).toBe(true);
            const s = answer.score;
            expect(s === 'na' || s === null || s === undefined || (Number.isInteger(s) && s >= 1 && s <= 5), `${id}: ${String(s)}`).toBe(true);
          }
        }
      }),
      propertyRuns({ runs: 1000, seed: SEED + 4 }),
    );
    expect(sets).toBeGreaterThan(0);
  });
});
