/**
 * One side of `compare` read: a JSON report saved by `score --format json` as it is, anything
 * else scored the way `score` scores it, each respondent kept in a compact table for pairing.
 * Used by app/compare.ts and, for a follow-up read beside the baseline, app/side-worker.ts.
 */
import { statSync } from 'node:fs';
import { RespondentTable } from '../compare/respondent-table.js';
import type { ComparisonSide } from '../compare/side.js';
import { SvcauditError } from '../core/errors.js';
import { fileError, STDIN } from '../core/io/read-input.js';
import { decodeText } from '../core/io/decode-text.js';
import { inputFile } from '../inputs/read-answer-sets.js';
import { formatOfName, inputFormat, loadInputAdapter } from '../inputs/registry.js';
import type { Rubric } from '../rubric/model.js';
import type { CompareOptions } from './compare.js';
import { scoreInputs, type ScoreInputsOptions } from './score.js';

/** One side: a saved report is read as it is; anything else is scored, each respondent kept in a compact table for pairing. */
export async function loadSide(path: string, options: CompareOptions, map: string | undefined): Promise<ComparisonSide> {
  const input = inputFile(path, options.readStdin);
  const named = formatOfName(path);
  // Only stdin, a .json file or a file of another ending can be a saved report, told by its text;
  // answers files are left to `score`, which streams a CSV rather than reading it whole.
  const sniff = path === STDIN || ((named === undefined || named === 'saved-report') && isFile(path));
  if (sniff) {
    const text = textOf(await input.bytes(), input.file);
    if (inputFormat(path, () => text, ['report', 'answers']) === 'saved-report') return { kind: 'saved', report: await (await loadInputAdapter('saved-report')).readReport!(input) };
  }
  const rubric = await rubricOf(options);
  const table = new RespondentTable(rubric, { by: options.by });
  const scoring: ScoreInputsOptions = { ...(options.onNote ? { onNote: options.onNote } : {}), ignore: options.ignore, readStdin: input.bytes, by: options.by, manyGroups: options.manyGroups, map, onRow: (row) => table.addRow(row), ...(options.readRows === false ? { readRows: false } : {}) };
  const { report, groupCovariances } = await scoreInputs([path], rubric, scoring);
  return { kind: 'scored', rubric, report, table, groupCovariances };
}

/** The rubric answers are scored with: the one given, or the loader's (called when first needed). */
export async function rubricOf(options: Pick<CompareOptions, 'rubric'>): Promise<Rubric> {
  return typeof options.rubric === 'function' ? options.rubric() : options.rubric;
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

