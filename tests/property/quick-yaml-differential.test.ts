/**
 * The fast reader (plain-yaml.ts, no positions) may only ever speed things up: when
 * it accepts a text, the full reader (`yaml`, with positions) must accept it
 * too and read the same data; and whatever a check finds on the full reading,
 * the fast path must not report the file clean. Thousands of mutated rubric
 * and answers files hold the two readers to that.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswersSource } from '../../src/inputs/answers-yaml/check-answers.js';
import { checkRubricSource } from '../../src/rubric/check-rubric.js';
import { quickSource } from '../../src/rubric/quick-yaml.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUBRIC = readFileSync(new URL('../../rubrics/service-commitments.yaml', import.meta.url), 'utf8');
const ANSWERS = readFileSync(new URL('../../examples/interviews/ayesha-begum.yaml', import.meta.url), 'utf8');
const builtin = checkRubricSource(parseYaml(RUBRIC, 'rubric.yaml')).value!;

/** Values that YAML parsers are known to read differently, or that are easy to get wrong. */
const TOKENS = [
  '', '~', 'null', 'Null', 'yes', 'no', 'on', 'true', 'True', '1e3', '1E3', '1e400', '0x1F', '0o17', '017', '1_000', '.5', '-.5', '+1', '.inf',
  '-.Inf', '.nan', '"quoted"', "'single'", '"a\\tb"', '[a, b]', '{a: 1}', '{a: 1', '[a', '- x', '|', '>-', '|+', '&a x', '*a', '!!str 5', '!x y',
  '# c', 'a # c', 'a#c', ':', 'a: b', '? x', '@x', '`x', '%x', '2026-11-20', '2026-11-20T10:00:00Z', '"\\u00e9"', '"\\x41"', "''", '""',
  '3', '3.0', '4.5', '-1', 'na', 'NA', '=1+1', '"multi\n  line"', 'a\n  b', '\t3', 'ü', '😀',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('char' as const), at: fc.nat(), col: fc.nat(), char: fc.constantFrom(':', '-', '#', '"', "'", '{', '}', '[', ']', ',', ' ', '\t', '&', '*', '!', '|', '>', '?', '%', '@', '\\') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.at % lines.length;
    switch (m.kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, lines[i]!); break;
      case 'swap': if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!]; break;
      case 'indent': lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), ''); break;
      case 'value': lines[i] = lines[i]!.includes(': ') ? `${lines[i]!.slice(0, lines[i]!.indexOf(': ') + 2)}${m.token}` : `${lines[i]} ${m.token}`; break;
      case 'char': { const line = lines[i]!; const c = m.col % (line.length + 1); lines[i] = line.slice(0, c) + m.char + line.slice(c); break; }
    }
  }
  return lines.join('\n');
}

/** True when the fast path said clean, so the two were compared. */
function holdsForText(text: string, check: (source: ReturnType<typeof parseYaml>) => { findings: readonly unknown[]; value: unknown }): boolean {
  const quick = quickSource(text, 'f.yaml');
  if (quick === undefined) return false; // the full reader decides alone
  const full = parseYaml(text, 'f.yaml');
  const fast = check(quick);
  if (fast.findings.length > 0) return false; // the full reader is asked, and its findings are reported
  // The fast path says clean: the full path must agree, with the same result.
  expect(full.findings).toEqual([]);
  expect(full.value).toEqual(quick.value);
  const slow = check(full);
  expect(slow.findings).toEqual([]);
  expect(slow.value).toEqual(fast.value);
  return true;
}

describe('the fast reader never disagrees with the full one on a clean file', () => {
  // Each test also counts the texts that reached the comparison: a fast path that turned everything
  // down would otherwise pass without comparing anything.
  it('mutated rubrics', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        if (holdsForText(mutate(RUBRIC, mutations), (source) => checkRubricSource(source))) compared++;
      }),
      propertyRuns({ runs: 1500, seed: 20261123 }),
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('mutated answers files', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        if (holdsForText(mutate(ANSWERS, mutations), (source) => checkAnswersSource(source, builtin))) compared++;
      }),
      propertyRuns({ runs: 2000, seed: 20261123 }),
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('every token as a score value', () => {
    const compared = TOKENS.filter((token) => holdsForText(ANSWERS.replace(/^ {2}be-nice: .*$/m, `  be-nice: ${token}`), (source) => checkAnswersSource(source, builtin)));
    expect(compared.length).toBeGreaterThan(0);
  });

  it('accepts the shipped files on the fast path (so the speed-up is real)', () => {
    expect(quickSource(RUBRIC, 'rubric.yaml')).toBeDefined();
    expect(quickSource(ANSWERS, 'answers.yaml')).toBeDefined();
  });
});
