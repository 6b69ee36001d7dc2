/**
 * compare reads a large follow-up in a worker thread beside the baseline (app/side-in-worker.ts).
 * The comparison must be the one the main thread alone gives, to the last bit, with the same
 * notes in the same order, and any failure of the worker must end in the error the main thread
 * gives. The API's `parallel` option with `minBytes: 0` sends every eligible follow-up to the
 * worker (the built one: npm run build first); without it nothing is.
 */
import { LazySequence } from '../../src/core/sequence.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpCsv, googleFormsCsv, surveyCsv } from '../../bench/data.mjs';
import { compare, type CompareOptions } from '../../src/app/compare.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { loadCompareFormat } from '../../src/report/compare/formats.js';
import { plainStyle } from '../../src/report/shared/style.js';
import type { Rubric } from '../../src/rubric/model.js';
import { REPO, requireBuild, svcaudit } from '../helpers/run-cli.js';

let dir: string;
let rubric: Rubric;
let before: string;
let after: string;

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-compare-worker-'));
  rubric = (await loadRubric(undefined)).rubric;
  before = await surveyCsv(dir, 30000);
  after = await followUpCsv(dir, 30000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The comparison, both ways, with the notes each gave. */
/** A value with every LazySequence in it (core/sequence.ts) as the array it stands for. */
function arrays(value: unknown): unknown {
  if (value instanceof LazySequence) return [...(value as LazySequence<unknown>)].map(arrays);
  if (Array.isArray(value)) return value.map(arrays);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, arrays(v)]));
  return value;
}

async function both(b: string, a: string, options: Partial<CompareOptions> = {}) {
  const run = async (parallel: CompareOptions['parallel']) => {
    const notes: string[] = [];
    const result = await compare(b, a, { rubric, onNote: (message) => notes.push(message), ...options, parallel });
    return { result, notes };
  };
  return { alone: await run(undefined), beside: await run({ minBytes: 0 }) };
}

describe('compare with the follow-up read in a worker thread', () => {
  it.each([
    ['paired, --by role', { by: 'role' }],
    ['paired, no --by', {}],
  ])('gives the same comparison, sides and notes: %s', async (_, options) => {
    const { alone, beside } = await both(before, after, options);
    expect([alone.result.followUpInWorker, beside.result.followUpInWorker]).toEqual([false, true]);
    expect(beside.result.comparison).toEqual(alone.result.comparison);
    // The worker's side comes back with its quotes and sources as arrays (app/side-state.ts), the main thread's as sequences read an entry at a time.
    expect(beside.result.followUp).toEqual(arrays(alone.result.followUp));
    expect(beside.result.baseline).toEqual(alone.result.baseline);
    expect(beside.notes).toEqual(alone.notes);
    const json = await loadCompareFormat('json');
    const text = (r: typeof alone.result) => json(r.comparison, { style: plainStyle, width: 80, baseline: r.baseline, followUp: r.followUp });
    expect(text(beside.result)).toBe(text(alone.result));
  });

  it('shows the follow-up\'s notes after the baseline\'s, as the main thread alone does', async () => {
    // A `team` left blank for some respondents: each side notes the respondents without a group.
    const write = (name: string, shift: number): string => {
      const rows = Array.from({ length: 200 }, (_, i) => `R${i},${i % 7 === shift ? '' : `team ${i % 3}`},${1 + ((i + shift) % 5)},${1 + (i % 4)}`);
      const file = join(dir, name);
      writeFileSync(file, `name,team,be-nice,listen\n${rows.join('\n')}\n`);
      return file;
    };
    const { alone, beside } = await both(write('teams-before.csv', 0), write('teams-after.csv', 3), { by: 'team' });
    expect(beside.result.followUpInWorker).toBe(true);
    expect(alone.notes.length).toBeGreaterThan(1);
    expect(beside.notes).toEqual(alone.notes);
    expect(beside.result.comparison).toEqual(alone.result.comparison);
  });

  it('gives the same comparison for a survey export read through a mapping', async () => {
    const forms = await googleFormsCsv(dir, 2000);
    const { alone, beside } = await both(await surveyCsv(dir, 2000), forms.file, { mapAfter: forms.map, by: 'role' });
    expect(beside.result.followUpInWorker).toBe(true);
    expect(beside.result.comparison).toEqual(alone.result.comparison);
    expect(beside.notes).toEqual(alone.notes);
  });

  it('ends in the error the main thread gives when the follow-up cannot be read', async () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'name,role,be-nice\nR1,staff,4\nR2,staff,nine\n');
    const fail = async (parallel: CompareOptions['parallel']) => compare(before, broken, { rubric, parallel }).then(() => undefined, (error: unknown) => error);
    const [alone, beside] = [await fail(undefined), await fail({ minBytes: 0 })];
    expect(alone).toBeDefined();
    expect(beside).toEqual(alone);
    expect(String(beside)).toBe(String(alone));
  });

  it('stops the worker and gives the baseline\'s error when the baseline cannot be read', async () => {
    const missing = join(dir, 'missing.csv');
    const fail = async (parallel: CompareOptions['parallel']) => compare(missing, after, { rubric, parallel }).then(() => undefined, (error: unknown) => error);
    const [alone, beside] = [await fail(undefined), await fail({ minBytes: 0 })];
    expect(alone).toBeDefined();
    expect(beside).toEqual(alone);
  });

  it('is what the CLI does with a large follow-up: the same JSON as the main thread alone', async () => {
    const r = await svcaudit(['compare', before, after, '--by', 'role', '--format', 'json'], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    const { alone } = await both(before, after, { by: 'role' });
    const json = await loadCompareFormat('json');
    expect(r.stdout).toBe(json(alone.result.comparison, { style: plainStyle, width: 80, baseline: alone.result.baseline, followUp: alone.result.followUp }));
  });
});
