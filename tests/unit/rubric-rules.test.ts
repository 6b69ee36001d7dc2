/**
 * Every rule svcaudit reports, each with a failing and a passing fixture under
 * tests/fixtures/rules/<rule>/. The expected line and column of each finding
 * were worked out by hand from the fixture text (1-based; a column counts
 * characters from the start of the line), so a change in how positions are
 * mapped back to the YAML source shows up here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswersSource } from '../../src/inputs/answers-yaml/check-answers.js';
import { readCsvAnswers } from '../../src/inputs/svcaudit-csv/csv-answers.js';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import type { Finding, Severity } from '../../src/core/finding.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { RULE_IDS, RULES, type RuleId } from '../../src/core/rules.js';
import { answersSchema, configSchema, rubricSchema } from '../../src/rubric/schema.js';
import { comparisonSchema } from '../../src/compare/schema.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { validateFiles } from '../../src/app/validate.js';
import { REPO } from '../helpers/run-cli.js';

const FIXTURES = `${REPO}/tests/fixtures/rules`;
const BUILTIN = `${REPO}/rubrics/service-commitments.yaml`;

/**
 * How a fixture is checked: as a rubric, as answers against the built-in rubric, through `validate`,
 * or, for a survey export, through `validate` with `--map` when a `<name>.map.yaml` lies beside it.
 */
type Check = 'rubric' | 'answers' | 'validate' | 'csv' | 'export';

interface At {
  readonly line: number;
  readonly column: number;
  /** Part of the message that a person needs (the id, the value, the suggestion). */
  readonly says: string | RegExp;
}

interface FailCase {
  readonly rule: RuleId;
  readonly fixture: string;
  readonly check: Check;
  readonly severity: Severity;
  readonly at: readonly At[];
  /** The findings are in the export's mapping file (a column it names, the date order it must give). */
  readonly inMapping?: true;
}

interface PassCase {
  readonly rule: RuleId;
  readonly fixture: string;
  readonly check: Check;
  /** `--rubric` for the validate check. */
  readonly rubric?: string;
}

let builtin: Rubric;
beforeAll(async () => {
  const checked = await checkRubricText(new Uint8Array(readFileSync(BUILTIN)), BUILTIN);
  if (!checked.value) throw new Error(`the built-in rubric does not load: ${JSON.stringify(checked.findings)}`);
  builtin = checked.value;
});

async function findingsOf(fixture: string, check: Check, rubric?: string): Promise<readonly Finding[]> {
  const path = `${FIXTURES}/${fixture}`;
  const bytes = new Uint8Array(readFileSync(path));
  switch (check) {
    case 'rubric':
      return (await checkRubricText(bytes, fixture)).findings;
    case 'answers':
      return checkAnswersSource(parseYaml(Buffer.from(bytes).toString('utf8'), fixture), builtin).findings;
    case 'validate':
      return (await validateFiles([path], { rubric: rubric === undefined ? undefined : `${FIXTURES}/${rubric}` })).flatMap((r) => r.findings);
    case 'export': {
      const map = mapBeside(path);
      return (await validateFiles([path], { map })).flatMap((r) => r.findings);
    }
    case 'csv': {
      const findings: Finding[] = [];
      await readCsvAnswers([Buffer.from(bytes).toString('utf8')], fixture, builtin, { answerSet: () => undefined, finding: (f) => findings.push(f) });
      return findings;
    }
  }
}

/** `fail.csv` → `fail.map.yaml`, when there is one. */
function mapBeside(path: string): string | undefined {
  const map = path.replace(/\.\w+$/, '.map.yaml');
  return existsSync(map) ? map : undefined;
}

const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;

