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

/**
 * A format as the CLI writes it: the report's text in pieces, each made as it is written out,
 * so a long report (a hundred thousand groups, sources or quotes) is never one string in memory.
 * Joined, the pieces are the GapFormatter's text.
 */
export type GapPieces = (report: Report, options: GapFormatOptions) => Iterable<string>;
