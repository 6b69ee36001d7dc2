/**
 * A large survey export read in a worker thread beside the scoring (inputs/survey/scan-in-worker.ts):
 * the report must be the one the export read on the main thread gives, in every format, with the
 * same error and findings, the same notes. The API's `parallel` option with `minBytes: 0` sends
 * every text export to the worker (the built one: npm run build first; `started` says it went
 * there); without it, none goes. The exports: every fixture layout, generated Google Forms exports
 * of up to some thousand rows (many batches, more than the worker posts ahead) with what the fast
 * path hands on (odd labels, quoted and multi-line cells, extra cells, blank rows, dates that wait
 * for the day/month order, stray quotes the reference tokenizer takes over at), and the
 * benchmark's export with a column of names too many to number.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFormsCsv } from '../../bench/data.mjs';
import { score, type ScoreOptions } from '../../src/app/score.js';
import { SvcauditError } from '../../src/core/errors.js';
import { loadGapFormat } from '../../src/report/gap/formats.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { propertyRuns } from '../helpers/property-runs.js';
import { REPO, requireBuild } from '../helpers/run-cli.js';

let dir: string;
let rubric: Rubric;
let ids: string[];
let written = 0;

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-scan-worker-'));
  rubric = (await loadRubric('service-commitments')).rubric;
  ids = rubricItems(rubric).map((item) => item.id);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a run shows (the json and text reports, or the error with its findings; the notes), and whether the worker read it. */
async function run(inputs: string[], options: ScoreOptions, inWorker: boolean): Promise<{ shown: unknown; started: string[] }> {
  const notes: string[] = [];
  const started: string[] = [];
  const parallel = inWorker ? { minBytes: 0, started: (file: string) => started.push(file) } : undefined;
  try {
    const result = await score(inputs, rubric, { ...options, parallel, onNote: (m) => notes.push(m) });
    const layout = { style: plainStyle, width: 100, date: '2026-12-01' };
    const shown = { json: (await loadGapFormat('json'))(result.report, layout), text: (await loadGapFormat('text'))(result.report, layout), outcome: result.outcome, reasons: result.reasons, notes };
    return { shown, started };
  } catch (error) {
    if (!(error instanceof SvcauditError)) throw error;
    return { shown: { error: error.message, code: error.code, details: JSON.stringify({ position: error.position, files: error.files }), notes }, started };
  }
}

/** Both ways: the worker must have read each input, and shown what the main thread alone shows. */
async function same(inputs: string[], options: ScoreOptions = {}): Promise<unknown> {
  const alone = await run(inputs, options, false);
  const beside = await run(inputs, options, true);
  expect(beside.started).toEqual(inputs);
  expect(alone.started).toEqual([]);
  // Compared as text, and where they differ shown from the first line that does: a report of a
  // thousand groups makes a diff of the whole too slow to print.
  const [a, b] = [JSON.stringify(alone.shown, null, 1).split('\n'), JSON.stringify(beside.shown, null, 1).split('\n')];
  const first = a.findIndex((line, i) => line !== b[i]);
  expect(b.slice(first, first + 5)).toEqual(a.slice(first, first + 5));
  expect(b.length).toBe(a.length);
  return alone.shown;
}

/** A pick among groups of values, each group as likely as its weight, each value of a group alike. */
function choices(...groups: Array<[number, readonly string[]]>): (random: () => number) => string {
  const total = groups.reduce((sum, [weight]) => sum + weight, 0);
  return (random) => {
    let at = random() * total;
    for (const [weight, values] of groups) {
      if (at < weight) return values[Math.floor((at / weight) * values.length)]!;
      at -= weight;
    }
    return groups[0]![1][0]!;
  };
}

