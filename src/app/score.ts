/**
 * The scoring pipeline that `score`, `compare` and the library share: read every input
 * (streaming) against the rubric, stop with every finding when any answers file is wrong, build
 * the report, and apply the gates a CI job sets (`--strict`, `--fail-under`). Values in; the
 * report, the outcome and the messages out. Notes are handed to `onNote` as they arise.
 */
import type { AnswerSet } from '../core/answers.js';
import { NO_SCORE, type AnswerRow } from '../core/answer-row.js';
import { SvcauditError } from '../core/errors.js';
import { excerpt } from '../core/inert-text.js';
import { capFindings, compareFindings, findingsErrorCode, firstError, hasErrors, type Finding } from '../core/finding.js';
import { displayName } from '../core/io/read-input.js';
import { sortedByCodePoint } from '../core/order.js';
import type { Outcome } from '../core/outcome.js';
import { expandInputs, type IgnorePatterns } from '../inputs/expand-inputs.js';
import type { ParallelReading } from '../inputs/parallel-reading.js';
import { readAnswerSets } from '../inputs/read-answer-sets.js';
import { ANSWERS_EXTENSIONS } from '../inputs/registry.js';
import { rubricItems, type Rubric } from '../rubric/model.js';
import { addAnswerSet, addExcluded, addRow, buildReport, createTally, DEFAULT_MIN_GROUP, groupCount, groupValueOf, NO_GROUP, rowOfSet } from '../scoring/index.js';
import type { Report } from '../scoring/report.js';
import type { ItemCovariances } from '../scoring/statistics/weighted-variance.js';
import type { Tally } from '../scoring/tally.js';
import { loadMapping } from './mapping-file.js';
import type { Attribution } from '../scoring/tally.js';

export interface ScoreInputsOptions {
  readonly by?: string | undefined;
  /** `--many-groups`: a `--by` of more groups than a grouping has (see refuseManyGroups) is meant. */
  readonly manyGroups?: boolean | undefined;

  readonly perceptionGap?: number | undefined;
  /** Effort points per 30-day phase of the plan; default 6. */
  readonly capacity?: number | undefined;
  /** Groups with fewer respondents are reported without scores; default 3. */
  readonly minGroup?: number | undefined;
  /** Who quotes are attributed to; default `role`. */
  readonly attribution?: Attribution | undefined;
  /** Shown in report headers (the configuration file's `organisation`). */
  readonly organisation?: string | undefined;
  /** Where `-` comes from; compare hands on stdin it has already read. */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** A message for the person running the command (a file passed over, a group without the field). */
  readonly onNote?: (message: string) => void;
  /** `--map FILE`: the mapping survey exports are read through (docs/file-formats.md). */
  readonly map?: string | undefined;
  /** Each respondent's answers as they are read. */
  readonly onSet?: (set: AnswerSet) => void;
  /**
   * Each respondent as a row, valid during the call (core/answer-row.ts): compare keeps a compact
   * table of them to pair respondents, without an AnswerSet built per row.
   */
  readonly onRow?: (row: AnswerRow) => void;
  /**
   * False: every respondent is read as an AnswerSet, never as a row read in place. The fast
   * readers give the same report either way; tests/property/fast-paths.test.ts holds them to it.
   */
  readonly readRows?: boolean;
  /** Left out of folder and glob expansion (the configuration file's `ignore`). */
  readonly ignore?: IgnorePatterns | undefined;
  /**
   * A survey export of at least `minBytes` is read in a worker thread while this one scores it
   * (inputs/survey/scan-in-worker.ts), where the built worker exists; the report is the same.
   */
  readonly parallel?: ParallelReading | undefined;
}

export interface ScoreOptions extends ScoreInputsOptions {
  /** The outcome is `below-threshold` when the overall index (0-100) is under this. */
  readonly failUnder?: number | undefined;
  /** The outcome is `below-threshold` when any item is left unanswered. */
  readonly strict?: boolean | undefined;
}

/** Unanswered items, for `--strict`: a total, and the first few respondents with the items they left out. */
interface MissingAnswers {
  total: number;
  examples: Array<{ source: string; items: string[] }>;
}

export interface ScoreResult {
  readonly report: Report;
  readonly outcome: Outcome;
  /** Why the outcome is `below-threshold`, one message per gate that failed. */
  readonly reasons: readonly string[];
}

const MISSING_EXAMPLES = 5;

/** Scores the inputs and applies the gates. */
export async function score(inputs: readonly string[], rubric: Rubric, options: ScoreOptions = {}): Promise<ScoreResult> {
  const { report, missing } = await scoreInputs(inputs, rubric, { ...options, missing: options.strict === true });
  const reasons = gateReasons(report, missing, options);
  return { report, outcome: reasons.length > 0 ? 'below-threshold' : 'ok', reasons };
}

/**
 * Reads, checks and scores every input against `rubric`; answers with errors stop the job before
 * any report, with the findings attached to the error.
 */
