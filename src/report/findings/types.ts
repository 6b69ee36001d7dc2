import type { Finding } from '../../core/finding.js';
import type { Style } from '../shared/style.js';

/** What `svcaudit validate` found in one file. */
export interface FileFindings {
  /** The path as the user gave it (or `<stdin>`). */
  readonly file: string;
  /** `rubric`, `answers`, or undefined when the file could not be told. */
  readonly kind: 'rubric' | 'answers' | undefined;
  readonly findings: readonly Finding[];
}

export interface FindingsFormatOptions {
  readonly style: Style;
  /** The tool's version, for SARIF's `tool.driver.version`. */
  readonly toolVersion: string;
  /** `--max-warnings`, so stylish can say when it was exceeded. */
  readonly maxWarnings: number | undefined;
}

export type FindingsFormatter = (results: readonly FileFindings[], options: FindingsFormatOptions) => string;
