/**
 * Survey exports through the built binary, as a consultant runs them (docs/file-formats.md,
 * "Survey exports"): each fixture export in tests/fixtures/exports/, read with its mapping, gives
 * the report the same answers give as YAML files (tests/fixtures/exports/answers/): the same
 * scores, groups, plan, quotes and comments. Only `sources` (file:row against one file each),
 * `excluded` (the rows a layout leaves out) and the quotes' `source` differ.
 *
 * `svcaudit map` proposes each fixture's golden mapping, and that proposal, used unchanged,
 * scores every item it is sure of as the answers files do and leaves the items it comments out
 * unanswered: it never guesses.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS, writeExport, type ExportKind } from '../helpers/survey-exports.js';
import { REPO, requireBuild, svcaudit } from '../helpers/run-cli.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';

const DIR = 'tests/fixtures/exports';
let tmp: string;
let rubric: Rubric;
let yamlReport: Record<string, unknown>;

interface JsonReport {
  readonly items: ReadonlyArray<{ readonly id: string; readonly score: number | null; readonly n: number; readonly quotes: ReadonlyArray<Record<string, unknown>> }>;
  readonly excluded: ReadonlyArray<{ rule: string; rows: number }>;
  readonly [key: string]: unknown;
}

/** The report without what tells the inputs apart: where each answer came from. */
function comparable(report: JsonReport, quotes: boolean): unknown {
  const { sources: _sources, excluded: _excluded, fieldwork: _fieldwork, comments, items, ...rest } = report as JsonReport & { comments: Array<Record<string, unknown>> };
  const noSource = ({ source: _source, ...q }: Record<string, unknown>) => q;
  return {
    ...rest,
    items: items.map((item) => ({ ...item, quotes: quotes ? item.quotes.map(noSource) : [] })),
    comments: quotes ? comments.map(noSource) : [],
  };
}

