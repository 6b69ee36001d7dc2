/**
 * `compare <before> <after>`: each side is a JSON report saved by `score --format json`, or
 * anything `score` accepts (a folder, files, a glob, a .csv, `-`), scored here the way `score`
 * scores it; which one is told through the input registry. The comparison itself is pure
 * (src/compare/). Values in; the comparison, the follow-up side and notes out.
 */
import { statSync } from 'node:fs';
import { compareSides } from '../compare/compare.js';
import type { ComparableReport } from '../compare/comparable.js';
import type { Comparison } from '../compare/comparison.js';
import { RespondentTable } from '../compare/respondent-table.js';
import type { ComparisonSide } from '../compare/side.js';
import { SvcauditError } from '../core/errors.js';
import { fileError, STDIN } from '../core/io/read-input.js';
import { excerpt } from '../core/inert-text.js';
import { decodeText } from '../core/io/decode-text.js';
import { inputFile } from '../inputs/read-answer-sets.js';
import { formatOfName, inputFormat, loadInputAdapter } from '../inputs/registry.js';
import type { Rubric } from '../rubric/model.js';
import { scoreInputs, type ScoreInputsOptions } from './score.js';

export interface CompareOptions extends Pick<ScoreInputsOptions, 'onNote' | 'ignore' | 'readRows'> {
  /** The rubric to score answers with, or a loader called on first use (two saved reports need none). */
  readonly rubric: Rubric | (() => Promise<Rubric>);
  /** Reads stdin, for a side given as `-`. */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** `--map`: the mapping both sides' survey exports are read through; `mapBefore`/`mapAfter` set one side's. */
  readonly map?: string | undefined;
  readonly mapBefore?: string | undefined;
  readonly mapAfter?: string | undefined;
  /** `--by`: the respondent field whose groups are compared as well. */
  readonly by?: string | undefined;
  /** `--min-group`: groups with fewer respondents on a side are not compared (default 3). */
  readonly minGroup?: number | undefined;
  /** `--many-groups`: a `--by` of more groups than a grouping has is meant (see app/score.ts). */
  readonly manyGroups?: boolean | undefined;
}

export interface CompareResult {
  readonly comparison: Comparison;
  /** The baseline side, whose organisation and fieldwork dates the human formats' headers show. */
  readonly baseline: ComparableReport;
  /** The follow-up side, whose plan and quotes the HTML progress report shows. */
  readonly followUp: ComparableReport;
}

export async function compare(before: string, after: string, options: CompareOptions): Promise<CompareResult> {
  if (before === STDIN && after === STDIN) throw new SvcauditError('usage', 'Only one side can be read from stdin (-).', { file: STDIN });
  if (options.map !== undefined && (options.mapBefore !== undefined || options.mapAfter !== undefined)) {
    throw new SvcauditError('usage', '--map sets the mapping of both sides; use it alone, or --map-before and --map-after.', { file: options.map });
  }
  const baseline = await loadSide(before, options, options.mapBefore ?? options.map);
  const followUp = await loadSide(after, options, options.mapAfter ?? options.map);
  checkSameRubric(baseline.report, followUp.report, { before, after });
  const comparison = compareSides(baseline, followUp, { beforeInput: before, afterInput: after, by: options.by, minGroup: options.minGroup });
  return { comparison, baseline: baseline.report, followUp: followUp.report };
}

/** One side: a saved report is read as it is; anything else is scored, each respondent kept in a compact table for pairing. */
async function loadSide(path: string, options: CompareOptions, map: string | undefined): Promise<ComparisonSide> {
  const input = inputFile(path, options.readStdin);
  const named = formatOfName(path);
  // Only stdin, a .json file or a file of another ending can be a saved report, told by its text;
  // answers files are left to `score`, which streams a CSV rather than reading it whole.
  const sniff = path === STDIN || ((named === undefined || named === 'saved-report') && isFile(path));
  if (sniff) {
    const text = textOf(await input.bytes(), input.file);
    if (inputFormat(path, () => text, ['report', 'answers']) === 'saved-report') return { kind: 'saved', report: await (await loadInputAdapter('saved-report')).readReport!(input) };
  }
  const rubric = typeof options.rubric === 'function' ? await options.rubric() : options.rubric;
  const table = new RespondentTable(rubric, { by: options.by });
  const scoring: ScoreInputsOptions = { ...(options.onNote ? { onNote: options.onNote } : {}), ignore: options.ignore, readStdin: input.bytes, by: options.by, manyGroups: options.manyGroups, map, onRow: (row) => table.addRow(row), ...(options.readRows === false ? { readRows: false } : {}) };
  const { report, groupCovariances } = await scoreInputs([path], rubric, scoring);
  return { kind: 'scored', rubric, report, table, groupCovariances };
}

/** UTF-8 text, or the error `score` gives for a binary file (exit 2, naming the file). */
function textOf(bytes: Uint8Array, file: string): string {
  const decoded = decodeText(bytes, file);
  if ('text' in decoded) return decoded.text;
  throw new SvcauditError('file-unparseable', decoded.finding.message, { file });
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch (error) {
    // A link loop, a path through a file: said in words (exit 2).
    throw fileError(path, error);
  }
}

/**
 * Items of two different rubrics cannot be matched, so that is an error
 * naming the follow-up (the side usually made later, with the wrong rubric).
 * A revised version of the same rubric is compared item by item, with a
 * warning in the comparison itself.
 */
function checkSameRubric(before: ComparableReport, after: ComparableReport, inputs: { before: string; after: string }): void {
  if (before.rubric.id !== after.rubric.id) {
    throw new SvcauditError(
      'usage',
      // A saved report's rubric id is text from its file: quoted as a short inert excerpt.
      `The two audits use different rubrics: ${excerpt(before.rubric.id)} in ${inputs.before}, ${excerpt(after.rubric.id)} here. Compare two audits of the same rubric (pass --rubric for answers files).`,
      { file: inputs.after },
    );
  }
}