const FAILING: readonly FailCase[] = [
  // --- Rubric semantics (semantic-rules.ts) ---
  {
    rule: 'duplicate-id', fixture: 'duplicate-id/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 19, column: 9, says: 'Section id `main` is already used by section #1' },
      { line: 22, column: 13, says: 'Item id `be-nice` is already used in section `main`' },
    ],
  },
  {
    rule: 'scale-integers', fixture: 'scale-integers/fail.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 6, column: 8, says: "scale's `min` must be a whole number; found 1.5" }],
  },
  {
    rule: 'scale-integers', fixture: 'scale-integers/fail-max.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 5, column: 22, says: "scale's `max` must be a whole number; found 4.5" }],
  },
  {
    rule: 'scale-order', fixture: 'scale-order/fail.yaml', check: 'rubric', severity: 'error',
    // The `scale:` mapping, which starts at its first key.
    at: [{ line: 6, column: 3, says: '`min` (5) must be lower than its `max` (1)' }],
  },
  {
    rule: 'scale-order', fixture: 'scale-order/fail-too-many.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 5, column: 8, says: '102 levels; at most 101' }],
  },
  {
    rule: 'label-out-of-scale', fixture: 'label-out-of-scale/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 6, column: 12, says: 'level 0, which is not on the scale (1 to 5)' },
      { line: 6, column: 38, says: 'level 6, which is not on the scale (1 to 5)' },
    ],
  },
  {
    rule: 'level-out-of-scale', fixture: 'level-out-of-scale/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 13, column: 11, says: 'Item `be-nice` describes level -1' },
      { line: 16, column: 11, says: 'Item `be-nice` describes level 6' },
    ],
  },
  {
    rule: 'target-out-of-scale', fixture: 'target-out-of-scale/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 5, column: 9, says: 'The target of the rubric (6)' },
      { line: 9, column: 13, says: 'The target of section `main` (0)' },
      { line: 14, column: 17, says: 'The target of item `be-nice` (2.5)' },
    ],
  },
  {
    rule: 'action-out-of-scale', fixture: 'action-out-of-scale/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 14, column: 17, says: 'Action #1 of item `be-nice` lifts it to 0' },
      { line: 18, column: 17, says: 'Action #3 of item `be-nice` lifts it to 6' },
    ],
  },
  {
    rule: 'section-weight', fixture: 'section-weight/fail.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 8, column: 13, says: 'weight of section `main` must be greater than 0; found 0' }],
  },
  {
    rule: 'section-without-weight', fixture: 'section-without-weight/fail.yaml', check: 'rubric', severity: 'error',
    // The `items:` list, which starts at the dash of its first item.
    at: [{ line: 9, column: 7, says: 'Every item of section `main` has weight 0' }],
  },
  {
    rule: 'item-without-levels', fixture: 'item-without-levels/fail.yaml', check: 'rubric', severity: 'warning',
    at: [
      { line: 9, column: 13, says: 'Item `be-nice` has no level descriptors' },
      { line: 13, column: 13, says: 'Item `listen` has no level descriptors' },
    ],
  },
  {
    rule: 'item-without-action', fixture: 'item-without-action/fail.yaml', check: 'rubric', severity: 'warning',
    at: [
      // No actions at all: the item's id.
      { line: 9, column: 13, says: 'Item `be-nice` has no action that could lift it towards its target (4)' },
      // Actions, none of which can apply: the list of actions (flow, then block).
      { line: 17, column: 18, says: 'Item `listen` has no action' },
      { line: 23, column: 11, says: 'Item `smile` has no action' },
    ],
  },
  {
    rule: 'target-at-minimum', fixture: 'target-at-minimum/fail.yaml', check: 'rubric', severity: 'warning',
    at: [
      { line: 5, column: 9, says: "The target of the rubric equals the scale's minimum (1)" },
      { line: 13, column: 17, says: "The target of item `be-nice` equals the scale's minimum (1)" },
    ],
  },
  // --- Answers (check-answers.ts, validate-files.ts) ---
  {
    rule: 'answers-rubric-mismatch', fixture: 'answers-rubric-mismatch/fail.yaml', check: 'answers', severity: 'error',
    at: [{ line: 3, column: 9, says: 'for rubric `service-promises`, but the rubric in use is `service-commitments`' }],
  },
  {
    rule: 'answers-rubric-mismatch', fixture: 'answers-rubric-mismatch/fail-version.yaml', check: 'answers', severity: 'error',
    at: [{ line: 3, column: 9, says: 'version 1.0.0 of `service-commitments`, but the rubric in use is version 2.0.0' }],
  },
  {
    rule: 'answers-unknown-item', fixture: 'answers-unknown-item/fail.yaml', check: 'answers', severity: 'error',
    at: [
      { line: 6, column: 3, says: 'no item `be-nise`. Did you mean `be-nice`?' },
      { line: 7, column: 3, says: 'no item `respond-quikly`. Did you mean `respond-quickly`?' },
      // Nothing close: no suggestion at all rather than a wild guess.
      { line: 8, column: 3, says: /no item `mind-reading`\.$/ },
    ],
  },
  {
    rule: 'answers-score-not-integer', fixture: 'answers-score-not-integer/fail.yaml', check: 'answers', severity: 'error',
    at: [
      { line: 5, column: 12, says: 'score of `be-nice` must be a whole level from 1 to 5; found 3.5' },
      { line: 7, column: 12, says: 'score of `listen` must be a whole level from 1 to 5; found 2.25' },
    ],
  },
  {
    rule: 'answers-score-out-of-scale', fixture: 'answers-score-out-of-scale/fail.yaml', check: 'answers', severity: 'error',
    at: [
      { line: 5, column: 12, says: 'score of `be-nice` must be a level from 1 to 5; found 6' },
      { line: 6, column: 11, says: 'score of `listen` must be a level from 1 to 5; found 0' },
      { line: 7, column: 18, says: 'score of `smile` must be a level from 1 to 5; found -1' },
    ],
  },
  {
    // A customer scoring the two items whose audience is staff and manager: a warning at each
    // answer's key; the `na` is not a score and passes.
    rule: 'answer-outside-audience', fixture: 'answer-outside-audience/fail.yaml', check: 'answers', severity: 'warning',
    at: [
      { line: 9, column: 3, says: 'Item `remove-hindrances` is for its audience (staff, manager); this respondent\'s role is `Customer`. The score still counts.' },
      { line: 10, column: 3, says: 'Item `train-everyone` is for its audience (staff, manager)' },
    ],
  },
  {
    // The same rule in a CSV, at the cell: ` STAFF ` is staff (trimmed, case ignored), a row with no
    // role has no audience to be outside of, and an `na` is not a score.
    rule: 'answer-outside-audience', fixture: 'answer-outside-audience/fail.csv', check: 'csv', severity: 'warning',
    at: [
      { line: 2, column: 17, says: 'Item `remove-hindrances` is for its audience (staff, manager); this respondent\'s role is `Customer`.' },
      { line: 5, column: 19, says: 'Item `train-everyone` is for its audience (staff, manager); this respondent\'s role is `customer`.' },
    ],
  },
  {
    rule: 'answers-unknown-rubric', fixture: 'answers-unknown-rubric/fail.yaml', check: 'validate', severity: 'error',
    at: [{ line: 3, column: 9, says: /`in-house-rubric` is not a built-in rubric \(.*service-commitments.*\).*--rubric/ }],
  },
  // --- Survey CSV exports (csv-answers.ts) ---
  {
    rule: 'csv-syntax', fixture: 'csv-syntax/fail.csv', check: 'csv', severity: 'error',
    at: [{ line: 2, column: 15, says: 'never closed' }],
  },
  {
    rule: 'csv-duplicate-column', fixture: 'csv-duplicate-column/fail.csv', check: 'csv', severity: 'error',
    at: [{ line: 1, column: 19, says: 'Column `be-nice` appears twice in the header (columns 2 and 4)' }],
  },
  {
    rule: 'csv-extra-cells', fixture: 'csv-extra-cells/fail.csv', check: 'csv', severity: 'error',
    at: [{ line: 2, column: 22, says: 'This row has 4 cells but the header has 3' }],
  },
  // --- Survey exports read through a mapping (inputs/survey/), checked by the real `validate` ---
  {
    rule: 'export-needs-mapping', fixture: 'export-needs-mapping/fail.csv', check: 'export', severity: 'error',
    at: [{ line: 1, column: 1, says: 'This is a google-forms export, whose headers are not item ids of `service-commitments`, so it needs a mapping' }],
  },
  {
    rule: 'export-unknown-layout', fixture: 'export-unknown-layout/fail.csv', check: 'export', severity: 'error',
    at: [{ line: 1, column: 1, says: 'The mapping says `layout: typeform`, but the first rows of this export are those of a google-forms export' }],
  },
  {
    rule: 'export-answer-invalid', fixture: 'export-answer-invalid/fail.csv', check: 'export', severity: 'error',
    at: [
      // The cell itself: row 2, column C.
      { line: 2, column: 37, says: 'Row 2, `Q1` (column C, item `be-nice`): `Agre` is not a level from 1 to 5, a label or an na word' },
      { line: 3, column: 73, says: 'Row 3, `Q13` (column O, item `one-touch`): `sometimes` is not a level' },
    ],
  },
  {
    rule: 'export-date-invalid', fixture: 'export-date-invalid/fail.csv', check: 'export', severity: 'error',
    at: [{ line: 3, column: 1, says: 'Row 3, `Timestamp` (column A): `yesterday` is not a date' }],
  },
  {
    // At the mapping's `date:` line, where `date-format` would go.
    rule: 'export-date-ambiguous', fixture: 'export-date-ambiguous/fail.csv', check: 'export', severity: 'error', inMapping: true,
    at: [{ line: 21, column: 7, says: 'could be day/month or month/day, and no value settles which' }],
  },
  {
    rule: 'export-limit', fixture: 'export-limit/fail.csv', check: 'export', severity: 'error',
    at: [{ line: 3, column: 28, says: 'A cell is longer than 100 kB' }],
  },
  {
    rule: 'export-unreadable', fixture: 'export-unreadable/fail.xlsx', check: 'export', severity: 'error',
    at: [{ line: 1, column: 1, says: 'The workbook cannot be read' }],
  },
  {
    rule: 'file-encoding', fixture: 'file-encoding/fail.csv', check: 'export', severity: 'warning',
    at: [{ line: 1, column: 1, says: 'read as Windows-1252' }],
  },
  {
    rule: 'file-encoding-invalid', fixture: 'file-encoding-invalid/fail.csv', check: 'export', severity: 'error',
    at: [{ line: 4, column: 1, says: 'Line 4 holds bytes that are not UTF-8, after text that is' }],
  },
  {
    rule: 'mapping-column-not-found', fixture: 'mapping-column-not-found/fail.csv', check: 'export', severity: 'error', inMapping: true,
    at: [{ line: 20, column: 9, says: 'has no column headed `Your job`' }],
  },
  // --- Mapping files (inputs/survey/check-mapping.ts), through `validate` ---
  {
    rule: 'mapping-unknown-item', fixture: 'mapping-unknown-item/fail.yaml', check: 'validate', severity: 'error',
    at: [
      { line: 6, column: 3, says: 'no item `be-nise`. Did you mean `be-nice`?' },
      { line: 25, column: 25, says: 'no item `respond-quikly` (use `general` for general comments). Did you mean `respond-quickly`?' },
    ],
  },
  {
    rule: 'mapping-duplicate-column', fixture: 'mapping-duplicate-column/fail.yaml', check: 'validate', severity: 'error',
    at: [{ line: 7, column: 20, says: 'already named for item `be-nice`' }],
  },
  {
    rule: 'mapping-label-out-of-scale', fixture: 'mapping-label-out-of-scale/fail.yaml', check: 'validate', severity: 'error',
    at: [{ line: 22, column: 49, says: 'The label `Strongly agree` stands for 6' }],
  },
  {
    // The `columns:` key, which the missing items would go under.
    rule: 'mapping-item-without-column', fixture: 'mapping-item-without-column/fail.yaml', check: 'validate', severity: 'warning',
    at: [{ line: 5, column: 1, says: '2 items of `service-commitments` have no column, so they are unanswered in every row: `smile`, `listen`' }],
  },
  {
    rule: 'mapping-rubric-mismatch', fixture: 'mapping-rubric-mismatch/fail.yaml', check: 'validate', severity: 'error',
    at: [{ line: 3, column: 9, says: 'version 1.0.0 of `service-commitments`, but the rubric in use is version 2.0.0' }],
  },
  // --- Reading the file, YAML, kind and schema ---
  {
    rule: 'file-empty', fixture: 'file-empty/fail.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 1, column: 1, says: 'empty' }],
  },
  {
    rule: 'file-binary', fixture: 'file-binary/fail.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 1, column: 1, says: 'binary data' }],
  },
  {
    rule: 'yaml-syntax', fixture: 'yaml-syntax/fail.yaml', check: 'rubric', severity: 'error',
    // An unquoted `: ` inside the prompt: the value that would need quotes.
    at: [{ line: 11, column: 17, says: 'Nested mappings are not allowed' }],
  },
  {
    rule: 'yaml-syntax', fixture: 'yaml-syntax/fail-tab.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 6, column: 1, says: 'Tabs cannot be used to indent YAML; use spaces.' },
      { line: 7, column: 1, says: 'Tabs cannot be used to indent YAML; use spaces.' },
    ],
  },
  {
    rule: 'yaml-syntax', fixture: 'yaml-syntax/fail-alias.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 13, column: 33, says: 'The alias `*standard` refers to no anchor' }],
  },
  {
    rule: 'yaml-duplicate-key', fixture: 'yaml-duplicate-key/fail.yaml', check: 'rubric', severity: 'error',
    // The second occurrence of each key: `title` in a block mapping, `1` in a flow mapping.
    at: [
      { line: 12, column: 9, says: 'appears twice' },
      { line: 13, column: 36, says: 'appears twice' },
    ],
  },
  {
    rule: 'yaml-too-complex', fixture: 'yaml-too-complex/fail.yaml', check: 'rubric', severity: 'error',
    // `x-deep` is at depth 1, so the 65th `[` (column 9 + 64) is the first node too deep.
    at: [{ line: 5, column: 73, says: 'nested more than 64 levels deep' }],
  },
  {
    rule: 'yaml-too-complex', fixture: 'yaml-too-complex/fail-aliases.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 1, column: 1, says: 'aliases' }],
  },
  {
    rule: 'unknown-kind', fixture: 'unknown-kind/fail.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 2, column: 7, says: '`kind` must be `rubric`, `answers` or `mapping`; found `rubrik`' }],
  },
  {
    rule: 'unknown-kind', fixture: 'unknown-kind/fail-missing.yaml', check: 'rubric', severity: 'error',
    at: [{ line: 1, column: 1, says: 'no `kind:` field' }],
  },
  {
    rule: 'schema-unknown-key', fixture: 'schema-unknown-key/fail.yaml', check: 'rubric', severity: 'error',
    // The key itself, not its value.
    at: [{ line: 12, column: 9, says: 'Unknown key `weigth` in section `main`, item `be-nice`. Did you mean `weight`?' }],
  },
  {
    rule: 'schema-missing-key', fixture: 'schema-missing-key/fail.yaml', check: 'rubric', severity: 'error',
    // The mapping that lacks the key: it starts at its first key, after the dash.
    at: [
      { line: 6, column: 5, says: 'Missing `title` in section `main`' },
      { line: 8, column: 9, says: 'Missing `prompt` in section `main`, item `be-nice`' },
    ],
  },
  {
    rule: 'schema-type', fixture: 'schema-type/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 8, column: 13, says: '`weight` in section `main` must be a number; found `heavy`' },
      { line: 13, column: 17, says: '`levels` in section `main`, item `be-nice` must be a mapping' },
    ],
  },
  {
    rule: 'schema-value', fixture: 'schema-value/fail.yaml', check: 'rubric', severity: 'error',
    at: [
      { line: 9, column: 13, says: 'must be kebab-case' },
      { line: 16, column: 21, says: 'must be one of low, medium, high; found `hihg`. Did you mean `high`?' },
    ],
  },
];