async function scoreJson(args: readonly string[]): Promise<JsonReport> {
  const r = await svcaudit(['score', ...args, '--by', 'role', '--format', 'json']);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

const EXCLUDED: Partial<Record<ExportKind, Array<{ rule: string; rows: number }>>> = {
  qualtrics: [{ rule: 'unfinished', rows: 1 }, { rule: 'preview', rows: 1 }],
  typeform: [{ rule: 'partial', rows: 1 }],
  limesurvey: [{ rule: 'incomplete', rows: 1 }],
};

beforeAll(async () => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-exports-'));
  rubric = (await loadRubric('service-commitments')).rubric;
  yamlReport = (await scoreJson([`${DIR}/answers`])) as Record<string, unknown>;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(EXPORT_KINDS)('%s', (kind) => {
  const fixture = () => {
    const { file, mapping, quotes } = writeExport(kind, [], rubric);
    const map = `${DIR}/${file.replace(/\.\w+$/, '.map.yaml')}`;
    return { path: `${DIR}/${file}`, map: mapping === undefined ? undefined : map, quotes, proposed: `${DIR}/${file.replace(/\.\w+$/, '.proposed.yaml')}` };
  };

  it('scores as the same answers written as YAML files', async () => {
    const f = fixture();
    const args = f.map === undefined ? [f.path] : [f.path, '--map', f.map];
    // The Windows-1252 file is read with a warning naming it; every other export reads clean.
    const r = await svcaudit(['score', ...args, '--by', 'role', '--format', 'json']);
    expect(r.code).toBe(0);
    if (kind === 'svcaudit-windows-1252') expect(r.stderr).toContain('Windows-1252');
    else expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.excluded).toEqual(EXCLUDED[kind] ?? []);
    expect(comparable(report, f.quotes)).toEqual(comparable(yamlReport as JsonReport, f.quotes));
  });

  it('says in the text report how many rows were left out, and why', async () => {
    const f = fixture();
    const r = await svcaudit(['score', f.path, ...(f.map === undefined ? [] : ['--map', f.map])]);
    const excluded = EXCLUDED[kind];
    if (excluded === undefined) expect(r.stdout).not.toContain('left out');
    else expect(r.stdout).toContain(`${excluded.reduce((n, e) => n + e.rows, 0)} row${excluded.length === 1 && excluded[0]!.rows === 1 ? '' : 's'} left out: `);
  });

  it('gets its golden proposal from `svcaudit map`, which scores what it is sure of and guesses nothing', async () => {
    const f = fixture();
    // Run beside the export, as the golden files name it.
    const r = await svcaudit(['map', f.path.slice(DIR.length + 1)], { cwd: join(REPO, DIR) });
    expect(r.code).toBe(0);
    expect(existsSync(f.proposed)).toBe(true);
    expect(r.stdout).toBe(readFileSync(f.proposed, 'utf8'));
    const proposal = join(tmp, `${kind}.yaml`);
    writeFileSync(proposal, r.stdout);
    const checked = await svcaudit(['validate', proposal]);
    expect(checked.code, checked.stdout).toBe(0);

    const sure = [...r.stdout.matchAll(/^ {2}([a-z0-9-]+): .*$/gm)].map((m) => m[1]!).filter((id) => rubric.sections.some((s) => s.items.some((i) => i.id === id)));
    const unsure = [...r.stdout.matchAll(/^ {2}# ([a-z0-9-]+): /gm)].map((m) => m[1]!);
    expect(sure.length + unsure.length).toBe(13);
    const scored = await svcaudit(['score', f.path, '--map', proposal, '--format', 'json']);
    expect(scored.code, scored.stderr).toBe(0);
    const report = JSON.parse(scored.stdout) as JsonReport;
    const expected = yamlReport as JsonReport;
    for (const id of sure) {
      const got = report.items.find((i) => i.id === id)!;
      const want = expected.items.find((i) => i.id === id)!;
      expect([id, got.score, got.n]).toEqual([id, want.score, want.n]);
    }
    for (const id of unsure) expect([id, report.items.find((i) => i.id === id)!.n]).toEqual([id, 0]);
  });
});

describe('the mapping on each command', () => {
  const GF = `${DIR}/google-forms.csv`;
  const GF_MAP = `${DIR}/google-forms.map.yaml`;

  it('validate checks a mapping file by its kind, and an export through it', async () => {
    const mapping = await svcaudit(['validate', GF_MAP]);
    expect([mapping.code, mapping.stdout]).toEqual([0, '']);
    const through = await svcaudit(['validate', GF, '--map', GF_MAP]);
    expect([through.code, through.stdout]).toEqual([0, '']);
    const without = await svcaudit(['validate', GF]);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('export-needs-mapping');
  });

  it('names the items a mapping leaves without a column, and scores the rest', async () => {
    const partial = join(tmp, 'partial.map.yaml');
    writeFileSync(partial, readFileSync(GF_MAP, 'utf8').replace(/^ {2}(smile|listen): .*\n/gm, ''));
    const r = await svcaudit(['score', GF, '--map', partial, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/partial\.map\.yaml:\d+:\d+: warning: 2 items of `service-commitments` have no column.*`smile`, `listen`/);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.items.find((i) => i.id === 'smile')!.n).toBe(0);
    expect(report.items.find((i) => i.id === 'be-nice')!.n).toBe(5);
  });

  it('compare reads each side through its own mapping, or both through one', async () => {
    const both = await svcaudit(['compare', GF, `${DIR}/answers`, '--map', GF_MAP, '--format', 'json']);
    expect(both.code, both.stderr).toBe(0);
    const comparison = JSON.parse(both.stdout) as { items: Array<{ before: { score: number }; after: { score: number } }> };
    // The same answers on both sides: no item moved.
    for (const item of comparison.items) expect(item.after.score).toBe(item.before.score);
    const sides = await svcaudit(['compare', GF, `${DIR}/qualtrics.csv`, '--map-before', GF_MAP, '--map-after', `${DIR}/qualtrics.map.yaml`, '--format', 'json']);
    expect(sides.code, sides.stderr).toBe(0);
    const clash = await svcaudit(['compare', GF, GF, '--map', GF_MAP, '--map-after', GF_MAP]);
    expect(clash.code).toBe(2);
  });

  it('general comments follow --attribution: with `none`, neither who nor which file', async () => {
    const r = await svcaudit(['score', GF, '--map', GF_MAP, '--attribution', 'none', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const { comments } = JSON.parse(r.stdout) as { comments: Array<Record<string, unknown>> };
    expect(comments).toEqual([
      { text: 'Overall the shop staff are lovely', source: 'input 1:2' },
      { text: 'Training has improved a lot;\nthe new starters know the systems', source: 'input 1:5' },
    ]);
  });

  it('reads an export on stdin through a mapping', async () => {
    const r = await svcaudit(['score', '-', '--map', GF_MAP, '--format', 'json'], { input: readFileSync(join(REPO, GF)) });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { respondents: number }).respondents).toBe(5);
  });

  it('a folder yields the exports read through --map, and passes over, counted, those that need one', async () => {
    const r = await svcaudit(['score', DIR, '--format', 'json']);
    // The YAML answers and the exports in svcaudit's layout are read; the tools' exports are passed over.
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('svcaudit: note: passed over 5 .csv/.tsv files whose header holds no item id found in folders and globs; name a file to read it anyway (a survey export is read through --map).');
    expect(r.stderr).toContain('svcaudit: note: passed over 1 table found in folders and globs whose headers are not item ids (tests/fixtures/exports/microsoft-forms.xlsx); read it through --map.');
    expect(r.stderr).toContain('google-forms.map.yaml: skipped: a mapping file');
  });

  it('validate of a folder checks the mapping files and the exports it can read, and counts those passed over', async () => {
    const r = await svcaudit(['validate', DIR, '--format', 'json']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stderr).toContain('svcaudit: note: passed over 5 .csv/.tsv files whose header holds no item id found in folders and globs; name a file to read it anyway (a survey export is read through --map).');
    expect(r.stderr).toContain('svcaudit: note: passed over 1 table found in folders and globs whose headers are not item ids (tests/fixtures/exports/microsoft-forms.xlsx); read it through --map.');
    const files = (JSON.parse(r.stdout) as { files: Array<{ file: string; kind: string }> }).files.map((f) => [f.file.slice(DIR.length + 1), f.kind]);
    expect(files).toContainEqual(['google-forms.map.yaml', 'mapping']);
    expect(files).toContainEqual(['svcaudit.tsv', 'answers']);
    expect(files.map(([f]) => f)).not.toContain('google-forms.csv');
  });

  it('--map refuses a file of another kind (exit 2), and a mapping with errors stops with its findings (exit 1)', async () => {
    const wrong = await svcaudit(['score', GF, '--map', `${DIR}/answers/R-001.yaml`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--map takes a mapping file (`kind: mapping`); this is an answers file.');
    const broken = await svcaudit(['score', GF, '--map', 'tests/fixtures/rules/mapping-unknown-item/fail.yaml']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/6:3\s+error\s+Rubric `service-commitments` has no item `be-nise`\. Did you mean `be-nice`\?/);
    expect(broken.stderr).toContain('(2 problems in the mapping; nothing was read through it)');
  });

  it('a warning on every row is told for the first rows, then counted', async () => {
    const ids = rubric.sections.flatMap((s) => s.items.map((i) => i.id));
    const rows = Array.from({ length: 200 }, (_, i) => `C${i},customer,${ids.map(() => '4').join(',')}`);
    const file = join(tmp, 'customers.csv');
    writeFileSync(file, `name,role,${ids.join(',')}\n${rows.join('\n')}\n`);
    const r = await svcaudit(['score', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    // Two staff-only items on each of 200 rows: three told, 397 counted.
    expect(lines.filter((l) => l.includes('warning: Item'))).toHaveLength(3);
    expect(lines).toContain('svcaudit: … and 397 more `answer-outside-audience` warnings; `svcaudit validate` lists every one.');
  });

  it('map: a missing file and an unreadable export end in exit 2 with the reason, no mapping', async () => {
    const missing = await svcaudit(['map', join(tmp, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file');
    const cut = join(tmp, 'cut.xlsx');
    const whole = readFileSync(join(REPO, DIR, 'microsoft-forms.xlsx'));
    writeFileSync(cut, whole.subarray(0, 1000));
    const broken = await svcaudit(['map', cut]);
    expect([broken.code, broken.stdout]).toEqual([2, '']);
    expect(broken.stderr).toContain('export-unreadable');
  });
});
