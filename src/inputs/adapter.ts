/**
 * What an input format's reader offers (see registry.ts). `score` and `compare` read answer sets;
 * `validate` checks a file; `compare` also reads a saved report as one side.
 */
import type { AnswerSet, ExclusionRule } from '../core/answers.js';
import type { AnswerRow } from '../core/answer-row.js';
import type { FileFindings } from '../core/file-findings.js';
import type { Finding } from '../core/finding.js';
import type { SavedReport } from '../compare/comparable.js';
import type { Rubric } from '../rubric/model.js';
import type { RubricCache } from './rubric-cache.js';
import type { ParallelReading } from './parallel-reading.js';
import type { Mapping } from './survey/mapping.js';

/** One input as the adapters see it: where it is, the name findings use, and its content on demand. */
export interface InputFile {
  /** As the user gave it; `-` for stdin. */
  readonly path: string;
  /** The name findings and messages use (`<stdin>` for stdin). */
  readonly file: string;
  /** The whole content, read once (stdin can be read only once). */
  readonly bytes: () => Promise<Uint8Array>;
}

interface AnswersSink {
  readonly answerSet: (set: AnswerSet) => void;
  /**
   * Offered by a consumer that takes rows (score, compare): an adapter may hand a respondent on
   * as an AnswerRow read in place instead of an AnswerSet, when it has no quotes or comments.
   */
  readonly row?: ((row: AnswerRow) => void) | undefined;
  readonly finding: (finding: Finding) => void;
  /**
   * A file found by expanding a folder and passed over (see ReadAnswersOptions.skipRubric): a rubric
   * or mapping file, or a table that is neither svcaudit's layout nor read through --map.
   */
  readonly skipped: (what: SkippedKind) => void;
  /** Rows of an export that its layout or the mapping's `include` left out, counted per rule. */
  readonly excluded: (rule: ExclusionRule, rows: number) => void;
}

export type SkippedKind = 'rubric' | 'mapping' | 'export';

interface ReadAnswersFlags {
  /** The file was found by expanding a folder or glob: pass over what is not answers instead of reporting it. */
  readonly skipRubric: boolean;
  /** `--map`: how to read a survey export (checked before any input is read). */
  readonly mapping: Mapping | undefined;
  readonly parallel?: ParallelReading | undefined;
}

interface ValidateFlags {
  /** `validate --map`: survey exports are checked through it. */
  readonly mapping: Mapping | undefined;
  /** The file was found by expanding a folder or glob: a table that needs a mapping is passed over. */
  readonly expanded: boolean;
}

export interface InputAdapter {
  /** Hands each respondent's answers to the sink as soon as they are read, so scoring streams. */
  readonly readAnswers?: (input: InputFile, rubric: Rubric, sink: AnswersSink, flags: ReadAnswersFlags) => Promise<void>;
  /** `validate`: every finding in the file, against the rubric its answers name. */
  readonly validate?: (input: InputFile, rubrics: RubricCache, flags: ValidateFlags) => Promise<FileFindings | 'passed-over'>;
  /** `compare`: a report saved by `score --format json`. */
  readonly readReport?: (input: InputFile) => Promise<SavedReport>;
}