export async function scoreInputs(inputs: readonly string[], rubric: Rubric, options: ScoreInputsOptions & { readonly missing?: boolean } = {}): Promise<{ report: Report; missing: MissingAnswers; groupCovariances: GroupCovariances }> {
  const notify = options.onNote ?? (() => undefined);
  const itemIds = rubricItems(rubric).map((item) => item.id);
  const mapping = options.map === undefined ? undefined : await loadMapping(options.map, rubric, { readStdin: options.readStdin, onNote: notify });
  // Without a mapping, a CSV found in a folder is read when its header names an item; through one, every table is.
  const files = await expandInputs(inputs, ANSWERS_EXTENSIONS, { itemIds: async () => (mapping === undefined ? new Set(itemIds) : undefined), ignore: options.ignore, onPassedOver: notify });
  const passedOver: string[] = [];
  const warnings = new WarningSummary();
  // Refused past MAX_GROUPS anyway: the groups after it are only counted, not tallied.
  const tally = createTally(rubric, { by: options.by, attribution: options.attribution, minGroup: options.minGroup ?? DEFAULT_MIN_GROUP, maxGroups: options.manyGroups ? undefined : MAX_GROUPS + 1 });
  const missing: MissingAnswers = { total: 0, examples: [] };
  const grouping = new GroupingCheck(options.by);
  const { onSet, onRow } = options;
  // What every respondent goes through, row or AnswerSet alike; the unanswered items only for --strict.
  const seen = (row: AnswerRow) => {
    grouping.add(row);
    if (options.missing) countMissing(missing, row, itemIds);
    onRow?.(row);
  };
  const read = await readAnswerSets(files, rubric, (set) => {
    const row = rowOfSet(tally, set);
    seen(row);
    addAnswerSet(tally, set, row);
    onSet?.(set);
  }, {
    onRow: options.readRows === false ? undefined : (row) => {
      seen(row);
      addRow(tally, row);
      onSet?.(row.answerSet());
    },
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
    skipRubric: (path) => !inputs.includes(path),
    onSkip: (path, what) => {
      if (what === 'rubric') notify(`svcaudit: ${path}: skipped: a rubric file, not answers (use it with --rubric).`);
      else if (what === 'mapping') notify(`svcaudit: ${path}: skipped: a mapping file, not answers (use it with --map).`);
      else passedOver.push(path);
    },
    mapping,
    onExcluded: (rule, rows) => addExcluded(tally, rule, rows),
    parallel: options.parallel,
    onWarning: (f) => warnings.add(f),
  });
  if (passedOver.length > 0) {
    const shown = passedOver.slice(0, 5).join(', ') + (passedOver.length > 5 ? ', …' : '');
    notify(`svcaudit: note: passed over ${passedOver.length} table${passedOver.length === 1 ? '' : 's'} found in folders and globs whose headers are not item ids (${shown}); read ${passedOver.length === 1 ? 'it' : 'them'} through --map.`);
  }

  if (hasErrors(read.findings)) {
    // Grouped in one pass: filtering the findings once per file would be quadratic in a run of many files.
    const byFile = new Map<string, Finding[]>();
    for (const f of read.findings) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    const files = [...byFile].map(([file, findings]) => ({ file, kind: 'answers' as const, findings: capFindings(findings) }));
    const first = firstError(read.findings)!;
    throw new SvcauditError(
      findingsErrorCode(read.findings),
      `${first.message} (${read.findings.length} problem${read.findings.length === 1 ? '' : 's'} in the answers; nothing was scored)`,
      { file: first.file, line: first.line, column: first.column },
      { files },
    );
  }
  warnings.tell(notify);
  if (read.respondents === 0) throw new SvcauditError('usage', 'No answers were found in the inputs.', { file: inputs.map(displayName).join(' ') });
  grouping.verify(inputs, notify);
  if (options.by !== undefined && !options.manyGroups) refuseManyGroups(options.by, groupCount(tally), tally.respondents, inputs);
  const report = buildReport(tally, { perceptionGap: options.perceptionGap, capacity: options.capacity, minGroup: options.minGroup, organisation: options.organisation });
  return { report, missing, groupCovariances: groupCovariancesOf(tally) };
}

/**
 * Each group's covariance sums (group key → sums; none for a group past those that keep them):
 * compare takes a group's interval from them rather than summing its respondents again.
 */
type GroupCovariances = ReadonlyMap<string, ItemCovariances>;

function groupCovariancesOf(tally: Tally): GroupCovariances {
  const out = new Map<string, ItemCovariances>();
  for (const [key, group] of tally.groups) if (group.covariance !== undefined) out.set(key, group.covariance);
  return out;
}

/** More groups than this is no grouping (docs/formulas.md, "Groups"), nor more than half of more than MIN_RESPONDENTS respondents. */
const MAX_GROUPS = 1000;
const MIN_RESPONDENTS = 30;

/**
 * `--by name` or `--by email` gives one group per person: no group large enough to show, a
 * report of thousands of "fewer than 3 respondents". Almost surely a mistake, so it is refused
 * (exit 2, naming the count) unless `--many-groups` says it is meant. One respondent is one
 * group: a self-audit is never refused.
 */
