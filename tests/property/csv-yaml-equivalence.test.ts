/**
 * A CSV export and the same answers as YAML files give the same report.
 * Both are read through readAnswerSets, as `score` reads
 * them, into a tally and buildReport. Only `sources` may differ (one CSV is
 * one source; each YAML file is one) and, where there are quotes, their `source`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/core/answers.js';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import { expandInputs } from '../../src/inputs/expand-inputs.js';
import type { Finding } from '../../src/core/finding.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { addAnswerSet, buildReport, createTally, type Report } from '../../src/scoring/index.js';
import { buildRubric } from '../helpers/build.js';
import { REPO } from '../helpers/run-cli.js';
import { propertyRuns } from '../helpers/property-runs.js';

let tmp: string;
let builtin: Rubric;
/** A small rubric with a 0-based scale, unequal section weights and a zero item weight. */
const small = buildRubric({
  scale: { min: 0, max: 4 },
  sections: [
    { id: 'front', weight: 2, items: ['greet', { id: 'hold-time', weight: 3, target: 4, actions: [{ to: 2 }, { to: 4, effort: 'high' }] }, { id: 'unweighted', weight: 0 }] },
    { id: 'back', items: [{ id: 'follow-up', actions: [{}] }] },
  ],
});

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-equiv-'));
  builtin = (await loadRubric('service-commitments')).rubric;
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** What `score` does with its inputs: read every set into one tally, then build the report. */
async function scoreFiles(paths: readonly string[], rubric: Rubric, by: string | undefined): Promise<{ report: Report; findings: readonly Finding[]; respondents: number }> {
  const tally = createTally(rubric, { by });
  const read = await readAnswerSets(paths, rubric, (set: AnswerSet) => addAnswerSet(tally, set));
  return { report: buildReport(tally, {}), findings: read.findings, respondents: read.respondents };
}

/** The report without what may differ between a CSV and YAML files. */
function comparable(report: Report, keepQuotes: boolean): unknown {
  const { sources: _sources, ...rest } = report;
  return {
    ...rest,
    items: report.items.map(({ quotes, ...item }) => (keepQuotes ? { ...item, quotes: quotes.map(({ source: _source, ...q }) => q) } : item)),
  };
}

// ---------------------------------------------------------------------------
// Random respondents, written both ways.

type Cell = { kind: 'level'; value: number } | { kind: 'na' } | { kind: 'blank' } | { kind: 'absent' };

interface Respondent {
  readonly name: string | undefined;
  readonly role: string | undefined;
  readonly answers: readonly Cell[]; // one per rubric item, in rubric order
}

const text = fc.oneof(
  fc.constantFrom('staff', 'customer', 'manager', ' staff ', 'Customer', ''),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('a, "b"', 'x\ny', 'na', '4', 'role: x', '#hash', '- dash'),
);