/** A small linear congruential generator: the same rows for the same seed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

describe('a survey export read in a worker thread', () => {
  it.each(readdirSync(join(REPO, 'tests/fixtures/exports')).filter((name) => /\.(csv|tsv)$/.test(name)))('gives the report of the main thread alone: %s', async (name) => {
    const file = join(REPO, 'tests/fixtures/exports', name);
    const map = join(REPO, 'tests/fixtures/exports', name.replace(/\.(csv|tsv)$/, '.map.yaml'));
    const mapped = readdirSync(join(REPO, 'tests/fixtures/exports')).includes(name.replace(/\.(csv|tsv)$/, '.map.yaml'));
    // The svcaudit-layout tables in UTF-16 or Windows-1252, and the .tsv, go to the survey reader without a mapping.
    const shown = (await same([file], { by: 'role', ...(mapped ? { map } : {}) })) as { json?: string };
    expect(shown.json).toContain('"respondents"');
  });

  it('gives the report of the main thread alone for the benchmark\'s export, by role and by a column of names too many to number', async () => {
    const forms = await googleFormsCsv(dir, 6000);
    await same([forms.file], { map: forms.map, by: 'role' });
    await same([forms.file], { map: forms.map, by: 'name', manyGroups: true, minGroup: 1 });
  });

  it('reports a stray quote far into the export as the main thread does (the reference tokenizer reads on from it)', async () => {
    const forms = await googleFormsCsv(dir, 3000);
    const path = join(dir, 'stray-quote.csv');
    const lines = readFileSync(forms.file, 'utf8').split('\n');
    lines[2500] = lines[2500]!.replace(',R', ',R"');
    writeFileSync(path, lines.join('\n'));
    const shown = await same([path], { map: forms.map });
    expect(JSON.stringify(shown)).toContain('csv-syntax');
  });

  it('hands on every row the reference tokenizer read before it stopped (a row too long to scan, then bad cells, then a stray quote)', async () => {
    const forms = await googleFormsCsv(dir, 3000);
    const path = join(dir, 'long-row.csv');
    const lines = readFileSync(forms.file, 'utf8').split('\n');
    lines[1000] = lines[1000]!.replace(',R', `,${'x'.repeat(70_000)}R`);
    for (let r = 1001; r < 1200; r += 7) lines[r] = lines[r]!.replace(',Agree,', ',Agreed,');
    lines[1250] = lines[1250]!.replace(',R', ',R"');
    writeFileSync(path, lines.join('\n'));
    const shown = JSON.stringify(await same([path], { map: forms.map }));
    expect(shown).toContain('csv-syntax');
    expect(shown).toContain('Agreed');
  });

  it('property: generated Google Forms exports, in many batches, give the report of the main thread alone', async () => {
    // Weighted choices, drawn row by row from the run's seed: a few thousand rows of arbitraries
    // would make shrinking slow. A clean run holds only what reads (odd labels the fast path hands
    // on, and `Fair!`, of the length of `Agree`, and `other`, of the length of `staff`, which the
    // worker must tell apart by their characters); a dirty one also what is an error somewhere.
    const cell = (dirty: boolean) => choices([40, [...LABELS, '', "Don't know"]], [3, [' Agree', 'agree', '4', '"Agree"', 'na', 'Fair!', '"Strongly disagree"']], [dirty ? 1 : 0, ['Agreed', '"Strongly\nagree"']]);
    const when = (dirty: boolean) => choices([30, ['2026/11/20 10:15:00 AM GMT', '2026/11/20 4:01:30 PM GMT', '2026/11/21 9:01:30 AM GMT', '2026/11/21T09:01']], [2, ['', '05/11/2026', '20/11/2026', ' 2026/11/20 10:15:00 AM GMT', '"2026/11/22 10:00:00 AM GMT"']], [dirty ? 1 : 0, ['2026/11/20 later', 'soon']]);
    const role = choices([20, ['Client', 'staff', 'manager']], [1, ['', 'Staff ', '"x, y"', 'other']]);
    const tail = (dirty: boolean) => choices([300, ['']], [3, [',', ', ']], [dirty ? 1 : 0, [',extra', '"']]);
    const exports = fc.record({
      items: fc.shuffledSubarray(Array.from({ length: 13 }, (_, i) => i), { minLength: 1, maxLength: 13 }),
      rows: fc.integer({ min: 1, max: 4000 }),
      seed: fc.integer(),
      eol: fc.constantFrom('\n', '\r\n'),
      dirty: fc.constantFrom(false, false, true),
    });
    await fc.assert(
      fc.asyncProperty(exports, fc.constantFrom(undefined, 'role'), async ({ items, rows, seed, eol, dirty }, by) => {
        const random = lcg(seed);
        const [answer, at, end] = [cell(dirty), when(dirty), tail(dirty)];
        const lines = [['Timestamp', 'Your name', 'Which best describes you?', ...items.map((i) => `"How much do you agree? [${ids[i]}]"`)].join(',')];
        for (let r = 0; r < rows; r++) {
          if (r % 997 === 996) lines.push('');
          lines.push(`${at(random)},R${r % 1500},${role(random)},${items.map(() => answer(random)).join(',')}${end(random)}`);
        }
        const file = join(dir, `generated-${++written}.csv`);
        const map = join(dir, `generated-${written}.map.yaml`);
        writeFileSync(file, lines.join(eol) + eol);
        writeFileSync(map, [
          'svcaudit: 1', 'kind: mapping', 'rubric: service-commitments', 'layout: google-forms', 'columns:',
          ...items.map((i) => `  ${ids[i]}: "How much do you agree? [${ids[i]}]"`),
          'respondent:', '  name: Your name', '  role: Which best describes you?', 'date: Timestamp',
          `labels: {${LABELS.map((label, i) => `"${label}": ${i + 1}`).join(', ')}, "Fair!": 3}`, 'values: {role: {Client: customer}}', '',
        ].join('\n'));
        await same([file], { map, by, minGroup: 1 });
      }),
      propertyRuns({ runs: 12 }),
    );
  });
});
