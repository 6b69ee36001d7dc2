import type { FileFindings } from '../../core/file-findings.js';
import type { Style } from '../shared/style.js';

export interface FindingsFormatOptions {
  readonly style: Style;
  /** The tool's version, for SARIF's `tool.driver.version`. */
  readonly toolVersion: string;
  /** `--max-warnings`, so stylish can say when it was exceeded. */
  readonly maxWarnings: number | undefined;
}

export type FindingsFormatter = (results: readonly FileFindings[], options: FindingsFormatOptions) => string;
