/**
 * Reads every answers input of `score` (YAML files, CSV exports, stdin) through the input
 * registry and hands each respondent's AnswerSet to `onSet` as soon as it is read, so scoring
 * streams. Problems are collected as findings; a file that cannot be read as data at all shows in
 * its findings' rules (see findingsErrorCode).
 */
import type { AnswerSet, ExclusionRule } from '../core/answers.js';
import type { AnswerRow } from '../core/answer-row.js';
import type { Finding } from '../core/finding.js';
import { displayName, readBytes, STDIN } from '../core/io/read-input.js';
import type { Rubric } from '../rubric/model.js';
import type { InputFile, SkippedKind } from './adapter.js';
import type { ParallelReading } from './parallel-reading.js';
import type { Mapping } from './survey/mapping.js';
import { formatOfName, inputFormat, loadInputAdapter } from './registry.js';
import { MAX_TEXT_BYTES } from '../core/io/decode-text.js';
import { headText } from './svcaudit-csv/detect.js';

export interface ReadAnswersResult {
  readonly respondents: number;
  readonly findings: readonly Finding[];
}

export interface ReadAnswersOptions {
  readonly readStdin?: () => Promise<Uint8Array>;
  /**
   * Rubric files to pass over rather than report: those found by expanding a
   * folder or glob, since a consultant often keeps the rubric beside the
   * interviews. A rubric named on its own is still an error.
   */
  readonly skipRubric?: (path: string) => boolean;
  readonly onSkip?: (path: string, what: SkippedKind) => void;
  /** `--map`: how survey exports are read. */
  readonly mapping?: Mapping | undefined;
  /** Rows of an export left out by its layout or the mapping's `include`. */
  readonly onExcluded?: (rule: ExclusionRule, rows: number) => void;
  /**
   * Warnings go here instead of into the result, so that a large export with a warning on every
   * row (a role outside an item's audience) is not held in memory.
   */
  readonly onWarning?: (finding: Finding) => void;
  /**
   * Respondents without quotes may come here, as rows read in place, instead of to `onSet`
   * (core/answer-row.ts): a million-row export then allocates nothing per row.
   */
  readonly onRow?: ((row: AnswerRow) => void) | undefined;
  readonly parallel?: ParallelReading | undefined;
}

export async function readAnswerSets(paths: readonly string[], rubric: Rubric, onSet: (set: AnswerSet) => void, options: ReadAnswersOptions = {}): Promise<ReadAnswersResult> {
  const findings: Finding[] = [];
  let respondents = 0;
  let path = '';
  const { onRow } = options;
  // One sink for every input (a folder may hold a hundred thousand), told which input it is reading.
  const sink = {
    answerSet: (set: AnswerSet) => {
      respondents++;
      onSet(set);
    },
    row: onRow && ((row: AnswerRow) => {
      respondents++;
      onRow(row);
    }),
    finding: (f: Finding) => {
      if (f.severity === 'warning' && options.onWarning) options.onWarning(f);
      else findings.push(f);
    },
    skipped: (what: SkippedKind) => options.onSkip?.(path, what),
    excluded: (rule: ExclusionRule, rows: number) => options.onExcluded?.(rule, rows),
  };
  for (path of paths) {
    const input = inputFile(path, options.readStdin);
    // Only stdin is told by its text, and it is read whole anyway.
    const stdinBytes = path === STDIN ? await input.bytes() : undefined;
    const format = inputFormat(path, () => (stdinBytes ? headText(stdinBytes) : ''), ['answers']);
    const adapter = await loadInputAdapter(format);
    await adapter.readAnswers!(input, rubric, sink, { skipRubric: options.skipRubric?.(path) === true, mapping: options.mapping, parallel: options.parallel });
  }
  return { respondents, findings };
}

/** An input whose bytes are read on first use, and once. */
export function inputFile(path: string, readStdin?: () => Promise<Uint8Array>): InputFile {
  let bytes: Promise<Uint8Array> | undefined;
  // A survey export may be of any length (its readers bound cells and rows); anything else is YAML
  // or JSON, read no further than its limit.
  const limit = formatOfName(path) === 'survey-export' ? Infinity : MAX_TEXT_BYTES;
  return { path, file: displayName(path), bytes: () => (bytes ??= readBytes(path, readStdin, limit)) };
}
