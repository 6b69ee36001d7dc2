/**
 * `svcaudit compare`, run as a user runs it: the built binary on the
 * baseline and follow-up interviews in examples/ (npm run build first).
 * Exit codes follow docs/exit-codes.md: 0 done, 2 the job could not be done.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { VERDICTS, type Comparison } from '../../src/compare/comparison.js';
import { REPO, svcaudit, requireBuild } from '../helpers/run-cli.js';

const BEFORE = 'examples/interviews';
const AFTER = 'examples/follow-up';

/** The shipped schema, compiled as another tool would compile it. */
function comparisonValidator() {
  const schema = JSON.parse(readFileSync(join(REPO, 'schemas/comparison.schema.json'), 'utf8'));
  return new Ajv.default({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
}

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-compare-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('compare on the examples', () => {
  let json: Comparison;
  beforeAll(async () => {
    const r = await svcaudit(['compare', BEFORE, AFTER, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    json = JSON.parse(r.stdout) as Comparison;
  });

  it('prints JSON with the change, interval and verdict of the overall score, every section and item', () => {
    const { before, after, change, ci, verdict } = json.overall;
    expect(change).toBeCloseTo(after.score! - before.score!, 12);
    expect(ci![0]).toBeLessThan(change!);
    expect(ci![1]).toBeGreaterThan(change!);
    expect(VERDICTS).toContain(verdict);
    expect(json.sections.map((s) => s.id)).toEqual(['commitments', 'three-keys']);
    expect(json.items).toHaveLength(13);
    for (const item of json.items) {
      expect(typeof item.change).toBe('number');
      expect(VERDICTS).toContain(item.verdict);
    }
    expect(json.inputs).toEqual({
      before: { input: BEFORE, respondents: 10, rubricVersion: '2.0.0' },
      after: { input: AFTER, respondents: 10, rubricVersion: '2.0.0' },
    });
    // The interviews name the same ten people both times.
    expect(json).toMatchObject({ svcaudit: 2, kind: 'comparison', design: 'paired', pairs: 10, groups: [], warnings: [] });
  });

  it('agrees with the two score reports it was made from', async () => {
    const [b, a] = await Promise.all([svcaudit(['score', BEFORE, '--format', 'json']), svcaudit(['score', AFTER, '--format', 'json'])]);
    const before = JSON.parse(b.stdout);
    const after = JSON.parse(a.stdout);
    expect(json.overall.before).toMatchObject({ score: before.overall.score, index: before.overall.index, gap: before.overall.gap });
    expect(json.overall.after).toMatchObject({ score: after.overall.score, index: after.overall.index, gap: after.overall.gap });
    expect(json.items[0]!.before).toEqual({ score: before.items[0].score, index: before.items[0].index, gap: before.items[0].gap, n: before.items[0].n });
  });

  it('validates against the JSON Schema it ships, schemas/comparison.schema.json', async () => {
    const validate = comparisonValidator();
    const grouped = await svcaudit(['compare', BEFORE, AFTER, '--format', 'json', '--by', 'role', '--min-group', '2']);
    expect(grouped.code, grouped.stderr).toBe(0);
    for (const out of [json, JSON.parse(grouped.stdout)]) {
      expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    }
    // Not a schema that accepts anything: a field too many, or a verdict of its own, fails.
    expect(validate({ ...json, extra: 1 })).toBe(false);
    expect(validate({ ...json, overall: { ...json.overall, verdict: 'better' } })).toBe(false);
  });

  it('prints a text report with the design, the overall change and each item with its verdict', async () => {
    const r = await svcaudit(['compare', BEFORE, AFTER]);
    expect(r.code).toBe(0);
    const { before, after } = json.overall;
    // The folder's name, not the path it was read from, with its fieldwork dates.
    expect(r.stdout).toContain('before  interviews (10 respondents, fieldwork 2026-10-05 to 2026-10-09)');
    expect(r.stdout).toContain('Paired: 10 respondents answered both audits (matched by name)');
    expect(r.stdout).toContain(`Overall  ${before.score!.toFixed(2)} → ${after.score!.toFixed(2)}, change +`);
    expect(r.stdout).toMatch(/Be generous\s+│\s+\d\.\d\d │\s+\d\.\d\d │ -\d\.\d\d \[-?\d\.\d\d, [+-]?\d\.\d\d\] │ (no clear change|slipped)/);
    expect(r.stdout).toMatch(/^Reached target \(2\)$/m);
    expect(r.rawStdout).not.toMatch(/\u001b\[/);
  });

  it('prints Markdown tables with the changes, intervals and verdicts', async () => {
    const r = await svcaudit(['compare', BEFORE, AFTER, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Service Commitments Audit: progress$/m);
    expect(r.stdout).toMatch(/^\| Score \| \d\.\d\d \| \d\.\d\d \| [+-]\d\.\d\d \| \[[+-]?\d\.\d\d, [+-]?\d\.\d\d\] \| (improved|slipped|no clear change|too few answers)(, \*\*still below target\*\*)? \|$/m);
    expect(r.stdout).toMatch(/^\| Be nice \| \d\.\d\d \(n 10\) \| \d\.\d\d \(n 10\) \| [+-]?\d\.\d\d \| \[.+\] \| [a-z ]+\*?†? \|$/m);
  });

  it('compares each group with --by, and says when a group is too small', async () => {
    const r = await svcaudit(['compare', BEFORE, AFTER, '--by', 'role']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Groups \(by role\)$/m);
    // One manager on each side: fewer than the default 3.
    expect(r.stdout).toContain('Not compared: manager (fewer than 3 respondents on a side: not compared).');
  });

  it('refuses a --min-group that is not a whole number of at least 1', async () => {
    const r = await svcaudit(['compare', BEFORE, AFTER, '--min-group', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--min-group.*expected a whole number, 1 or more/);
  });

  it('writes HTML to --output and says so on stderr', async () => {
    const out = join(tmp, 'progress.html');
    const r = await svcaudit(['compare', BEFORE, AFTER, '--format', 'html', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Report written to');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('a JSON report as a side', () => {
  let baseline: string;
  beforeAll(async () => {
    baseline = join(tmp, 'baseline.json');
    const r = await svcaudit(['score', BEFORE, '--format', 'json', '--output', baseline]);
    expect(r.code).toBe(0);
  });

  it('compares a saved baseline report with the follow-up answers, as if both were scored now', async () => {
    const [fromJson, fromAnswers] = await Promise.all([
      svcaudit(['compare', baseline, AFTER, '--format', 'json']),
      svcaudit(['compare', BEFORE, AFTER, '--format', 'json']),
    ]);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    const a = JSON.parse(fromJson.stdout) as Comparison;
    const b = JSON.parse(fromAnswers.stdout) as Comparison;
    // The same figures; a saved side has no respondents to pair, so the items are tested as
    // independent samples, while sections and the overall score, whose intervals leave the pairing
    // aside, come out the same (V = se^2 and df, from the saved report of format 2).
    const figures = (c: Comparison) => c.items.map((item) => [item.before, item.after]);
    expect(figures(a)).toEqual(figures(b));
    expect(a).toMatchObject({ design: 'independent', pairs: 0 });
    expect(b).toMatchObject({ design: 'paired', pairs: 10 });
    expect(a.overall).toEqual(b.overall);
    expect(a.sections).toEqual(b.sections);
    expect(a.warnings).toEqual([]);
    expect(comparisonValidator()(a)).toBe(true);
  });

  it('reads a report from stdin, told apart from answers by its content', async () => {
    const r = await svcaudit(['compare', '-', AFTER, '--format', 'json'], { input: readFileSync(baseline) });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Comparison).inputs.before).toMatchObject({ input: '-', respondents: 10 });
  });

  it('still reads answers from stdin', async () => {
    const r = await svcaudit(['compare', BEFORE, '-', '--format', 'json'], { input: readFileSync(join(REPO, AFTER, 'ayesha-begum.yaml')) });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Comparison).inputs.after.respondents).toBe(1);
  });

  it('exits 2 naming the file when a .json file is not a report', async () => {
    const bad = join(tmp, 'not-a-report.json');
    writeFileSync(bad, '{"hello": "world"}');
    const r = await svcaudit(['compare', bad, AFTER]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`svcaudit: ${bad}: Not a svcaudit JSON report`);
  });

  it('exits 2 with the line and column of a JSON syntax error', async () => {
    const bad = join(tmp, 'broken.json');
    writeFileSync(bad, '{\n  "svcaudit": 1,\n  "overall": }\n');
    const r = await svcaudit(['compare', BEFORE, bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`svcaudit: ${bad}:3:14: Not valid JSON (unexpected "}")`);
  });
});

describe('errors', () => {
  it('exits 2 when the two sides use different rubrics, naming both', async () => {
    // Answers of another rubric are findings when scored, as in `score`: exit 1, nothing compared.
    const r = await svcaudit(['compare', BEFORE, 'tests/fixtures/hostile/answers']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('answers-rubric-mismatch');
    expect(r.stdout).toBe('');

    const hostileReport = join(tmp, 'hostile.json');
    const s = await svcaudit(['score', 'tests/fixtures/hostile/answers', '--rubric', 'tests/fixtures/hostile/rubric.yaml', '--format', 'json', '--output', hostileReport]);
    expect(s.code).toBe(0);
    const m = await svcaudit(['compare', BEFORE, hostileReport]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(`svcaudit: ${hostileReport}: The two audits use different rubrics: service-commitments in ${BEFORE}, hostile-rubric here.`);
  });

  it('exits 2 on a missing side, naming it', async () => {
    const r = await svcaudit(['compare', BEFORE, 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/folder');
  });

  it('refuses stdin on both sides', async () => {
    const r = await svcaudit(['compare', '-', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Only one side can be read from stdin');
  });

  it('rejects an unknown format with exit 2', async () => {
    const r = await svcaudit(['compare', BEFORE, AFTER, '--format', 'csv']);
    expect(r.code).toBe(2);
  });
});
