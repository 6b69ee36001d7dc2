/**
 * Fuzzing the real readers: YAML answers, rubric and configuration files, CSV exports and saved JSON reports,
 * mutated from valid files with the pieces that break readers (quotes, anchors, tags, control
 * characters, long runs, deep nesting, huge keys). Each input must end in findings or success
 * (or, for a saved report, the project's own error), within a bounded time, with every finding
 * placed at a line and column of the file, and no stack trace in any message.
 * Quick by default; `FC_SCALE=20` (or FC_RUNS) runs it long.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSvcauditError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/finding.js';
import type { InputFile } from '../../src/inputs/adapter.js';
import { loadInputAdapter } from '../../src/inputs/registry.js';
import { RubricCache } from '../../src/inputs/rubric-cache.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { propertyRuns } from '../helpers/property-runs.js';

const { rubric } = await loadRubric();
const RUBRIC_TEXT = readFileSync(new URL('../../rubrics/service-commitments.yaml', import.meta.url), 'utf8').slice(0, 4000);
const ANSWERS = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nrespondent: {name: Dana, role: staff}\nanswers:\n  be-nice: 4\n  respond-quickly: {score: 2, note: "Calls ring out", evidence: ["14 min"]}\n  keep-promises: na\n';
const CONFIG = 'svcaudit: 1\norganisation: Harbour Street\nrubric: service-commitments\nignore: [drafts/]\nscore:\n  format: markdown\n  by: role\n  min-group: 5\nvalidate:\n  format: [stylish, sarif]\n  max-warnings: 0\n';
const CSV = 'name,role,be-nice,respond-quickly\nDana,staff,4,2\n"Lee, Jo",customer,na,3\n';
const REPORT = JSON.stringify({ svcaudit: 2, rubric: { id: 'service-commitments', title: 'T', version: '1.0.0' }, scale: { min: 1, max: 5, labels: {} }, respondents: 3, overall: { score: 3, target: 4, gap: 1, index: 50, ci: null }, sections: [], items: [{ id: 'be-nice', section: 's', title: 'Be nice', score: 3, n: 3, sd: 1, target: 4 }] });

const PIECES = [
  '"', "'", ':', ': ', '- ', '#', '&a ', '*a', '!!binary ', '!!set ', '!foo ', '<<: *a', '? ', '|', '>-', '{', '}', '[', ']', ',', '\n', '\r\n', '\t', '  ',
  '\u0000', '\u001b[2J', '\uFEFF', '\u2028', '\u0085', 'null:', '~: ', '__proto__: 1', 'x-k: 1', '9', '1e400', '-1', '"\\u0000"', 'é', '👍🏽',
  'x'.repeat(200), '[[[[[[[[[[', '{a: {b: {c: ', '""""', '\\', '%', '---\n', '...\n',
];

interface Mutation {
  readonly at: number;
  readonly piece: string;
  readonly repeat: number;
}
const mutation = fc.record({ at: fc.nat(), piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), repeat: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 600 })) });

function mutate(base: string, mutations: readonly Mutation[]): string {
  let text = base;
  for (const m of mutations) {
    const at = m.at % (text.length + 1);
    text = text.slice(0, at) + m.piece.repeat(m.repeat) + text.slice(at);
  }
  return text;
}

/** In memory: a CSV export given as stdin (`-`) is read from its bytes rather than streamed from disk. */
function input(name: string, text: string): InputFile {
  const bytes = Buffer.from(text);
  return { path: name.endsWith('.csv') ? '-' : name, file: name, bytes: async () => bytes };
}

/** Time one reading may take: generous for a busy machine, far below a hang or a quadratic blow-up. */
const BOUND_MS = 10_000;

function checkFindings(findings: readonly Finding[], file: string, text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length + 1;
  for (const f of findings) {
    expect(f.file).toBe(file);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message).not.toMatch(/\n\s+at |internal error|Maximum call stack|Invalid string length/);
    expect(f.message.length, f.message.slice(0, 300)).toBeLessThan(2000);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  expect(performance.now() - start).toBeLessThan(BOUND_MS);
  return result;
}

/** A rubric given where answers are read is the project's own error (exit 2), not a finding: nothing more to check. */
function wrongKind(error: unknown): Finding[] {
  if (isSvcauditError(error) && error.code === 'wrong-kind') return [];
  throw error;
}

async function readAnswersOf(name: string, text: string): Promise<Finding[]> {
  const format = name.endsWith('.csv') ? 'survey-export' : 'answers-yaml';
  const adapter = await loadInputAdapter(format);
  const findings: Finding[] = [];
  await adapter.readAnswers!(input(name, text), rubric, { answerSet: () => undefined, finding: (f) => findings.push(f), skipped: () => undefined, excluded: () => undefined }, { skipRubric: false, mapping: undefined });
  return findings;
}

describe('fuzzed inputs through the real readers', () => {
  it.each([
    ['answers YAML', 'fuzz.yaml', ANSWERS],
    ['a rubric', 'fuzz-rubric.yaml', RUBRIC_TEXT],
    ['a CSV export', 'fuzz.csv', CSV],
  ])('%s: findings or success, in bounded time, placed in the file', async (_, name, base) => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const text = mutate(base, mutations);
        const format = name.endsWith('.csv') ? 'survey-export' : 'answers-yaml';
        const validated = await timed(async () => (await loadInputAdapter(format)).validate!(input(name, text), new RubricCache(undefined), { mapping: undefined, expanded: false }));
        if (validated === 'passed-over') throw new Error(`${name} was passed over though it was named`);
        checkFindings(validated.findings, name, text);
        checkFindings(await timed(() => readAnswersOf(name, text).catch(wrongKind)), name, text);
      }),
      propertyRuns({ runs: 25 }),
    );
  }, 300_000);

  it('a configuration file: findings or success, in bounded time, placed in the file', async () => {
    const { checkConfigBytes } = await import('../../src/rubric/check-config.js');
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const text = mutate(CONFIG, mutations);
        const checked = await timed(() => checkConfigBytes(Buffer.from(text), 'svcaudit.config.yaml'));
        checkFindings(checked.findings, 'svcaudit.config.yaml', text);
      }),
      propertyRuns({ runs: 25 }),
    );
  }, 300_000);

  it('a saved JSON report: read, or the project own error naming the file', async () => {
    const adapter = await loadInputAdapter('saved-report');
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const text = mutate(REPORT, mutations);
        await timed(async () => {
          try {
            await adapter.readReport!(input('fuzz.json', text));
          } catch (error) {
            expect(isSvcauditError(error), String((error as Error).stack)).toBe(true);
            expect((error as Error).message).not.toMatch(/\n\s+at /);
          }
        });
      }),
      propertyRuns({ runs: 60 }),
    );
  }, 300_000);
});
