import type { Finding } from './finding.js';

/** What was found in one file: the unit `validate` reports and a stopped `score` prints. */
export interface FileFindings {
  /** The path as the user gave it (or `<stdin>`). */
  readonly file: string;
  /** `rubric`, `answers` (a survey export too), `mapping`, `config`, or undefined when the file could not be told. */
  readonly kind: 'rubric' | 'answers' | 'mapping' | 'config' | undefined;
  readonly findings: readonly Finding[];
}