function refuseManyGroups(by: string, groups: number, respondents: number, inputs: readonly string[]): void {
  const tooMany = groups > MAX_GROUPS;
  const halfOrMore = respondents > MIN_RESPONDENTS && groups > respondents / 2;
  if (!tooMany && !halfOrMore) return;
  const n = (x: number) => x.toLocaleString('en');
  const why = tooMany ? `more than ${n(MAX_GROUPS)}` : `more than half of the ${n(respondents)} respondents`;
  throw new SvcauditError(
    'usage',
    `--by ${by}: the respondents fall into ${n(groups)} groups, ${why}: that is no grouping (a name or an e-mail address?). Group by a field such as role or team, or pass --many-groups if this is meant.`,
    { file: inputs.map(displayName).join(' ') },
  );
}

/** The items a respondent left unanswered (an item left out or blank), for `--strict`. */
function countMissing(missing: MissingAnswers, row: AnswerRow, itemIds: readonly string[]): void {
  const { scores } = row;
  let left: string[] | undefined;
  for (let slot = 0; slot < scores.length; slot++) {
    if (scores[slot] !== NO_SCORE) continue;
    missing.total++;
    (left ??= []).push(itemIds[slot]!);
  }
  if (left !== undefined && missing.examples.length < MISSING_EXAMPLES) missing.examples.push({ source: row.source(), items: left });
}

/** `--strict` and `--fail-under`, each saying why it failed. */
function gateReasons(report: Report, missing: MissingAnswers, options: ScoreOptions): string[] {
  const reasons: string[] = [];
  if (options.strict && missing.total > 0) {
    const where = missing.examples.map((m) => `\n  ${m.source}: ${m.items.join(', ')}`).join('');
    const more = missing.total > missing.examples.reduce((n, m) => n + m.items.length, 0) ? '\n  …' : '';
    reasons.push(`svcaudit: --strict: ${missing.total} answer${missing.total === 1 ? ' is' : 's are'} missing (an item left out or blank; use \`na\` for items that do not apply):${where}${more}`);
  }
  if (options.failUnder !== undefined) {
    const index = report.overall.index;
    if (index === null) reasons.push(`svcaudit: --fail-under ${options.failUnder}: nothing was scored, so the index is unknown.`);
    else if (index < options.failUnder) reasons.push(`svcaudit: --fail-under ${options.failUnder}: the overall index is ${index.toFixed(1)}, below the threshold.`);
  }
  return reasons;
}

/**
 * Warnings do not stop the job, but are never silent (an export read as Windows-1252, a score from
 * a role outside an item's audience): the first few of each rule are told on stderr, the rest
 * counted, since a large export can warn on every row. `validate` lists every one.
 */
class WarningSummary {
  private readonly shown = new Map<string, Finding[]>();
  private readonly counts = new Map<string, number>();

  add(f: Finding): void {
    this.counts.set(f.rule, (this.counts.get(f.rule) ?? 0) + 1);
    const kept = this.shown.get(f.rule) ?? [];
    if (kept.length < WARNINGS_SHOWN) this.shown.set(f.rule, [...kept, f]);
  }

  tell(notify: (message: string) => void): void {
    for (const [rule, kept] of this.shown) {
      for (const f of [...kept].sort(compareFindings)) notify(`svcaudit: ${f.file}:${f.line}:${f.column}: warning: ${f.message} (${f.rule})`);
      const more = this.counts.get(rule)! - kept.length;
      if (more > 0) notify(`svcaudit: … and ${more} more \`${rule}\` warning${more === 1 ? '' : 's'}; \`svcaudit validate\` lists every one.`);
    }
  }
}

const WARNINGS_SHOWN = 3;

/**
 * `--by KEY` with a key no respondent has would silently put everyone in one
 * "(none)" group: a typo (`--by rol`) must not pass as a report with no
 * perception gaps. Respondents without the field are allowed, and counted.
 */
class GroupingCheck {
  private readonly fields = new Set<string>();
  private withField = 0;
  private without = 0;

  constructor(private readonly by: string | undefined) {}

  add(row: AnswerRow): void {
    if (this.by === undefined) return;
    if (groupValueOf(row.field(this.by)) === NO_GROUP) this.without++;
    else this.withField++;
    // The fields are named only when no respondent has the key: once one has, they are not needed.
    if (this.withField === 0 && this.fields.size < 50) for (const key of row.fieldNames()) this.fields.add(key);
  }

  verify(inputs: readonly string[], notify: (message: string) => void): void {
    if (this.by === undefined || this.withField + this.without === 0) return;
    if (this.withField === 0) {
      const found = this.fields.size > 0 ? `respondent fields found: ${sortedByCodePoint(this.fields).map((f) => excerpt(f)).join(', ')}` : 'the respondents have no fields at all';
      const by = excerpt(this.by);
      throw new SvcauditError('usage', `--by ${by}: no respondent has a \`${by}\` field (${found}).`, { file: inputs.map(displayName).join(' ') });
    }
    if (this.without > 0) notify(`svcaudit: --by ${excerpt(this.by)}: ${this.without} respondent${this.without === 1 ? ' has' : 's have'} no \`${excerpt(this.by)}\`; they are grouped as ${NO_GROUP}.`);
  }
}