function respondent(rubric: Rubric): fc.Arbitrary<Respondent> {
  const { min, max } = rubric.scale;
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }).map((value) => ({ kind: 'level' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'na' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
  );
  const n = rubricItems(rubric).length;
  return fc.record({
    name: fc.option(text, { nil: undefined }),
    role: fc.option(text, { nil: undefined }),
    answers: fc.array(cell, { minLength: n, maxLength: n }),
  });
}

/** A YAML double-quoted scalar with everything outside printable ASCII escaped, so any text survives. */
function yamlString(value: string): string {
  return `"${value.replace(/[^\x20-\x7e]|["\\]/g, (c) => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeYaml(dir: string, index: number, r: Respondent, rubric: Rubric, blankStyle: number): string {
  const lines = ['svcaudit: 1', 'kind: answers', `rubric: ${rubric.id}`];
  if (r.name !== undefined || r.role !== undefined) {
    lines.push('respondent:');
    if (r.name !== undefined) lines.push(`  name: ${yamlString(r.name)}`);
    if (r.role !== undefined) lines.push(`  role: ${yamlString(r.role)}`);
  }
  const items = rubricItems(rubric);
  const given = r.answers.map((cell, i) => [items[i]!.id, cell] as const).filter(([, cell]) => cell.kind !== 'absent');
  if (given.length === 0) lines.push('answers: {}');
  else lines.push('answers:');
  for (const [id, cell] of given) {
    if (cell.kind === 'level') lines.push(blankStyle % 2 === 0 ? `  ${id}: ${cell.value}` : `  ${id}: {score: ${cell.value}}`);
    else if (cell.kind === 'na') lines.push(`  ${id}: na`);
    else lines.push([`  ${id}:`, `  ${id}: null`, `  ${id}: ~`][blankStyle % 3]!);
  }
  const path = join(dir, `r${String(index).padStart(3, '0')}.yaml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const NA_SPELLINGS = ['na', 'NA', 'n/a', 'N/A', ' na '];

/** One CSV with the columns in the given order; columns of items nobody answered may be left out. */
function writeCsv(dir: string, respondents: readonly Respondent[], rubric: Rubric, order: readonly number[], dropEmpty: boolean, crlf: boolean): string {
  const items = rubricItems(rubric);
  const columns: ({ kind: 'name' } | { kind: 'role' } | { kind: 'item'; index: number })[] = [{ kind: 'name' }, { kind: 'role' }, ...items.map((_, index) => ({ kind: 'item' as const, index }))];
  const everEmpty = (index: number) => respondents.every((r) => r.answers[index]!.kind === 'blank' || r.answers[index]!.kind === 'absent');
  let kept = columns.filter((c) => c.kind !== 'item' || !dropEmpty || !everEmpty(c.index));
  if (!kept.some((c) => c.kind === 'item')) kept = columns; // a CSV needs at least one item column
  const ordered = order.map((o) => kept[o % kept.length]!).filter((c, i, all) => all.indexOf(c) === i);
  const all = [...ordered, ...kept.filter((c) => !ordered.includes(c))];
  const header = all.map((c) => (c.kind === 'item' ? items[c.index]!.id : c.kind)).join(',');
  const rows = respondents.map((r, ri) =>
    all
      .map((c) => {
        if (c.kind === 'name') return csvCell(r.name ?? '');
        if (c.kind === 'role') return csvCell(r.role ?? '');
        const cell = r.answers[c.index]!;
        if (cell.kind === 'level') return [` ${cell.value}`, `${cell.value}.0`, String(cell.value)][ri % 3]!;
        if (cell.kind === 'na') return csvCell(NA_SPELLINGS[(ri + c.index) % NA_SPELLINGS.length]!);
        return '';
      })
      .join(','),
  );
  const eol = crlf ? '\r\n' : '\n';
  const path = join(dir, 'survey.csv');
  writeFileSync(path, `${[header, ...rows].join(eol)}${eol}`);
  return path;
}

let runs = 0;

const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === 'error');

/** answer-outside-audience warnings by message, which names the item and the role but not the file. */
const audienceWarnings = (findings: readonly Finding[]): string[] => findings.filter((f) => f.rule === 'answer-outside-audience').map((f) => f.message).sort();

async function checkEquivalence(rubric: Rubric, respondents: readonly Respondent[], order: readonly number[], dropEmpty: boolean, crlf: boolean, blankStyle: number): Promise<void> {
  const dir = join(tmp, `run-${runs++}`);
  mkdirSync(dir);
  try {
    const yamlFiles = respondents.map((r, i) => writeYaml(dir, i, r, rubric, blankStyle));
    const csv = writeCsv(dir, respondents, rubric, order, dropEmpty, crlf);
    for (const by of [undefined, 'role']) {
      const fromYaml = await scoreFiles(yamlFiles, rubric, by);
      const fromCsv = await scoreFiles([csv], rubric, by);
      // Random roles score items whose audience leaves them out: the same warnings from both readers.
      expect(errorsOf(fromYaml.findings)).toEqual([]);
      expect(errorsOf(fromCsv.findings)).toEqual([]);
      expect(audienceWarnings(fromCsv.findings)).toEqual(audienceWarnings(fromYaml.findings));
      expect(fromYaml.respondents).toBe(respondents.length);
      expect(fromCsv.respondents).toBe(respondents.length);
      expect(comparable(fromCsv.report, true)).toEqual(comparable(fromYaml.report, true));
      // The sources differ only in how they are cut: the totals are the same.
      const totals = (report: Report) =>
        [...report.sources].reduce((t, s) => ({ respondents: t.respondents + s.respondents, answered: t.answered + s.answered, na: t.na + s.na, unanswered: t.unanswered + s.unanswered }), { respondents: 0, answered: 0, na: 0, unanswered: 0 });
      expect(totals(fromCsv.report)).toEqual(totals(fromYaml.report));
      expect(fromCsv.report.sources).toHaveLength(1);
      expect(fromYaml.report.sources).toHaveLength(respondents.length);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function equivalenceProperty(rubric: () => Rubric, numRuns: number) {
  return async () => {
    const r = rubric();
    await fc.assert(
      fc.asyncProperty(
        fc.array(respondent(r), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(5),
        async (respondents, order, dropEmpty, crlf, blankStyle) => {
          await checkEquivalence(r, respondents, order, dropEmpty, crlf, blankStyle);
        },
      ),
      propertyRuns({ runs: numRuns }),
    );
  };
}

describe('property: a CSV and the same answers as YAML files give the same report', () => {
  it('with the built-in rubric, with and without --by role', equivalenceProperty(() => builtin, 60));
  it('with a small 0-based rubric with uneven weights', equivalenceProperty(() => small, 80));

  it('does not pass when the answers differ (the comparison can fail)', async () => {
    const a: Respondent = { name: 'Dana', role: 'staff', answers: rubricItems(small).map(() => ({ kind: 'level' as const, value: 3 })) };
    const b: Respondent = { ...a, answers: a.answers.map((c, i) => (i === 0 ? { kind: 'na' as const } : c)) };
    const dir = join(tmp, 'differ');
    mkdirSync(dir);
    const yaml = writeYaml(dir, 0, a, small, 0);
    const csv = writeCsv(dir, [b], small, [], false, false);
    const fromYaml = await scoreFiles([yaml], small, undefined);
    const fromCsv = await scoreFiles([csv], small, undefined);
    expect(comparable(fromCsv.report, true)).not.toEqual(comparable(fromYaml.report, true));
    expect(fromCsv.report.items[0]!.na).toBe(1);
    expect(fromYaml.report.items[0]!.n).toBe(1);
  });
});

describe('the examples: examples/interviews/ and examples/interviews.csv', () => {
  it.each([undefined, 'role'])('give the same report (--by %s), but for the quotes only YAML files can carry', async (by) => {
    const yamlFiles = await expandInputs([join(REPO, 'examples/interviews')], ['.yaml', '.yml', '.csv']);
    expect(yamlFiles).toHaveLength(10);
    const fromYaml = await scoreFiles(yamlFiles, builtin, by);
    const fromCsv = await scoreFiles([join(REPO, 'examples/interviews.csv')], builtin, by);
    // The customers leave the two items meant for staff and managers unanswered: no audience warning in either.
    expect(errorsOf(fromYaml.findings)).toEqual([]);
    expect(errorsOf(fromCsv.findings)).toEqual([]);
    expect(audienceWarnings(fromYaml.findings)).toEqual([]);
    expect(audienceWarnings(fromCsv.findings)).toEqual(audienceWarnings(fromYaml.findings));
    expect(fromYaml.respondents).toBe(10);
    expect(fromCsv.respondents).toBe(10);
    expect(comparable(fromCsv.report, false)).toEqual(comparable(fromYaml.report, false));
    // Something real was compared: every item scored by most interviewees, and groups when asked.
    expect(fromCsv.report.items).toHaveLength(13);
    // Every item is scored by most of those who can judge it: the five staff and managers alone for two items.
    for (const item of fromCsv.report.items) expect(item.n).toBeGreaterThanOrEqual(['remove-hindrances', 'train-everyone'].includes(item.id) ? 4 : 7);
    expect(fromCsv.report.overall.score).not.toBeNull();
    // The one manager is a group below --min-group 3: counted in groups[], without figures.
    if (by === 'role') expect(Object.keys(fromCsv.report.items[0]!.groups).sort()).toEqual(['customer', 'staff']);
    if (by === 'role') expect(fromCsv.report.groups.map((g) => [g.value, g.shown])).toEqual([['customer', true], ['manager', false], ['staff', true]]);
    // A CSV has no notes or evidence; the YAML interviews do.
    expect(fromCsv.report.items.every((item) => item.quotes.length === 0)).toBe(true);
    expect(fromYaml.report.items.some((item) => item.quotes.length > 0)).toBe(true);
  });
});

describe('stdin (`-`): told apart as CSV or YAML by its first line', () => {
  const YAML = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nrespondent: {role: staff}\nanswers:\n  be-nice: 4\n  listen: 2\n';
  const CSV = 'role,be-nice,listen\nstaff,4,2\n';

  async function fromStdin(text: string) {
    const sets: AnswerSet[] = [];
    const read = await readAnswerSets(['-'], builtin, (set) => sets.push(set), { readStdin: async () => new TextEncoder().encode(text) });
    return { findings: read.findings, sets };
  }

  it.each<[string, string, 'yaml' | 'csv']>([
    ['YAML', YAML, 'yaml'],
    ['YAML after a comment with a comma', `# Interview with Dana, customer, 3 Oct\n${YAML}`, 'yaml'],
    ['YAML after blank lines, a directive and a document marker', `\n%YAML 1.2\n---\n${YAML}`, 'yaml'],
    ['YAML as one flow mapping', '{svcaudit: 1, kind: answers, rubric: service-commitments, respondent: {role: staff}, answers: {be-nice: 4, listen: 2}}\n', 'yaml'],
    ['CSV', CSV, 'csv'],
    ['CSV with a byte-order mark and CRLF', `\uFEFF${CSV.replaceAll('\n', '\r\n')}`, 'csv'],
    ['CSV with a quoted header', '"role","be-nice","listen"\n"staff",4,2\n', 'csv'],
    ['CSV whose first column is named #', '#,role,be-nice,listen\n1,staff,4,2\n', 'csv'],
  ])('%s', async (_name, text, kind) => {
    const { findings, sets } = await fromStdin(text);
    expect(findings).toEqual([]);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.source).toBe(kind === 'csv' ? '<stdin>:2' : '<stdin>');
    expect(sets[0]!.respondent.role).toBe('staff');
    expect(Object.fromEntries([...sets[0]!.answers].map(([id, a]) => [id, a.score]))).toEqual({ 'be-nice': 4, listen: 2 });
  });
});