/** Rules about survey exports, whose fixtures are tables (`pass.csv`, `pass.xlsx`) read by `validate`. */
const EXPORT_RULES: ReadonlySet<RuleId> = new Set(RULE_IDS.filter((rule) => rule.startsWith('export-') || rule.startsWith('file-encoding') || rule === 'mapping-column-not-found'));

/** The passing fixture of a rule: `pass.csv` for CSV rules, the table for export rules, else `pass.yaml`. */
function passFixture(rule: RuleId): string {
  if (rule.startsWith('csv-')) return `${rule}/pass.csv`;
  if (EXPORT_RULES.has(rule)) return `${rule}/${readdirSync(`${FIXTURES}/${rule}`).find((f) => /^pass\.(csv|tsv|txt|xlsx)$/.test(f))}`;
  return `${rule}/pass.yaml`;
}

const PASSING: readonly PassCase[] = [
  ...RULE_IDS.filter((rule) => rule !== 'answers-unknown-rubric').map((rule) => ({
    rule,
    fixture: passFixture(rule),
    check: (rule.startsWith('csv-') ? 'csv'
      : EXPORT_RULES.has(rule) ? 'export'
      : rule.startsWith('mapping-') ? 'validate'
      : /^answers?-/.test(rule) ? 'answers' : 'rubric') as Check,
  })),
  // The same answers as the failing fixture, with the rubric given.
  { rule: 'answers-unknown-rubric', fixture: 'answers-unknown-rubric/pass.yaml', check: 'validate', rubric: 'answers-unknown-rubric/in-house-rubric.yaml' },
];

