import type { Report } from '../../scoring/report.js';
import type { Style } from '../shared/style.js';

export interface GapFormatOptions {
  readonly style: Style;
  /** Terminal width for the text report. */
  readonly width: number;
  /** When the report was made (ISO date), for document headers; injected so output is reproducible. */
  readonly date?: string | undefined;
  /** The report goes to a terminal: the text report repeats Start here at its end. */
  readonly terminal?: boolean | undefined;
}

export type GapFormatter = (report: Report, options: GapFormatOptions) => string;
