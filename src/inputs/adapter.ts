/**
 * What an input format's reader offers (see registry.ts). `score` and `compare` read answer sets;
 * `validate` checks a file; `compare` also reads a saved report as one side.
 */
import type { AnswerSet } from '../core/answers.js';
import type { FileFindings } from '../core/file-findings.js';
import type { Finding } from '../core/finding.js';
import type { SavedReport } from '../compare/comparable.js';
import type { Rubric } from '../rubric/model.js';
import type { RubricCache } from './rubric-cache.js';

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
  readonly finding: (finding: Finding) => void;
  /** A rubric file met among the answers and passed over (see ReadAnswersOptions.skipRubric). */
  readonly skipped: () => void;
}

interface ReadAnswersFlags {
  /** Pass a rubric file over instead of reporting it as not answers. */
  readonly skipRubric: boolean;
}

export interface InputAdapter {
  /** Hands each respondent's answers to the sink as soon as they are read, so scoring streams. */
  readonly readAnswers?: (input: InputFile, rubric: Rubric, sink: AnswersSink, flags: ReadAnswersFlags) => Promise<void>;
  /** `validate`: every finding in the file, against the rubric its answers name. */
  readonly validate?: (input: InputFile, rubrics: RubricCache) => Promise<FileFindings>;
  /** `compare`: a report saved by `score --format json`. */
  readonly readReport?: (input: InputFile) => Promise<SavedReport>;
}
