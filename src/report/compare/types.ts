import type { Comparison } from '../../compare/comparison.js';
import type { Style } from '../style.js';

export interface CompareFormatOptions {
  readonly style: Style;
  /** Terminal width for the text format. */
  readonly width: number;
  /** When the comparison was made (ISO date), for document headers; injected so output is reproducible. */
  readonly date?: string | undefined;
}

export type CompareFormatter = (comparison: Comparison, options: CompareFormatOptions) => string;
