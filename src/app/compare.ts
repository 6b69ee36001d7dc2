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
import type { ComparisonSide } from '../compare/side.js';
import { SvcauditError } from '../core/errors.js';
import { STDIN } from '../core/io/read-input.js';
import { excerpt } from '../core/inert-text.js';
import { formatOfName } from '../inputs/registry.js';
import type { Rubric } from '../rubric/model.js';
import { loadSide, rubricOf } from './compare-side.js';
import type { ScoreInputsOptions } from './score.js';
import { readSideInWorker, type PendingSide } from './side-in-worker.js';

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
  /**
   * Read the follow-up in a worker thread beside the baseline (app/side-in-worker.ts) when both
   * sides are files of answers and the follow-up has at least `minBytes`; the CLI asks for it.
   */
  readonly parallel?: { readonly minBytes: number } | undefined;
}

export interface CompareResult {
  readonly comparison: Comparison;
  /** The baseline side, whose organisation and fieldwork dates the human formats' headers show. */
  readonly baseline: ComparableReport;
  /** The follow-up side, whose plan and quotes the HTML progress report shows. */
  readonly followUp: ComparableReport;
  /** Whether the follow-up was read in a worker thread beside the baseline (see `parallel`). */
  readonly followUpInWorker: boolean;
}

export async function compare(before: string, after: string, options: CompareOptions): Promise<CompareResult> {
  if (before === STDIN && after === STDIN) throw new SvcauditError('usage', 'Only one side can be read from stdin (-).', { file: STDIN });
  if (options.map !== undefined && (options.mapBefore !== undefined || options.mapAfter !== undefined)) {
    throw new SvcauditError('usage', '--map sets the mapping of both sides; use it alone, or --map-before and --map-after.', { file: options.map });
  }
  const pending = await followUpInWorker(before, after, options);
  let baseline: ComparisonSide;
  try {
    baseline = await loadSide(before, options, options.mapBefore ?? options.map);
  } catch (error) {
    pending?.stop();
    throw error;
  }
  const fromWorker = await pending?.result;
  for (const message of fromWorker?.notes ?? []) options.onNote?.(message);
  const followUp = fromWorker?.side ?? (await loadSide(after, options, options.mapAfter ?? options.map));
  checkSameRubric(baseline.report, followUp.report, { before, after });
  const comparison = compareSides(baseline, followUp, { beforeInput: before, afterInput: after, by: options.by, minGroup: options.minGroup });
  return { comparison, baseline: baseline.report, followUp: followUp.report, followUpInWorker: fromWorker !== undefined };
}

/**
 * The follow-up side started in a worker thread, when `parallel` is asked for and both sides are
 * files of answers by their endings (so that reading the baseline loads the rubric first, as it
 * would without the worker) and the follow-up is large enough.
 */
async function followUpInWorker(before: string, after: string, options: CompareOptions): Promise<PendingSide | undefined> {
  if (options.parallel === undefined || before === STDIN || after === STDIN) return undefined;
  if (!answersByName(before) || !answersByName(after)) return undefined;
  // Anything odd about the file (missing, a folder, a link loop) is left to the main thread to report.
  let size;
  try {
    size = statSync(after, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (size === undefined || !size.isFile() || size.size < options.parallel.minBytes) return undefined;
  const rubric = await rubricOf(options);
  return readSideInWorker({
    path: after,
    map: options.mapAfter ?? options.map,
    rubric,
    options: { by: options.by, manyGroups: options.manyGroups, ignore: options.ignore, ...(options.readRows === false ? { readRows: false } : {}) },
  });
}

function answersByName(path: string): boolean {
  const named = formatOfName(path);
  return named !== undefined && named !== 'saved-report';
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
