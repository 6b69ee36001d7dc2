/**
 * The public API: svcaudit without the command line (loadRubric, readAnswers, score, compare, validate, map, loadFormat). The same application calls the CLI makes
 * (src/app/), typed; every function returns values and findings and never prints or exits.
 * The reference of each value is in docs/ (file formats, the JSON report, the rules).
 */
import type { AnswerSet } from './core/answers.js';
import type { Finding } from './core/finding.js';
import { expandInputs } from './inputs/expand-inputs.js';
import { readAnswerSets } from './inputs/read-answer-sets.js';
import { loadMapping } from './app/mapping-file.js';
import { ANSWERS_EXTENSIONS } from './inputs/registry.js';
import { rubricItems, type Rubric } from './rubric/model.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat, type CompareFormatName } from './report/compare/formats.js';
import type { CompareFormatter } from './report/compare/types.js';
import { FINDINGS_FORMAT_NAMES, loadFindingsFormat, type FindingsFormatName } from './report/findings/formats.js';
import type { FindingsFormatter } from './report/findings/types.js';
import { GAP_FORMAT_NAMES, loadGapFormat, type GapFormatName } from './report/gap/formats.js';
import { SvcauditError } from './core/errors.js';
import type { GapFormatter } from './report/gap/types.js';

export { SvcauditError, type ErrorCode, type SourcePosition } from './core/errors.js';
export type { Outcome } from './core/outcome.js';
export type { Finding, Severity, Span } from './core/finding.js';
export type { FileFindings } from './core/file-findings.js';
export { RULES, type RuleId, type RuleInfo } from './core/rules.js';
export type { AnswerSet, Answer, Score } from './core/answers.js';
export type { Rubric, Section, Item, Action, Scale, Effort } from './rubric/model.js';
export type { Report, ItemResult, SectionResult, Overall, PlanStep, Quote, Comment, ExcludedRows } from './scoring/report.js';
// A report's quotes, comments and sources: read an entry at a time (an array is one too); JSON.stringify writes them as arrays.
export type { Sequence } from './core/sequence.js';
export type { Comparison, Change, SectionChange, ItemChange, GroupChange, Verdict, ComparisonWarning } from './compare/comparison.js';
export type { ComparableReport } from './compare/comparable.js';
export type { GapFormatName, GapFormatter, CompareFormatName, CompareFormatter, FindingsFormatName, FindingsFormatter };
export type { GapFormatOptions } from './report/gap/types.js';
export type { CompareFormatOptions } from './report/compare/types.js';
export type { FindingsFormatOptions } from './report/findings/types.js';
export { plainStyle, type Style } from './report/shared/style.js';
export { loadRubric, checkRubricReference, DEFAULT_RUBRIC } from './rubric/load-rubric.js';
export { checkRubricText } from './rubric/check-rubric.js';
export { rubricSchema, answersSchema } from './rubric/schema.js';
export { score, type ScoreOptions, type ScoreResult } from './app/score.js';
export { compare, type CompareOptions, type CompareResult } from './app/compare.js';
export { map, type MapOptions, type MapResult } from './app/map.js';
export { validate, validateFiles, type ValidateOptions, type ValidateFilesOptions, type ValidateResult } from './app/validate.js';
export { writeAnswersFile, formatAnswers, type WriteAnswersOptions } from './inputs/answers-yaml/write-answers.js';

export interface ReadAnswersResult {
  /** Every respondent's answers, in input order (files sorted within a folder). */
  readonly answerSets: readonly AnswerSet[];
  /** What was found wanting; answer sets with errors are left out of `answerSets`. */
  readonly findings: readonly Finding[];
}

export interface ReadAnswersOptions {
  /** A mapping file survey exports are read through, as `score --map` reads them. */
  readonly map?: string | undefined;
}

/**
 * Reads answers files, folders, globs and survey exports against a rubric, as `score` reads them.
 * A mapping with errors throws a SvcauditError carrying its findings.
 */
export async function readAnswers(inputs: readonly string[], rubric: Rubric, options: ReadAnswersOptions = {}): Promise<ReadAnswersResult> {
  const answerSets: AnswerSet[] = [];
  const mapping = options.map === undefined ? undefined : await loadMapping(options.map, rubric);
  // Without a mapping, a CSV found in a folder is read when its header names an item; through one, every table is.
  const files = await expandInputs(inputs, ANSWERS_EXTENSIONS, { itemIds: async () => (mapping === undefined ? new Set(rubricItems(rubric).map((item) => item.id)) : undefined) });
  const { findings } = await readAnswerSets(files, rubric, (set) => answerSets.push(set), { mapping });
  return { answerSets, findings };
}

/** One formatter of one output family: `report` (score), `comparison` (compare) or `findings` (validate). */
export function loadFormat(family: 'report', name: GapFormatName): Promise<GapFormatter>;
export function loadFormat(family: 'comparison', name: CompareFormatName): Promise<CompareFormatter>;
export function loadFormat(family: 'findings', name: FindingsFormatName): Promise<FindingsFormatter>;
export async function loadFormat(family: 'report' | 'comparison' | 'findings', name: string): Promise<GapFormatter | CompareFormatter | FindingsFormatter> {
  const names: readonly string[] = family === 'report' ? GAP_FORMAT_NAMES : family === 'comparison' ? COMPARE_FORMAT_NAMES : FINDINGS_FORMAT_NAMES;
  if (!names.includes(name)) throw new SvcauditError('usage', `There is no ${family} format \`${name}\` (formats: ${names.join(', ')}).`);
  if (family === 'report') return loadGapFormat(name as GapFormatName);
  if (family === 'comparison') return loadCompareFormat(name as CompareFormatName);
  return loadFindingsFormat(name as FindingsFormatName);
}