describe('every rule has a failing fixture, with the position of each finding', () => {
  it.each(FAILING.map((c) => [c.fixture, c] as const))('%s', async (_, c) => {
    const findings = await findingsOf(c.fixture, c.check);
    // Each fixture breaks one rule only, so nothing else may be reported.
    expect(findings.map((f) => f.rule)).toEqual(findings.map(() => c.rule));
    const got = [...findings].sort(byPosition);
    expect(got.map((f) => `${f.line}:${f.column}`)).toEqual(c.at.map((a) => `${a.line}:${a.column}`));
    got.forEach((f, i) => {
      expect(f.severity).toBe(c.severity);
      const file = c.check === 'validate' || c.check === 'export' ? `${FIXTURES}/${c.fixture}` : c.fixture;
      expect(f.file).toBe(c.inMapping ? mapBeside(file) : file);
      const says = c.at[i]!.says;
      if (typeof says === 'string') expect(f.message).toContain(says);
      else expect(f.message).toMatch(says);
    });
  });

  it('covers every rule in RULES, with the severity RULES gives it', () => {
    expect([...new Set(FAILING.map((c) => c.rule))].sort()).toEqual([...RULE_IDS].sort());
    for (const c of FAILING) expect(RULES[c.rule].severity).toBe(c.severity);
  });
});

