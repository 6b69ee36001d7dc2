import type { ComparableReport } from '../../compare/comparable.js';
import type { Comparison } from '../../compare/comparison.js';
import type { Style } from '../shared/style.js';

export interface CompareFormatOptions {
  readonly style: Style;
  /** Terminal width for the text format. */
  readonly width: number;
  /** When the comparison was made (ISO date), for document headers; injected so output is reproducible. */
  readonly date?: string | undefined;
  /** The configuration file's `organisation`, for the header; else the one a saved report names. */
  readonly organisation?: string | undefined;
  /** The baseline audit itself, for its organisation and fieldwork dates in the header. */
  readonly baseline?: ComparableReport | undefined;
  /** The follow-up audit itself, for what a comparison has no place for: its organisation and fieldwork dates, its plan, its notes and evidence (HTML only). */
  readonly followUp?: ComparableReport | undefined;
}

export type CompareFormatter = (comparison: Comparison, options: CompareFormatOptions) => string;
