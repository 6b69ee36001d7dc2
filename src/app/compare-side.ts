/**
 * One side of `svcaudit compare`: a JSON report made by `score --format json`,
 * or anything `score` accepts (a folder, files, a glob, a .csv, `-`), scored
 * here the way `score` scores it.
 */
import { statSync } from 'node:fs';
import type { ComparableReport } from '../compare/comparable.js';
import { looksLikeReport, parseReportJson } from '../inputs/saved-report/read-report.js';
import { decodeText } from '../core/io/decode-text.js';
import { readBytes, readStream, STDIN, STDIN_NAME } from '../core/io/read-input.js';
import { SvcauditError } from '../core/errors.js';
import type { Rubric } from '../rubric/model.js';
import type { CliContext } from '../cli/context.js';
import { scoreInputs, type ScoreInputsOptions } from './score-inputs.js';

/** `rubric`: the rubric to score with, loaded on first use (a JSON report needs none). */
export async function loadSide(input: string, rubric: () => Promise<Rubric>, options: ScoreInputsOptions, ctx: CliContext): Promise<ComparableReport> {
  if (input === STDIN) return loadStdin(rubric, options, ctx);
  const file = isFile(input);
  if (file && /\.json$/i.test(input)) return parseReportJson(textOf(await readBytes(input), input), input);
  // A report saved under another name (`report.txt`, no extension) is told apart by its content.
  if (file && !/\.(ya?ml|csv)$/i.test(input)) {
    const text = textOf(await readBytes(input), input);
    if (looksLikeReport(tryJson(text))) return parseReportJson(text, input);
  }
  return (await scoreInputs([input], await rubric(), options, ctx)).report;
}

/** stdin can be read only once, so it is read here, sniffed, and handed on to `score` when it holds answers. */
async function loadStdin(rubric: () => Promise<Rubric>, options: ScoreInputsOptions, ctx: CliContext): Promise<ComparableReport> {
  const bytes = await readStream(ctx.stdin);
  const text = textOf(bytes, STDIN_NAME);
  if (/^\s*\{/.test(text) && looksLikeReport(tryJson(text))) return parseReportJson(text, STDIN_NAME);
  return (await scoreInputs([STDIN], await rubric(), options, ctx, async () => bytes)).report;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

/** UTF-8 text, or the error `score` gives for a binary file (exit 2, naming the file). */
function textOf(bytes: Uint8Array, file: string): string {
  const decoded = decodeText(bytes, file);
  if ('text' in decoded) return decoded.text;
  throw new SvcauditError('file-unparseable', decoded.finding.message, { file });
}