describe('every rule has a passing fixture with no finding at all', () => {
  it.each(PASSING.map((c) => [c.fixture, c] as const))('%s', async (_, c) => {
    const findings = await findingsOf(c.fixture, c.check, c.rubric);
    expect(findings.filter((f) => f.rule === c.rule)).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('has a pass.yaml (pass.csv for CSV rules, a table for export rules) next to every failing fixture', () => {
    for (const rule of RULE_IDS) expect(readdirSync(`${FIXTURES}/${rule}`)).toContain(passFixture(rule).slice(rule.length + 1));
  });

  it('passing rubric fixtures load into a model', async () => {
    const rubrics = PASSING.filter((c) => c.check === 'rubric');
    expect(rubrics.length).toBeGreaterThan(20);
    for (const c of rubrics) {
      const checked = await checkRubricText(new Uint8Array(readFileSync(`${FIXTURES}/${c.fixture}`)), c.fixture);
      expect(checked.value, c.fixture).toBeDefined();
      expect(rubricItems(checked.value!).length, c.fixture).toBeGreaterThan(0);
    }
  });

  it('reads a legitimate alias as the anchored value', async () => {
    const checked = await checkRubricText(readFileSync(`${FIXTURES}/yaml-too-complex/pass.yaml`, 'utf8'), 'pass.yaml');
    const [first, second] = rubricItems(checked.value!);
    expect(first!.actions[0]!.text).toBe("Greet, use the customer's name, thank, close warmly.");
    expect(second!.actions[0]!.text).toBe(first!.actions[0]!.text);
  });
});

describe('the built-in rubric', () => {
  it('has no findings at all, not even warnings', async () => {
    const checked = await checkRubricText(new Uint8Array(readFileSync(BUILTIN)), BUILTIN);
    expect(checked.findings).toEqual([]);
    expect(checked.value).toBeDefined();
  });

  it('has the 13 items of the two sections', () => {
    expect(builtin.id).toBe('service-commitments');
    expect(builtin.sections.map((s) => [s.id, s.items.length])).toEqual([
      ['commitments', 10],
      ['three-keys', 3],
    ]);
    const items = rubricItems(builtin);
    expect(items).toHaveLength(13);
    expect(new Set(items.map((i) => i.id)).size).toBe(13);
  });

  it('is version 2.0.0, says how to score, and its scale labels climb', () => {
    expect(builtin.version).toBe('2.0.0');
    expect(builtin.description).toMatch(/highest level whose every part is supported by evidence/);
    expect([...builtin.scale.labels]).toEqual([[1, 'Absent'], [2, 'Ad hoc'], [3, 'Defined'], [4, 'Consistent'], [5, 'Measured and improving']]);
  });

  it('names who can judge each item: staff and managers alone for the two inward-facing keys', () => {
    for (const item of rubricItems(builtin)) {
      const inward = item.id === 'remove-hindrances' || item.id === 'train-everyone';
      expect(item.audience, item.id).toEqual(inward ? ['staff', 'manager'] : ['customer', 'staff', 'manager']);
    }
  });

  it('gives every item a low-effort quick win to level 2, and every action an owner', () => {
    for (const item of rubricItems(builtin)) {
      expect(item.actions.some((a) => a.to === 2 && a.effort === 'low'), item.id).toBe(true);
      for (const action of item.actions) expect(action.owner, `${item.id}: ${action.text}`).toMatch(/\S/);
    }
  });

  it('stages high-effort work: a "decide and fund" action one level below each delivery', () => {
    const high = rubricItems(builtin).flatMap((item) => item.actions.filter((a) => a.effort === 'high').map((a) => ({ item, action: a })));
    expect(high.length).toBeGreaterThan(0);
    for (const { item, action } of high) {
      expect(action.text, item.id).toMatch(/^Deliver /);
      expect(item.actions.some((a) => a.to === action.to - 1 && a.effort !== 'high' && /^Decide /.test(a.text)), item.id).toBe(true);
    }
  });

  it('gives each item a descriptor for every level and at least three staged actions', () => {
    for (const item of rubricItems(builtin)) {
      expect([...item.levels.keys()], item.id).toEqual([1, 2, 3, 4, 5]);
      expect(item.actions.length, item.id).toBeGreaterThanOrEqual(3);
      expect(item.lookFor.length, item.id).toBeGreaterThan(0);
      expect(item.why, item.id).toBeTruthy();
    }
  });
});

describe('the shipped JSON Schemas', () => {
  it.each([
    ['rubric.schema.json', rubricSchema],
    ['answers.schema.json', answersSchema],
    ['config.schema.json', configSchema],
    ['comparison.schema.json', comparisonSchema],
  ] as const)('schemas/%s equals the schema in src/', (file, schema) => {
    const onDisk: unknown = JSON.parse(readFileSync(`${REPO}/schemas/${file}`, 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('are exactly the three file kinds and the comparison (no stale schema left behind)', () => {
    expect(readdirSync(`${REPO}/schemas`).filter((f) => f.endsWith('.schema.json')).sort()).toEqual(['answers.schema.json', 'comparison.schema.json', 'config.schema.json', 'mapping.schema.json', 'rubric.schema.json']);
  });
});

describe('messages for common slips', () => {
  it('says a quoted score is text and shows it without quotes', async () => {
    const source = parseYaml('svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: "4"\n', 'q.yaml');
    const findings = checkAnswersSource(source, builtin).findings;
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema-type', 5, 12]]);
    expect(findings[0]!.message).toContain('Write the number without quotes: `4`.');
    expect(findings[0]!.message).not.toContain('Did you mean');
  });
});

describe('a duplicate key does not hide the other problems', () => {
  it('reports the duplicate, named, together with the schema findings of the same file', async () => {
    const text = 'svcaudit: 1\nkind: rubric\nid: x\nweigth: 1\nsections:\n  - id: a\n    title: A\n    title: B\n    items: []\n';
    const { value, findings } = await checkRubricText(text, 'dup.yaml');
    expect(value).toBeUndefined();
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['yaml-duplicate-key', 8, 5],
      ['schema-unknown-key', 4, 1],
      ['schema-value', 9, 12],
    ]);
    expect(findings[0]!.message).toContain('`title` appears twice');
  });
});

describe('an entry of a list is named by its place in the list', () => {
  it('in `comments` and in an answer\'s `evidence`', () => {
    const source = parseYaml('svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: {score: 4, evidence: [1]}\ncomments: ["fine", 2]\n', 'c.yaml');
    const findings = checkAnswersSource(source, builtin).findings;
    expect(findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ['schema-type', 5, 34, 'Entry #1 of `evidence` in the answer for `be-nice` must be text; found `1`.'],
      ['schema-type', 6, 20, 'Entry #2 of `comments` must be text; found `2`.'],
    ]);
  });
});
